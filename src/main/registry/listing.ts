import type { ListQueryData, ListResult } from '../../shared/api/schemas/documents.ts';
import { resolveType } from '../../shared/domain/document-types.ts';
import { priorityCode } from '../../shared/domain/priority.ts';
import { today } from './clock.ts';
import type { RegistryContext } from './context.ts';
import { DOCUMENT_COLUMNS, DOCUMENT_FROM, type DocumentRow, SEARCH_FROM, toDocumentRecord } from './document-rows.ts';
import { toMatchExpression } from './search-index.ts';

// Counting every match of a broad search ("ubnd" over a million rows) costs more than the page
// itself; past this many the UI says "more than 10,000".
export const SEARCH_COUNT_CAP = 10_000;

const SORT_COLUMNS = {
  number: ['d.year', 'd.number'],
  documentDate: ['d.document_date', 'd.id'],
  dueDate: ['d.due_date IS NULL', 'd.due_date', 'd.id'],
} as const;

function filters(q: ListQueryData): { where: string[]; params: Record<string, unknown> } {
  const where = ['d.direction = @direction'];
  const params: Record<string, unknown> = { direction: q.direction };
  if (q.year !== undefined) {
    where.push('d.year = @year');
    params.year = q.year;
  }
  if (q.registerId !== undefined) {
    where.push('d.register_id = @registerId');
    params.registerId = q.registerId;
  }
  if (q.documentType) {
    where.push('d.document_type = @documentType');
    params.documentType = resolveType(q.documentType).key;
  }
  if (q.from) {
    where.push('d.register_date >= @from');
    params.from = q.from;
  }
  if (q.to) {
    where.push('d.register_date <= @to');
    params.to = q.to;
  }
  if (q.status !== 'all') {
    where.push('d.status = @status');
    params.status = q.status;
  }
  if (q.processingStatus) {
    where.push('d.processing_status = @processingStatus');
    params.processingStatus = q.processingStatus;
  }
  if (q.priority) {
    where.push('d.priority = @priority');
    params.priority = priorityCode(q.priority);
  }
  if (q.urgentOnly) where.push('d.priority > 0');
  return { where, params };
}

// One page of a register, filtered and sorted, or of a full-text search. Search results come
// newest registration first: FTS5 walks its index in rowid order and stops at the page, which
// keeps a search over a million rows to a few milliseconds however many rows match.
export function listDocuments(ctx: RegistryContext, q: ListQueryData): ListResult {
  const { where, params } = filters(q);
  const page = { ...params, today: today(ctx.clock), limit: q.limit, offset: q.offset };
  const match = q.query ? toMatchExpression(q.query) : null;
  if (q.query && !match) return { rows: [], total: 0 };
  if (match) {
    const from = SEARCH_FROM;
    const cond = `documents_fts MATCH @match AND ${where.join(' AND ')}`;
    const rows = ctx.db
      .prepare(
        `SELECT ${DOCUMENT_COLUMNS} FROM ${from} WHERE ${cond}
         ORDER BY documents_fts.rowid ${q.order === 'asc' ? 'ASC' : 'DESC'} LIMIT @limit OFFSET @offset`,
      )
      .all({ ...page, match }) as DocumentRow[];
    const total = q.withTotal
      ? (ctx.db
          .prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${cond} LIMIT ${SEARCH_COUNT_CAP + 1})`)
          .get({ ...params, match }) as { n: number }).n
      : null;
    return { rows: rows.map(toDocumentRecord), total };
  }
  const direction = q.order === 'asc' ? 'ASC' : 'DESC';
  const orderBy = SORT_COLUMNS[q.sort].map((c) => `${c} ${direction}`).join(', ');
  const rows = ctx.db
    .prepare(`SELECT ${DOCUMENT_COLUMNS} FROM ${DOCUMENT_FROM} WHERE ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT @limit OFFSET @offset`)
    .all(page) as DocumentRow[];
  const total = q.withTotal
    ? (ctx.db.prepare(`SELECT count(*) AS n FROM documents d WHERE ${where.join(' AND ')}`).get(params) as { n: number }).n
    : null;
  return { rows: rows.map(toDocumentRecord), total };
}
