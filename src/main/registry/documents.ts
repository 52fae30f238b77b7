import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import type {
  AttachmentRecord,
  DocumentDetail,
  DocumentRecord,
  documentPatch,
} from '../../shared/api/schemas/documents.ts';
import { resolveType } from '../../shared/domain/document-types.ts';
import { checkRegisterDates } from '../../shared/domain/date-rules.ts';
import { duplicateKey } from '../../shared/domain/duplicates.ts';
import { priorityCode } from '../../shared/domain/priority.ts';
import { AppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import { linkFiles, stageBase64 } from './attachments.ts';
import { timestamp, today } from './clock.ts';
import type { RegistryContext } from './context.ts';
import { DOCUMENT_COLUMNS, DOCUMENT_FROM, type DocumentRow, toDocumentRecord } from './document-rows.ts';
import { refuseIfFrozen } from './frozen-documents.ts';
import { indexDocument } from './search-index.ts';

export function findDocument(ctx: RegistryContext, id: number): DocumentRecord | null {
  const row = statement(ctx.db, `SELECT ${DOCUMENT_COLUMNS} FROM ${DOCUMENT_FROM} WHERE d.id = @id`).get({
    id,
    today: today(ctx.clock),
  }) as DocumentRow | undefined;
  return row ? toDocumentRecord(row) : null;
}

export function getDocument(ctx: RegistryContext, id: number): DocumentRecord {
  const doc = findDocument(ctx, id);
  if (!doc) throw new AppError('NOT_FOUND', `Không tìm thấy văn bản (mã ${id}).`, `document ${id} not found`);
  return doc;
}

export function listAttachments(ctx: RegistryContext, documentId: number): AttachmentRecord[] {
  const rows = statement(
    ctx.db,
    `SELECT df.sha256, df.name, f.size, df.added_at, df.revision_of, df.revision_kind FROM document_files df JOIN files f ON f.sha256 = df.sha256
     WHERE df.document_id = ? ORDER BY df.id`,
  ).all(documentId) as Array<{ sha256: string; name: string; size: number; added_at: string; revision_of: string | null; revision_kind: AttachmentRecord['revisionKind'] }>;
  return rows.map((r) => ({
    sha256: r.sha256,
    name: r.name,
    size: r.size,
    addedAt: r.added_at,
    present: ctx.blobs.has(r.sha256),
    revisionOf: r.revision_of,
    revisionKind: r.revision_kind,
  }));
}

export function getDocumentDetail(ctx: RegistryContext, id: number): DocumentDetail {
  return { ...getDocument(ctx, id), attachments: listAttachments(ctx, id) };
}

type Patch = z.output<typeof documentPatch>;

// Fields a clerk may correct after registration. The number, the register and, for outgoing
// documents, everything that makes up "số, ký hiệu, ngày" are fixed once assigned.
const OUTGOING_FIXED = ['codeNumber', 'codeNotation', 'documentDate', 'documentType'] as const;

const COLUMN: Record<string, string> = {
  subject: 'subject',
  issuingAgency: 'issuing_agency',
  codeNumber: 'code_number',
  codeNotation: 'code_notation',
  documentDate: 'document_date',
  signerName: 'signer_name',
  signerPosition: 'signer_position',
  recipientsText: 'recipients_text',
  recipientUnit: 'recipient_unit',
  copies: 'copies',
  pageCount: 'page_count',
  transferDate: 'transfer_date',
  receivedBy: 'received_by',
  notes: 'notes',
  priority: 'priority',
  documentIdentifier: 'document_identifier',
};

export function updateDocument(ctx: RegistryContext, patch: Patch): DocumentRecord {
  refuseIfFrozen(ctx, patch.id, 'document.update');
  writeTransaction(ctx.db, () => {
    const before = getDocument(ctx, patch.id);
    if (before.direction === 'outgoing' && patch.priority === 'hoa-toc-hen-gio') {
      throw new AppError('INVALID_INPUT', 'Văn bản đi không dùng độ khẩn "Hỏa tốc hẹn giờ".', 'outgoing priority 4 is never produced', {
        issues: [{ path: 'priority', message: 'văn bản đi không dùng "Hỏa tốc hẹn giờ"' }],
      });
    }
    if (before.direction === 'outgoing') {
      const fixed = OUTGOING_FIXED.filter((f) => patch[f] !== undefined);
      if (fixed.length > 0) {
        throw new AppError(
          'CONFLICT',
          'Số, ký hiệu, ngày và loại của văn bản đi đã cấp không sửa được; nếu sai, hãy hủy số và cấp số mới.',
          `outgoing fixed fields in patch: ${fixed.join(', ')}`,
        );
      }
    }
    const sets: string[] = [];
    const params: Record<string, unknown> = { id: patch.id, updatedAt: timestamp(ctx.clock) };
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const [field, column] of Object.entries(COLUMN)) {
      const value = patch[field as keyof Patch];
      if (value === undefined) continue;
      const previous = before[field as keyof DocumentRecord];
      if (value === previous) continue;
      changes[field] = { from: previous, to: value };
      sets.push(`${column} = @${field}`);
      params[field] = field === 'priority' ? priorityCode(value as Parameters<typeof priorityCode>[0]) : value;
    }
    if (patch.documentType !== undefined) {
      const type = resolveType(patch.documentType);
      if (type.key !== before.documentType || type.name !== before.documentTypeName) {
        changes.documentType = { from: before.documentTypeName, to: type.name };
        sets.push('document_type = @documentTypeKey, document_type_name = @documentTypeName');
        params.documentTypeKey = type.key;
        params.documentTypeName = type.name;
      }
    }
    if (sets.length === 0) return;
    ctx.db.prepare(`UPDATE documents SET ${sets.join(', ')}, updated_at = @updatedAt WHERE id = @id`).run(params);
    const after = getDocument(ctx, patch.id);
    if (after.documentDate > today(ctx.clock)) {
      throw new AppError('INVALID_INPUT', 'Ngày văn bản không được sau hôm nay.', `document date ${after.documentDate} in the future`, {
        issues: [{ path: 'documentDate', message: 'không được sau hôm nay' }],
      });
    }
    // The same order of dates as at registration; throwing here rolls the UPDATE back.
    checkRegisterDates(after);
    if (after.direction === 'incoming') {
      ctx.db
        .prepare('UPDATE documents SET duplicate_key = ? WHERE id = ?')
        .run(duplicateKey(after.issuingAgency, after.codeNumber, after.codeNotation), after.id);
    }
    indexDocument(ctx.db, after.id, after);
    ctx.audit.append({ action: 'document.update', entityType: 'document', entityId: after.id, details: { changes } });
  });
  return getDocument(ctx, patch.id);
}

