import { AppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import type { RegistryContext } from './context.ts';

// A document in a case file handed over to the agency archive is frozen (Decree 30 Appendix VI
// IV.1.g: "khóa hoặc đóng băng … để ngăn chặn khả năng di chuyển, xóa hoặc sửa đổi"): its
// register entry is not corrected or voided and its stored files are not added to or replaced.
// The registry's write paths ask here before they write; the case-file tables are read, not the
// case-file modules (which stand above the registry). Triggers of migration 0011 refuse the same
// writes if a path forgot to ask. docs/case-files.md, "Frozen after handover".

export interface FrozenBy {
  readonly caseFileId: number;
  readonly notation: string;
  readonly year: number;
}

export function frozenBy(ctx: RegistryContext, documentId: number): FrozenBy | null {
  const row = statement(
    ctx.db,
    `SELECT f.id AS caseFileId, f.notation AS notation, p.year AS year
     FROM case_file_documents x JOIN case_files f ON f.id = x.case_file_id JOIN file_plans p ON p.id = f.plan_id
     WHERE x.document_id = ? AND x.removed_at IS NULL AND f.status = 'handed_over' ORDER BY f.id LIMIT 1`,
  ).get(documentId) as FrozenBy | undefined;
  return row ?? null;
}

// The attempt is kept in the audit log even though nothing else is written: the refusal commits
// on its own, before the error is thrown. Inside a caller's transaction it would roll back with
// it, so the write paths ask before they open theirs.
export function recordFrozenAttempt(ctx: RegistryContext, entity: { type: 'document' | 'caseFile'; id: number }, details: Record<string, unknown>): void {
  const append = () => ctx.audit.append({ action: 'caseFile.frozen.refused', entityType: entity.type, entityId: entity.id, details });
  if (ctx.db.inTransaction) append();
  else writeTransaction(ctx.db, append);
}

export function frozenMessage(f: FrozenBy): string {
  return `Văn bản thuộc hồ sơ ${f.notation} năm ${f.year} đã nộp lưu vào Lưu trữ cơ quan: không được sửa, hủy, thêm hay thay tệp (Phụ lục VI, mục IV.1.g Nghị định 30/2020).`;
}

// `attempt` names the operation refused (document.update, document.void, document.attach, …).
export function refuseIfFrozen(ctx: RegistryContext, documentId: number, attempt: string): void {
  const f = frozenBy(ctx, documentId);
  if (!f) return;
  recordFrozenAttempt(ctx, { type: 'document', id: documentId }, { attempt, caseFileId: f.caseFileId, notation: f.notation, year: f.year });
  throw new AppError('FORBIDDEN', frozenMessage(f), `${attempt} refused: document ${documentId} is in handed-over case file ${f.caseFileId}`, {
    caseFileId: f.caseFileId,
    notation: f.notation,
  });
}
