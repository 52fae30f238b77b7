import type { z } from 'zod';
import { type todayDeadline, TODAY_ROWS } from '../../../shared/api/schemas/today.ts';
import { workingDaysBetween } from '../../../shared/domain/working-days.ts';
import { statement } from '../../db/statements.ts';
import type { RegistryContext } from '../context.ts';
import { TODAY_DOCUMENT_COLUMNS, type TodayDocumentRow, toTodayDocument } from './today-document.ts';

type Item = z.infer<typeof todayDeadline>;

// The one place Hôm nay reads deadlines from. Today that is the document's own Hạn xử lý and
// assignee (processing.ts); when the processing history (issue 12 part 1) carries a deadline per
// unit, this query reads the open entries of the history instead, one line per unit, and nothing
// else changes. The conditions repeat documents_open_processing's WHERE so that partial index on
// due_date serves the range and the order (no sort, no scan, at any register size).
const OPEN = `d.processing_status IS NOT NULL AND d.processing_status <> 'done' AND d.status = 'active'
  AND d.direction = 'incoming' AND d.due_date IS NOT NULL`;

interface Row extends TodayDocumentRow {
  dueDate: string;
  unit: string | null;
}

export function openDeadlines(ctx: RegistryContext, today: string, horizonEnd: string): { overdue: number; dueSoon: number; rows: Item[] } {
  const counts = statement(
    ctx.db,
    `SELECT coalesce(sum(d.due_date < @today), 0) AS overdue, coalesce(sum(d.due_date >= @today), 0) AS dueSoon
     FROM documents d WHERE ${OPEN} AND d.due_date <= @horizonEnd`,
  ).get({ today, horizonEnd }) as { overdue: number; dueSoon: number };
  // Overdue first (the oldest deadline first), then what falls due soonest.
  const rows = statement(
    ctx.db,
    `SELECT ${TODAY_DOCUMENT_COLUMNS}, d.due_date AS dueDate, coalesce(d.assignee_unit, d.assignee_person) AS unit
     FROM documents d WHERE ${OPEN} AND d.due_date <= @horizonEnd
     ORDER BY d.due_date, d.priority DESC, d.id LIMIT ${TODAY_ROWS}`,
  ).all({ horizonEnd }) as Row[];
  return {
    ...counts,
    rows: rows.map((r) => ({
      ...toTodayDocument(r),
      dueDate: r.dueDate,
      unit: r.unit,
      overdue: r.dueDate < today,
      workingDaysLeft: workingDaysBetween(today, r.dueDate),
    })),
  };
}
