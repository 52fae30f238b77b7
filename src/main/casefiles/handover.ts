import type { z } from 'zod';
import type { DueHandovers, FiledDocument, handOverInput, HandoverRecord } from '../../shared/api/schemas/casefiles.ts';
import { daysBetween } from '../../shared/domain/case-file-rules.ts';
import { AppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import { timestamp, today } from '../registry/clock.ts';
import type { RegistryContext } from '../registry/context.ts';
import { CASE_FILE_SELECT, caseFileRow, type CaseFileRow, fileLabel, PLAN_ORDER, toCaseFileRecord } from './case-file-rows.ts';
import { requireSameDocuments } from './closing.ts';
import { fileDocuments, figuresOf } from './contents.ts';

// Handing closed files over to the agency archive (Decree 30 Art. 30–31; Appendix VI III.5.b–c):
// one handover record (the biên bản's parties, basis and condition) for a set of closed files of
// one year's plan. From then on the files and their documents are frozen (IV.1.g). The figures
// are counted once more at handover: a document of a closed file may have been corrected since.

type HandOver = z.output<typeof handOverInput>;

interface HandoverRow {
  id: number;
  year: number;
  created_at: string;
  giver_name: string;
  giver_title: string | null;
  giver_unit: string | null;
  receiver_name: string;
  receiver_title: string | null;
  basis: string | null;
  condition: string | null;
  package_sha256: string | null;
}

function checkHandable(row: CaseFileRow, year: number): void {
  if (row.status === 'handed_over') throw new AppError('CONFLICT', `${fileLabel(row)} đã nộp lưu.`, `case file ${row.id} already handed over`);
  if (row.status !== 'closed') throw new AppError('CONFLICT', `${fileLabel(row)} chưa kết thúc: kết thúc hồ sơ trước khi nộp lưu.`, `case file ${row.id} is open`);
  if (row.plan_year !== year) {
    throw new AppError('INVALID_INPUT', `${fileLabel(row)} không thuộc Danh mục hồ sơ năm ${year}: mỗi lần nộp lưu gồm hồ sơ của một năm.`, `case file ${row.id} of ${row.plan_year}, handover of ${year}`);
  }
}

export function getHandover(ctx: RegistryContext, id: number): HandoverRecord {
  const h = statement(ctx.db, 'SELECT * FROM handovers WHERE id = ?').get(id) as HandoverRow | undefined;
  if (!h) throw new AppError('NOT_FOUND', `Không tìm thấy lần nộp lưu (mã ${id}).`, `handover ${id} not found`);
  const files = (statement(ctx.db, `${CASE_FILE_SELECT} WHERE cf.handover_id = ? ${PLAN_ORDER}`).all(id) as CaseFileRow[]).map(toCaseFileRecord);
  return {
    id: h.id,
    year: h.year,
    createdAt: h.created_at,
    giverName: h.giver_name,
    giverTitle: h.giver_title,
    giverUnit: h.giver_unit,
    receiverName: h.receiver_name,
    receiverTitle: h.receiver_title,
    basis: h.basis,
    condition: h.condition,
    packageSha256: h.package_sha256,
    files,
  };
}

export function listHandovers(ctx: RegistryContext, year?: number): HandoverRecord[] {
  const ids = statement(ctx.db, 'SELECT id FROM handovers WHERE @year IS NULL OR year = @year ORDER BY id DESC').all({ year: year ?? null }) as { id: number }[];
  return ids.map((r) => getHandover(ctx, r.id));
}

export async function handOver(ctx: RegistryContext, input: HandOver): Promise<HandoverRecord> {
  const ids = [...new Set(input.fileIds)];
  const counted: { id: number; documents: FiledDocument[] }[] = [];
  for (const id of ids) {
    checkHandable(caseFileRow(ctx, id), input.year);
    counted.push({ id, documents: await fileDocuments(ctx, id) });
  }
  const handoverId = writeTransaction(ctx.db, () => {
    const at = timestamp(ctx.clock);
    const newId = Number(
      statement(
        ctx.db,
        `INSERT INTO handovers (year, created_at, giver_name, giver_title, giver_unit, receiver_name, receiver_title, basis, condition)
         VALUES (@year, @at, @giverName, @giverTitle, @giverUnit, @receiverName, @receiverTitle, @basis, @condition)`,
      ).run({
        year: input.year,
        at,
        giverName: input.giverName,
        giverTitle: input.giverTitle,
        giverUnit: input.giverUnit,
        receiverName: input.receiverName,
        receiverTitle: input.receiverTitle,
        basis: input.basis,
        condition: input.condition,
      }).lastInsertRowid,
    );
    const recounted: Record<string, unknown>[] = [];
    const set = statement(
      ctx.db,
      `UPDATE case_files SET status = 'handed_over', handover_id = @handoverId, handed_over_at = @at,
         start_date = @startDate, end_date = @endDate, doc_total = @docTotal, page_total = @pageTotal WHERE id = @id`,
    );
    for (const c of counted) {
      const row = caseFileRow(ctx, c.id);
      checkHandable(row, input.year);
      requireSameDocuments(ctx, c.id, c.documents);
      const figures = figuresOf(c.documents);
      if (figures.startDate !== row.start_date || figures.endDate !== row.end_date || figures.docTotal !== row.doc_total || figures.pageTotal !== row.page_total) {
        recounted.push({ caseFileId: c.id, before: { startDate: row.start_date, endDate: row.end_date, docTotal: row.doc_total, pageTotal: row.page_total }, after: figures });
      }
      set.run({ ...figures, handoverId: newId, at, id: c.id });
    }
    ctx.audit.append({
      action: 'caseFile.handOver',
      entityType: 'handover',
      entityId: newId,
      details: { year: input.year, files: counted.map((c) => c.id), giverName: input.giverName, receiverName: input.receiverName, recounted },
    });
    return newId;
  });
  return getHandover(ctx, handoverId);
}

// Appendix VI III.5.b: the files due at the archive within `withinDays` (30 for the reminder of
// the home screen), overdue ones first; only closed files have a due date (case-file-rules.ts).
export function dueHandovers(ctx: RegistryContext, withinDays = 30): DueHandovers {
  const now = today(ctx.clock);
  const rows = statement(ctx.db, `${CASE_FILE_SELECT} WHERE cf.status = 'closed' ${PLAN_ORDER}`).all() as CaseFileRow[];
  const files = rows
    .map(toCaseFileRecord)
    .map((file) => ({ file, dueDate: file.handoverDueDate as string, daysLeft: daysBetween(now, file.handoverDueDate as string) }))
    .filter((f) => f.daysLeft <= withinDays)
    .sort((a, b) => a.daysLeft - b.daysLeft || a.file.id - b.file.id);
  return { today: now, withinDays, files };
}
