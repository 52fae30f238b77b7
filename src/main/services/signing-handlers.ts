import type { TokenModule } from '../../shared/api/schemas/signing.ts';
import type { DocumentRecord } from '../../shared/api/schemas/documents.ts';
import { numberNotation } from '../../shared/domain/notation.ts';
import { AppError } from '../../shared/errors.ts';
import { getAgencyProfile } from '../registry/agency-repo.ts';
import { refuseIfFrozen } from '../registry/frozen-documents.ts';
import { documentFile, getDocument } from '../registry/documents.ts';
import { addFileRevision } from '../registry/file-revisions.ts';
import { fillNumberAndDate } from '../signing/fill-number.ts';
import { signBatch } from '../signing/sign-batch.ts';
import { planSignature } from '../signing/sign-file.ts';
import { publicSettings, saveSigningSettings, signingSettingsOf } from '../signing/signing-settings.ts';
import { verifyWithProfileTrust } from '../signing/trust/profile-trust.ts';
import type { HandlerDeps, HandlersOf } from './handler-types.ts';

// The approval image goes above the signer's name when the page has it (a draft laid out by
// Decree 30 does); otherwise the default place, which the clerk moves in the preview.
function signerAnchor(doc: DocumentRecord): string | null {
  return doc.signerName?.trim() || null;
}

// The signing operations of the API contract (docs/signing.md). The batch rules live in
// signing/sign-batch.ts; the token worker is the process's one (HandlerDeps.tokens).
export function createSigningHandlers({ ready, tokens, resources }: Pick<HandlerDeps, 'ready' | 'tokens' | 'resources'>): HandlersOf<'signing' | 'token'> {
  return {
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
          provider: m.provider ?? null,
          owner: m.owner ?? null,
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
      const { doc, path } = documentFile(p, input.documentId, input.sha256);
      const plan = await planSignature({
        input: path,
        kind: input.kind,
        signingTime: p.clock.now(),
        numberNotation: numberNotation(doc),
        copyingAgency: getAgencyProfile(p)?.name ?? '',
        sealMm: signingSettingsOf(p).sealMm,
        anchor: signerAnchor(doc),
        anchorOptional: true,
        fontsDir: resources.fonts,
      });
      return { page: plan.placement.page, rect: [...plan.placement.rect], basis: plan.placement.basis, pages: plan.pages.map((x) => ({ width: x.width, height: x.height })) };
    },
    'signing.sign': (input) => {
      // A certified copy is made in "Sao văn bản" (copies.makeElectronic), which numbers it in the
      // copies series and signs only what Art. 25.1 and 33.2 allow (docs/copies.md).
      if (input.kind === 'copy') {
        throw new AppError(
          'FORBIDDEN',
          'Bản sao điện tử được lập ở mục "Sao văn bản" của văn bản: bản sao phải được cấp số trong sổ bản sao, và khóa của cơ quan chỉ ký bản sao từ văn bản giấy sang văn bản điện tử (Điều 25.1, 33.2 Nghị định 30/2020).',
          'signing.sign with kind copy refused: copies go through copies.makeElectronic',
        );
      }
      // Art. 33.2: the agency's key signs the agency's own documents and the copies from paper it
      // makes; a file of an incoming document is another agency's, and is copied, never signed.
      const p = ready();
      const foreign = input.items.map((i) => getDocument(p, i.documentId)).find((d) => d.direction === 'incoming');
      if (foreign) {
        throw new AppError(
          'FORBIDDEN',
          `Văn bản đến số ${foreign.number}/${foreign.year} là văn bản của cơ quan khác: không ký số vào tệp của văn bản đến (Điều 33.2 Nghị định 30/2020). Muốn có bản sao, hãy dùng mục "Sao văn bản".`,
          `signing.sign on files of incoming document ${foreign.id} refused (Decree 30 Art. 33.2)`,
        );
      }
      return signBatch(
        p,
        { client: tokens(), modulePath: input.modulePath, tokenSerial: input.tokenSerial, certificateId: input.certificateId, pin: input.pin },
        resources,
        input.kind,
        input.items,
      );
    },
    'signing.number': async (input) => {
      const p = ready();
      const { doc, file, path } = documentFile(p, input.documentId, input.sha256);
      if (doc.direction !== 'outgoing') throw new AppError('INVALID_INPUT', 'Chỉ văn bản đi mới được ghi số vào tệp.', `document ${doc.id} is ${doc.direction}`);
      refuseIfFrozen(p, doc.id, 'document.file.number');
      const place = getAgencyProfile(p)?.placeName ?? '';
      const output = p.blobs.scratchPath('number');
      await fillNumberAndDate({
        input: path,
        output,
        numberNotation: numberNotation(doc),
        date: doc.documentDate,
        place,
        numberAt: input.numberAt ?? null,
        dateAt: input.dateAt ?? null,
        dateAnchor: input.dateAt ? null : `${place},`,
        fontsDir: resources.fonts,
      }).catch((e: unknown) => {
        p.blobs.discardScratch(output);
        throw e;
      });
      return addFileRevision(p, { documentId: doc.id, from: file, kind: 'number', path: output, details: { number: numberNotation(doc), date: doc.documentDate } });
    },
    'signing.verify': async (input) => {
      const p = ready();
      const { file, path } = documentFile(p, input.documentId, input.sha256);
      return verifyWithProfileTrust(p, path, file.name, resources.dir);
    },
  };
}