// Voiding keeps the row and its number in the register with the reason (nd30-rules §2, our rule).
export function voidDocument(ctx: RegistryContext, id: number, reason: string): DocumentRecord {
  refuseIfFrozen(ctx, id, 'document.void');
  writeTransaction(ctx.db, () => {
    const doc = getDocument(ctx, id);
    if (doc.status === 'void') {
      throw new AppError('CONFLICT', 'Văn bản này đã bị hủy trước đó.', `document ${id} already void`);
    }
    const at = timestamp(ctx.clock);
    ctx.db
      .prepare("UPDATE documents SET status = 'void', void_reason = ?, voided_at = ?, updated_at = ? WHERE id = ?")
      .run(reason, at, at, id);
    ctx.audit.append({
      action: 'document.void',
      entityType: 'document',
      entityId: id,
      details: { direction: doc.direction, year: doc.year, number: doc.number, codeNumber: doc.codeNumber, codeNotation: doc.codeNotation, reason },
    });
  });
  return getDocument(ctx, id);
}

export function addAttachment(
  ctx: RegistryContext,
  input: { documentId: number; name: string; dataBase64: string },
): AttachmentRecord {
  getDocument(ctx, input.documentId);
  refuseIfFrozen(ctx, input.documentId, 'document.attach');
  const staged = stageBase64(ctx, input);
  writeTransaction(ctx.db, () => {
    linkFiles(ctx, input.documentId, [staged]);
    ctx.audit.append({
      action: 'document.attach',
      entityType: 'document',
      entityId: input.documentId,
      details: { name: staged.name, sha256: staged.sha256, size: staged.size },
    });
  });
  const added = listAttachments(ctx, input.documentId).filter((a) => a.sha256 === staged.sha256).pop();
  if (!added) throw new Error(`attachment ${staged.sha256} not linked`);
  return added;
}

// A stored file of a document, checked before anything reads it: on the document, present and
// intact in the store.
export function documentFile(ctx: RegistryContext, documentId: number, sha256: string): { doc: DocumentRecord; file: AttachmentRecord; path: string } {
  const doc = getDocument(ctx, documentId);
  const file = listAttachments(ctx, documentId).find((a) => a.sha256 === sha256);
  if (!file) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp này trong văn bản.', `file ${sha256} not on document ${documentId}`);
  return { doc, file, path: ctx.blobs.pathOfIntact(file) };
}

export function readAttachment(ctx: RegistryContext, documentId: number, sha256: string): { name: string; size: number; data: Buffer } {
  const { file, path } = documentFile(ctx, documentId, sha256);
  return { name: file.name, size: file.size, data: readFileSync(path) };
}
