import { formatVietnameseDate } from '../../shared/domain/dates.ts';
import { AppError } from '../../shared/errors.ts';
import type { RegistryContext } from '../registry/context.ts';
import { recordFrozenAttempt } from '../registry/frozen-documents.ts';
import { type CaseFileRow, fileLabel } from './case-file-rows.ts';

// What may still be done to a file. A handed-over file is frozen (Appendix VI IV.1.g): the
// attempt is refused and kept in the audit log. A closed file is changed only after reopening it
// (its dates and totals were counted at closing).

export function refuseIfHandedOver(ctx: RegistryContext, row: CaseFileRow, attempt: string): void {
  if (row.status !== 'handed_over') return;
  recordFrozenAttempt(ctx, { type: 'caseFile', id: row.id }, { attempt, notation: row.notation, year: row.plan_year });
  throw new AppError(
    'FORBIDDEN',
    `${fileLabel(row)} đã nộp lưu vào Lưu trữ cơ quan ngày ${formatVietnameseDate(row.handed_over_at?.slice(0, 10))}: hồ sơ và các văn bản trong hồ sơ không được thay đổi (Phụ lục VI, mục IV.1.g Nghị định 30/2020).`,
    `${attempt} refused: case file ${row.id} is handed over`,
    { caseFileId: row.id, notation: row.notation },
  );
}

export function requireOpen(ctx: RegistryContext, row: CaseFileRow, attempt: string): void {
  refuseIfHandedOver(ctx, row, attempt);
  if (row.status === 'closed') {
    throw new AppError('CONFLICT', `${fileLabel(row)} đã kết thúc: hãy mở lại hồ sơ trước khi thay đổi.`, `${attempt} refused: case file ${row.id} is closed`, {
      caseFileId: row.id,
    });
  }
}
