import { rmSync } from 'node:fs';
import type { SignResult } from '../../shared/api/schemas/signing.ts';
import { numberNotation } from '../../shared/domain/notation.ts';
import type { SignatureKind } from '../../shared/domain/signature-kinds.ts';
import { isAppError } from '../../shared/errors.ts';
import type { ProgramResources } from '../program/resources.ts';
import type { RegistryContext } from '../registry/context.ts';
import { documentFile } from '../registry/documents.ts';
import { addFileRevision } from '../registry/file-revisions.ts';
import { refuseIfFrozen } from '../registry/frozen-documents.ts';
import type { Rect } from '../pdf/sign-pdf.ts';
import { type TokenAccess, withTokenSigner } from './token-signer.ts';

export interface BatchItem {
  readonly documentId: number;
  readonly sha256: string;
  readonly placement?: { readonly page: number; readonly rect: Rect } | null | undefined;
}

// A token that is gone or refuses to sign fails every later file too.
const STOPS_THE_BATCH = new Set(['TOKEN_UNAVAILABLE', 'SIGNING_FAILED']);

// The clerk's batch: one login, the files signed one after the other, each kept as a new revision
// of its document as soon as it is signed. A file the signing refuses is reported and the batch
// goes on; a token failure (removed, locked…) stops it, and the files after it are reported as
// not attempted.
export async function signBatch(
  ctx: RegistryContext,
  access: TokenAccess,
  resources: ProgramResources,
  kind: SignatureKind,
  items: readonly BatchItem[],
): Promise<SignResult> {
  // Every file is checked (on its document, present, intact, not in a handed-over case file)
  // before the PIN is used: the token signs nothing that could not be kept.
  const sources = items.map((item) => ({ item, ...documentFile(ctx, item.documentId, item.sha256) }));
  for (const id of new Set(items.map((i) => i.documentId))) refuseIfFrozen(ctx, id, `document.file.${kind}`);
  const results: SignResult['results'] = [];
  let stoppedVi: string | null = null;
  await withTokenSigner(ctx, access, resources, [kind], async (signer) => {
    for (const source of sources) {
      const base = { documentId: source.doc.id, sha256: source.file.sha256 };
      if (stoppedVi) {
        results.push({ ...base, status: 'not-attempted', file: null, level: null, messageVi: 'Chưa ký: phiên ký đã dừng.' });
        continue;
      }
      const output = ctx.blobs.scratchPath('sign');
      try {
        const signed = await signer.sign({
          input: source.path,
          output,
          kind,
          placement: source.item.placement ?? null,
          anchor: source.doc.signerName?.trim() || null,
          numberNotation: numberNotation(source.doc),
        });
        const file = addFileRevision(ctx, {
          documentId: source.doc.id,
          from: source.file,
          kind,
          path: signed.output,
          details: { level: signed.level, field: signed.fieldName, certificate: signer.certificateSerial },
        });
        results.push({ ...base, status: 'signed', file, level: signed.level, messageVi: signed.timestampProblem });
      } catch (e) {
        rmSync(output, { force: true });
        if (!isAppError(e)) throw e;
        results.push({ ...base, status: 'failed', file: null, level: null, messageVi: e.messageVi });
        if (STOPS_THE_BATCH.has(e.code)) stoppedVi = e.messageVi;
      }
    }
  });
  return { results, signed: results.filter((r) => r.status === 'signed').length, failed: results.filter((r) => r.status === 'failed').length, stoppedVi };
}
