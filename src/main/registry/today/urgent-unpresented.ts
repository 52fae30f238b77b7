import type { z } from 'zod';
import { type todayDocument, TODAY_ROWS } from '../../../shared/api/schemas/today.ts';
import { statement } from '../../db/statements.ts';
import type { RegistryContext } from '../context.ts';
import { TODAY_DOCUMENT_COLUMNS, type TodayDocumentRow, toTodayDocument } from './today-document.ts';

type Item = z.infer<typeof todayDocument>;

// "Presented" (trình, Art. 23.1): the document has gone to someone who acts on it. In the data a
// document not yet presented is an active incoming one still 'pending' (no unit or person named,
// no step taken: naming an assignee moves it to 'assigned', processing.ts) with no Ngày chuyển.
// An urgent one (Khẩn and above) must be presented "ngay sau khi nhận được", so each is listed
// until then. Documents imported from an old register have no processing status and are not
// listed. Served by documents_incoming_processing (processing_status, year, number).
const NOT_PRESENTED = `d.direction = 'incoming' AND d.processing_status = 'pending' AND d.status = 'active'
  AND d.transfer_date IS NULL AND d.priority >= 1`;

export function urgentUnpresented(ctx: RegistryContext): { total: number; rows: Item[] } {
  const total = statement(ctx.db, `SELECT count(*) FROM documents d WHERE ${NOT_PRESENTED}`).pluck().get() as number;
  const rows = statement(
    ctx.db,
    `SELECT ${TODAY_DOCUMENT_COLUMNS} FROM documents d WHERE ${NOT_PRESENTED}
     ORDER BY d.priority DESC, d.year, d.number LIMIT ${TODAY_ROWS}`,
  ).all() as TodayDocumentRow[];
  return { total, rows: rows.map(toTodayDocument) };
}
