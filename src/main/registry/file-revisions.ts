import type { AttachmentRecord } from '../../shared/api/schemas/documents.ts';
import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import { timestamp } from './clock.ts';
import type { RegistryContext } from './context.ts';
import { listAttachments } from './documents.ts';
import { refuseIfFrozen } from './frozen-documents.ts';

export type RevisionKind = NonNullable<AttachmentRecord['revisionKind']>;

const SUFFIX: Readonly<Record<RevisionKind, string>> = {
  approval: 'ky-duyet',
  number: 'cap-so',
  agency: 'ky-phat-hanh',
  attachment: 'ky-so',
  copy: 'sao-y',
};

// "quyet-dinh.pdf" signed for approval is shown as "quyet-dinh-ky-duyet.pdf"; a later step
// replaces the earlier step's suffix rather than piling them up.
export function revisionName(sourceName: string, kind: RevisionKind): string {
  const dot = sourceName.toLowerCase().endsWith('.pdf') ? sourceName.length - 4 : sourceName.length;
  const stem = sourceName.slice(0, dot).replace(new RegExp(`-(${Object.values(SUFFIX).join('|')})$`), '');
  return `${stem}-${SUFFIX[kind]}.pdf`;
}

// A signed or numbered PDF, already written durably at `path` inside the profile, becomes a
// stored file of the document next to the one it was made from (which is kept), with an audit
// entry saying which step made it, in one transaction.
export function addFileRevision(
  ctx: RegistryContext,
  input: { documentId: number; from: AttachmentRecord; kind: RevisionKind; path: string; details: Record<string, unknown> },
): AttachmentRecord {
  refuseIfFrozen(ctx, input.documentId, `document.file.${input.kind}`);
  const blob = ctx.blobs.adoptFile(input.path);
  const name = revisionName(input.from.name, input.kind);
  writeTransaction(ctx.db, () => {
    const at = timestamp(ctx.clock);
    statement(ctx.db, 'INSERT OR IGNORE INTO files (sha256, size, created_at) VALUES (?, ?, ?)').run(blob.sha256, blob.size, at);
    statement(ctx.db, 'INSERT INTO document_files (document_id, sha256, name, added_at, revision_of, revision_kind) VALUES (?, ?, ?, ?, ?, ?)').run(
      input.documentId,
      blob.sha256,
      name,
      at,
      input.from.sha256,
      input.kind,
    );
    ctx.audit.append({
      action: input.kind === 'number' ? 'document.file.numbered' : 'document.file.signed',
      entityType: 'document',
      entityId: input.documentId,
      details: { kind: input.kind, from: input.from.sha256, sha256: blob.sha256, size: blob.size, name, ...input.details },
    });
  });
  const added = listAttachments(ctx, input.documentId).filter((a) => a.sha256 === blob.sha256).pop();
  if (!added) throw new Error(`revision ${blob.sha256} not linked`);
  return added;
}
