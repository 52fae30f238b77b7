import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { OperationName } from '../../shared/api/contract.ts';
import type { AttachmentRecord, DocumentRecord } from '../../shared/api/schemas/documents.ts';
import type { SignResult, TokenModule } from '../../shared/api/schemas/signing.ts';
import type { SignatureKind } from '../../shared/domain/signature-kinds.ts';
import { AppError, isAppError } from '../../shared/errors.ts';
import type { Profile } from '../profile/open-profile.ts';
import { getAgencyProfile } from '../registry/agency-repo.ts';
import { getDocument, listAttachments } from '../registry/documents.ts';
import { addFileRevision } from '../registry/file-revisions.ts';
import { fillNumberAndDate } from '../signing/fill-number.ts';
import { startTokenClient, type TokenClient } from '../signing/pkcs11/token-client.ts';
import { planSignature, prepareSigning, signFile } from '../signing/sign-file.ts';
import { publicSettings, saveSigningSettings, signingSettingsOf } from '../signing/signing-settings.ts';
import { loadCrlFiles } from '../signing/trust/crl-files.ts';
import { trustDirsOf, verifyWithProfileTrust } from '../signing/trust/profile-trust.ts';
import type { Handlers } from './handlers.ts';

export type SigningOperation = Extract<OperationName, `signing.${string}` | `token.${string}`>;

export interface SigningHandlerOptions {
  readonly resourcesDir?: string;
  // The bundled token worker in the packaged app; the source file otherwise.
  readonly tokenWorkerUrl?: URL;
  // Environment for PKCS#11 modules (SOFTHSM2_CONF for the loopback bridge in tests).
  readonly tokenEnv?: Readonly<Record<string, string>>;
}

export interface SigningHandlers {
  readonly handlers: Pick<Handlers, SigningOperation>;
  // The one token worker of the app, shared with the issuance steps that sign: a second worker
  // would initialise the same PKCS#11 module twice in one process.
  tokens(): TokenClient;
  readonly resourcesDir?: string | undefined;
  close(): Promise<void>;
}

// A stored PDF of a document, checked before any token work: present, intact, a PDF.
function sourceFile(p: Profile, documentId: number, sha256: string): { doc: DocumentRecord; file: AttachmentRecord; path: string } {
  const doc = getDocument(p, documentId);
  const file = listAttachments(p, documentId).find((a) => a.sha256 === sha256);
  if (!file) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp này trong văn bản.', `file ${sha256} not on document ${documentId}`);
  const state = p.blobs.check(sha256, file.size);
  if (state !== 'ok') {
    throw new AppError('FILE_MISSING', `Tệp "${file.name}" ${state === 'missing' ? 'bị thiếu' : 'bị hỏng'} trong kho dữ liệu: hãy khôi phục từ bản sao lưu.`, `blob ${sha256} is ${state}`);
  }
  return { doc, file, path: p.blobs.pathOf(sha256) };
}

function numberNotationOf(doc: DocumentRecord): string {
  return `${doc.codeNumber}/${doc.codeNotation}`;
}

function imageFor(p: Profile, kind: SignatureKind): Uint8Array | null {
  const settings = signingSettingsOf(p);
  const sha = kind === 'approval' ? settings.signatureImage : kind === 'agency' ? settings.sealImage : null;
  if (kind !== 'approval' && kind !== 'agency') return null;
  if (!sha || !p.blobs.has(sha)) {
    throw new AppError(
      'INVALID_INPUT',
      kind === 'approval' ? 'Chưa có ảnh chữ ký của người ký: hãy chọn ảnh trong Cài đặt ký số.' : 'Chưa có ảnh con dấu của cơ quan: hãy chọn ảnh trong Cài đặt ký số.',
      `no ${kind} image in the signing settings`,
    );
  }
  return p.blobs.read(sha);
}

// The approval image goes above the signer's name when the page has it (a draft laid out by
// Decree 30 does); otherwise the default place, which the clerk moves in the preview.
function signerAnchor(doc: DocumentRecord): { anchor: string | null; anchorOptional: true } {
  return { anchor: doc.signerName?.trim() || null, anchorOptional: true };
}

function tempOutput(p: Profile): string {
  return join(p.paths.tmp, `sign-${randomUUID()}.pdf`);
}

