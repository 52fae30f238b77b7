import type { CaseFileRecord, FiledDocument } from '../../shared/api/schemas/casefiles.ts';
import { AppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import { timestamp } from '../registry/clock.ts';
import type { RegistryContext } from '../registry/context.ts';
import { caseFileRow, fileLabel, getCaseFile } from './case-file-rows.ts';
import { fileDocuments, figuresOf } from './contents.ts';
import { refuseIfHandedOver, requireOpen } from './file-guards.ts';
import { filedRows } from './filing.ts';
import { planById } from './plan-read.ts';

// Closing a file (kết thúc hồ sơ, Decree 30 Art. 29.4): when the work is done, its dates and
// totals are counted from its documents (the pages from their PDFs, page-count.ts) and it is
// closed; its documents no longer change until it is reopened. Reopening is possible until the
// file is handed over, with a reason in the audit log.

// The pages are counted before the transaction (reading PDFs is asynchronous); the transaction
// checks that the file still holds the same documents.
export function requireSameDocuments(ctx: RegistryContext, caseFileId: number, counted: readonly FiledDocument[]): void {
  const now = filedRows(ctx, caseFileId).map((r) => r.document_id);
  if (now.length !== counted.length || now.some((id, i) => id !== counted[i]?.documentId)) {
    throw new AppError('CONFLICT', 'Hồ sơ vừa thay đổi trong khi đang đếm trang: hãy thử lại.', `case file ${caseFileId} changed while its pages were counted`);
  }
}

export async function closeFile(ctx: RegistryContext, id: number): Promise<CaseFileRecord> {
  const before = caseFileRow(ctx, id);
  refuseIfHandedOver(ctx, before, 'caseFile.close');
  if (before.status === 'closed') throw new AppError('CONFLICT', `${fileLabel(before)} đã kết thúc.`, `case file ${id} already closed`);
  const plan = planById(ctx, before.plan_id);
  if (plan.approved_at === null) {
    throw new AppError('CONFLICT', `Danh mục hồ sơ năm ${plan.year} chưa được phê duyệt: số và ký hiệu hồ sơ chưa cố định, chưa kết thúc hồ sơ được.`, `plan ${plan.id} not approved`);
  }
  const documents = await fileDocuments(ctx, id);
  if (documents.length === 0) throw new AppError('INVALID_INPUT', `${fileLabel(before)} chưa có văn bản nào.`, `case file ${id} is empty`);
  // Art. 29.4.b: what is not part of the record is taken out before closing.
  const voided = documents.filter((d) => d.status === 'void');
  if (voided.length > 0) {
    throw new AppError(
      'CONFLICT',
      `Hồ sơ còn văn bản đã hủy (${voided.map((d) => d.numberNotation).join(', ')}): hãy rút ra khỏi hồ sơ trước khi kết thúc.`,
      `case file ${id} holds void documents ${voided.map((d) => d.documentId).join(', ')}`,
    );
  }
  const figures = figuresOf(documents);
  writeTransaction(ctx.db, () => {
    requireOpen(ctx, caseFileRow(ctx, id), 'caseFile.close');
    requireSameDocuments(ctx, id, documents);
    statement(
      ctx.db,
      `UPDATE case_files SET status = 'closed', start_date = @startDate, end_date = @endDate, doc_total = @docTotal, page_total = @pageTotal,
         closed_at = @at WHERE id = @id`,
    ).run({ ...figures, at: timestamp(ctx.clock), id });
    ctx.audit.append({ action: 'caseFile.close', entityType: 'caseFile', entityId: id, details: { notation: before.notation, ...figures } });
  });
  return getCaseFile(ctx, id);
}

export function reopenFile(ctx: RegistryContext, id: number, reason: string): CaseFileRecord {
  refuseIfHandedOver(ctx, caseFileRow(ctx, id), 'caseFile.reopen');
  writeTransaction(ctx.db, () => {
    const before = caseFileRow(ctx, id);
    refuseIfHandedOver(ctx, before, 'caseFile.reopen');
    if (before.status !== 'closed') throw new AppError('CONFLICT', `${fileLabel(before)} chưa kết thúc.`, `case file ${id} is open`);
    statement(
      ctx.db,
      "UPDATE case_files SET status = 'open', start_date = NULL, end_date = NULL, doc_total = NULL, page_total = NULL, closed_at = NULL WHERE id = ?",
    ).run(id);
    ctx.audit.append({
      action: 'caseFile.reopen',
      entityType: 'caseFile',
      entityId: id,
      details: {
        notation: before.notation,
        reason,
        closed: { at: before.closed_at, startDate: before.start_date, endDate: before.end_date, docTotal: before.doc_total, pageTotal: before.page_total },
      },
    });
  });
  return getCaseFile(ctx, id);
}
