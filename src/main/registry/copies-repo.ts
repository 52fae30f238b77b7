import type { CopyRecord } from '../../shared/api/schemas/copies.ts';
import type { CopyForm, CopyKind } from '../../shared/domain/copy-rules.ts';
import { numberNotation } from '../../shared/domain/notation.ts';
import { statement } from '../db/statements.ts';
import type { RegistryContext } from './context.ts';
import { getDocument, listAttachments } from './documents.ts';

// The copies made of documents (migration 0009): the copy's own register row in the copies
// series, the document and file it copies, its form and the article it rests on.
interface CopyRow {
  id: number;
  copy_document_id: number;
  source_document_id: number;
  source_sha256: string;
  kind: CopyKind;
  form: CopyForm;
  output_sha256: string;
  basis: string;
}

export function insertCopy(
  ctx: RegistryContext,
  row: { copyDocumentId: number; sourceDocumentId: number; sourceSha256: string; kind: CopyKind; form: CopyForm; outputSha256: string; basis: string; at: string },
): number {
  const info = statement(
    ctx.db,
    `INSERT INTO copies (copy_document_id, source_document_id, source_sha256, kind, form, output_sha256, basis, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.copyDocumentId, row.sourceDocumentId, row.sourceSha256, row.kind, row.form, row.outputSha256, row.basis, row.at);
  return Number(info.lastInsertRowid);
}

function toRecord(ctx: RegistryContext, r: CopyRow): CopyRecord {
  const doc = getDocument(ctx, r.copy_document_id);
  const file = listAttachments(ctx, r.copy_document_id).find((a) => a.sha256 === r.output_sha256);
  if (!file) throw new Error(`copy ${r.id} has lost its file ${r.output_sha256}`);
  const queued = statement(ctx.db, 'SELECT recipient_name AS name, organ_id AS organId, status FROM outbox WHERE document_id = ? ORDER BY id').all(
    r.copy_document_id,
  ) as CopyRecord['queued'];
  return {
    id: r.id,
    copyDocumentId: r.copy_document_id,
    sourceDocumentId: r.source_document_id,
    sourceSha256: r.source_sha256,
    kind: r.kind,
    form: r.form,
    numberNotation: numberNotation(doc),
    copyDate: doc.documentDate,
    file,
    basis: r.basis,
    status: doc.status,
    queued,
  };
}

export function getCopy(ctx: RegistryContext, id: number): CopyRecord | null {
  const row = statement(ctx.db, 'SELECT * FROM copies WHERE id = ?').get(id) as CopyRow | undefined;
  return row ? toRecord(ctx, row) : null;
}

export function copiesOf(ctx: RegistryContext, sourceDocumentId: number): CopyRecord[] {
  return (statement(ctx.db, 'SELECT * FROM copies WHERE source_document_id = ? ORDER BY id').all(sourceDocumentId) as CopyRow[]).map((r) => toRecord(ctx, r));
}

export function copyByDocument(ctx: RegistryContext, copyDocumentId: number): CopyRecord | null {
  const row = statement(ctx.db, 'SELECT * FROM copies WHERE copy_document_id = ?').get(copyDocumentId) as CopyRow | undefined;
  return row ? toRecord(ctx, row) : null;
}