// The signing operations of the API contract. One token worker serves the whole app; a batch
// logs in once, signs its files one after the other, and stops at the first token failure
// (removed, locked…), reporting which files were signed and which not.
export function createSigningHandlers(ready: () => Profile, options: SigningHandlerOptions = {}): SigningHandlers {
  let client: TokenClient | null = null;
  const tokens = (): TokenClient => {
    client ??= startTokenClient({
      ...(options.tokenWorkerUrl ? { workerUrl: options.tokenWorkerUrl } : {}),
      ...(options.tokenEnv ? { env: { ...options.tokenEnv } } : {}),
    });
    return client;
  };

  const handlers: Pick<Handlers, SigningOperation> = {
    'signing.settings': () => publicSettings(signingSettingsOf(ready())),
    'signing.saveSettings': (input) => saveSigningSettings(ready(), input),
    'token.list': async () => {
      const c = tokens();
      const modules = await c.listModules(signingSettingsOf(ready()).modulePaths);
      const out: TokenModule[] = [];
      for (const m of modules) {
        const found = m.status === 'loaded' ? await c.listTokens(m.path) : [];
        out.push({
          path: m.path,
          source: m.source,
          status: m.status,
          description: m.library ? `${m.library.description} (${m.library.manufacturer})` : null,
          reasonVi: m.reasonVi ?? null,
          tokens: found.map((t) => ({
            label: t.label,
            serialNumber: t.serialNumber,
            manufacturer: t.manufacturer,
            model: t.model,
            pinStatus: t.pinStatus,
            certificates: t.certificates.map(({ derBase64: _der, ...summary }) => ({ ...summary, keyUsage: [...summary.keyUsage] })),
          })),
        });
      }
      return out;
    },
    'signing.placement': async (input) => {
      const p = ready();
      const { doc, path } = sourceFile(p, input.documentId, input.sha256);
      const plan = await planSignature({
        input: path,
        kind: input.kind,
        signingTime: p.clock.now(),
        numberNotation: numberNotationOf(doc),
        copyingAgency: getAgencyProfile(p)?.name ?? '',
        sealMm: signingSettingsOf(p).sealMm,
        ...signerAnchor(doc),
      });
      return { page: plan.placement.page, rect: [...plan.placement.rect], basis: plan.placement.basis, pages: plan.pages.map((x) => ({ width: x.width, height: x.height })) };
    },
    'signing.sign': async (input) => {
      const p = ready();
      // Everything that can be refused is refused before the PIN is used.
      const image = imageFor(p, input.kind);
      const sources = input.items.map((item) => ({ item, ...sourceFile(p, item.documentId, item.sha256) }));
      const settings = signingSettingsOf(p);
      const agencyName = getAgencyProfile(p)?.name ?? '';
      const crls = loadCrlFiles(trustDirsOf(p, options.resourcesDir));
      const [session] = await Promise.all([tokens().openSession({ modulePath: input.modulePath, tokenSerial: input.tokenSerial, pin: input.pin }), prepareSigning()]);
      const results: SignResult['results'] = [];
      let stoppedVi: string | null = null;
      try {
        const signer = session.signer(input.certificateId);
        for (const source of sources) {
          const base = { documentId: source.doc.id, sha256: source.file.sha256 };
          if (stoppedVi) {
            results.push({ ...base, status: 'not-attempted', file: null, level: null, messageVi: 'Chưa ký: phiên ký đã dừng.' });
            continue;
          }
          const output = tempOutput(p);
          try {
            const signed = await signFile({
              input: source.path,
              output,
              kind: input.kind,
              signer,
              signingTime: p.clock.now(),
              image,
              numberNotation: numberNotationOf(source.doc),
              copyingAgency: agencyName,
              placement: source.item.placement ?? null,
              ...signerAnchor(source.doc),
              sealMm: settings.sealMm,
              tsaUrl: settings.tsaUrl,
              crls,
            });
            const file = addFileRevision(p, {
              documentId: source.doc.id,
              from: source.file,
              kind: input.kind,
              path: output,
              details: { level: signed.level, field: signed.fieldName, certificate: session.certificates.find((c) => c.id === input.certificateId)?.serialNumber ?? null },
            });
            results.push({ ...base, status: 'signed', file, level: signed.level, messageVi: signed.timestampProblem });
          } catch (e) {
            rmSync(output, { force: true });
            if (!isAppError(e)) throw e;
            results.push({ ...base, status: 'failed', file: null, level: null, messageVi: e.messageVi });
            // A token that is gone or refuses to sign fails every later file too.
            if (e.code === 'TOKEN_UNAVAILABLE' || e.code === 'SIGNING_FAILED') stoppedVi = e.messageVi;
          }
        }
      } finally {
        await session.close().catch(() => undefined);
      }
      return { results, signed: results.filter((r) => r.status === 'signed').length, failed: results.filter((r) => r.status === 'failed').length, stoppedVi };
    },
    'signing.number': async (input) => {
      const p = ready();
      const { doc, file, path } = sourceFile(p, input.documentId, input.sha256);
      if (doc.direction !== 'outgoing') throw new AppError('INVALID_INPUT', 'Chỉ văn bản đi mới được ghi số vào tệp.', `document ${doc.id} is ${doc.direction}`);
      const place = getAgencyProfile(p)?.placeName ?? '';
      const output = tempOutput(p);
      try {
        await fillNumberAndDate({
          input: path,
          output,
          numberNotation: numberNotationOf(doc),
          date: doc.documentDate,
          place,
          numberAt: input.numberAt ?? null,
          dateAt: input.dateAt ?? null,
          dateAnchor: input.dateAt ? null : `${place},`,
        });
        return addFileRevision(p, { documentId: doc.id, from: file, kind: 'number', path: output, details: { number: numberNotationOf(doc), date: doc.documentDate } });
      } catch (e) {
        rmSync(output, { force: true });
        throw e;
      }
    },
    'signing.verify': async (input) => {
      const p = ready();
      const { file, path } = sourceFile(p, input.documentId, input.sha256);
      return verifyWithProfileTrust(p, path, file.name, options.resourcesDir);
    },
  };
  return {
    handlers,
    tokens,
    resourcesDir: options.resourcesDir,
    async close() {
      await client?.close();
      client = null;
    },
  };
}
