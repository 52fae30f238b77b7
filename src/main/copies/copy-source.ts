import type { CopyOptions } from '../../shared/api/schemas/copies.ts';
import type { AttachmentRecord, DocumentRecord } from '../../shared/api/schemas/documents.ts';
import { COPY_FORMS, COPY_KINDS, copyAnswer, type CopyAnswer, type CopyForm, type CopyKind, type CopySource } from '../../shared/domain/copy-rules.ts';
import { AppError } from '../../shared/errors.ts';
import { statement } from '../db/statements.ts';
import { copiesOf, copyByDocument } from '../registry/copies-repo.ts';
import type { RegistryContext } from '../registry/context.ts';
import { digitisedFiles } from '../registry/digitisations.ts';
import { getDocument, listAttachments } from '../registry/documents.ts';

// What the copy rules (shared/domain/copy-rules.ts) are told about a document's file, read from
// the registry: secret (its issuance says so, or its register is a secret series), void, PDF,
// digitised from which paper, or an electronic sao y this agency made.
function isSecret(ctx: RegistryContext, documentId: number): boolean {
  const row = statement(
    ctx.db,
    `SELECT s.secret AS secret, (SELECT secrecy FROM issuances WHERE document_id = d.id) AS secrecy
     FROM documents d JOIN registers r ON r.id = d.register_id JOIN series s ON s.id = r.series_id WHERE d.id = ?`,
  ).get(documentId) as { secret: number; secrecy: string | null } | undefined;
  return row?.secret === 1 || (row?.secrecy ?? 'none') !== 'none';
}

function sourceFacts(ctx: RegistryContext, doc: DocumentRecord, file: AttachmentRecord, digitised: ReadonlyMap<string, CopySource['digitised']>): CopySource {
  const own = copyByDocument(ctx, doc.id);
  return {
    secret: isSecret(ctx, doc.id),
    void: doc.status === 'void',
    isPdf: file.name.toLowerCase().endsWith('.pdf') && file.present,
    digitised: digitised.get(file.sha256) ?? null,
    electronicCertifiedCopy: own !== null && own.kind === 'sao-y' && own.form === 'electronic' && own.file.sha256 === file.sha256 && file.revisionKind === 'copy',
  };
}

export function copyOptionsOf(ctx: RegistryContext, documentId: number): CopyOptions {
  const doc = getDocument(ctx, documentId);
  const digitised = digitisedFiles(ctx, documentId);
  const files = listAttachments(ctx, documentId).filter((f, i, all) => all.findIndex((x) => x.sha256 === f.sha256) === i);
  return {
    documentId,
    files: files.map((file) => {
      const facts = sourceFacts(ctx, doc, file, digitised);
      return {
        sha256: file.sha256,
        name: file.name,
        digitised: facts.digitised,
        options: COPY_KINDS.flatMap((kind) => COPY_FORMS.map((form) => ({ kind, form, answer: copyAnswer(facts, kind, form) }))),
      };
    }),
    copies: copiesOf(ctx, documentId),
    copyOf: copyByDocument(ctx, documentId),
  };
}

// The rule, enforced where the copy is made: refused with the law's reason, or the article the
// copy rests on.
export function requireCopyAllowed(
  ctx: RegistryContext,
  documentId: number,
  sha256: string,
  kind: CopyKind,
  form: CopyForm,
): { doc: DocumentRecord; file: AttachmentRecord; basis: string } {
  const doc = getDocument(ctx, documentId);
  const file = listAttachments(ctx, documentId).find((a) => a.sha256 === sha256);
  if (!file) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp này trong văn bản.', `file ${sha256} not on document ${documentId}`);
  const answer: CopyAnswer = copyAnswer(sourceFacts(ctx, doc, file, digitisedFiles(ctx, documentId)), kind, form);
  if (!answer.allowed) {
    throw new AppError('FORBIDDEN', answer.reasonVi, `copy ${kind}/${form} of document ${documentId} file ${sha256} refused by Decree 30 Art. 25/33.2`, { kind, form });
  }
  return { doc, file, basis: answer.basis };
}
