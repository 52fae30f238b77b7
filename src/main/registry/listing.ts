import type { ListQueryData, ListResult } from '../../shared/api/schemas/documents.ts';
import { FILE_NOTATION_PATTERN } from '../../shared/domain/case-file-rules.ts';
import { resolveType } from '../../shared/domain/document-types.ts';
import { priorityCode } from '../../shared/domain/priority.ts';
import { statement } from '../db/statements.ts';
import { today } from './clock.ts';
import type { RegistryContext } from './context.ts';
import { DOCUMENT_COLUMNS, type DocumentRow, pageFrom, SEARCH_FROM, toDocumentRecord } from './document-rows.ts';
import { scopedMatchExpression, toMatchExpression } from './search-index.ts';

// Counting every match of a broad search ("ubnd" over a million rows) costs more than the page
// itself; past this many the UI says "more than 10,000".
export const SEARCH_COUNT_CAP = 10_000;

const SORT_COLUMNS = {
  number: ['d.year', 'd.number'],
  documentDate: ['d.document_date', 'd.id'],
  dueDate: ['d.due_date IS NULL', 'd.due_date', 'd.id'],
} as const;

// The direction goes into the SQL as a literal, not a parameter: SQLite picks a partial index
// (WHERE direction = 'incoming', see migration 0001) only when the query says so in its text.
const DIRECTION_CONDITION = {
  incoming: "d.direction = 'incoming'",
  outgoing: "d.direction = 'outgoing'",
} as const;

interface Filters {
  readonly where: string[];
  readonly params: Record<string, unknown>;
}

// Everything but direction and year, which a search leaves to the index (search-index.ts).
function otherFilters(q: ListQueryData): Filters {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
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
  if (typeof q.caseFile === 'number') {
    where.push('d.id IN (SELECT document_id FROM case_file_documents WHERE case_file_id = @caseFileId AND removed_at IS NULL)');
    params.caseFileId = q.caseFile;
  } else if (q.caseFile !== undefined) {
    where.push(`d.id IN (SELECT x.document_id FROM case_file_documents x JOIN case_files cf ON cf.id = x.case_file_id
      WHERE cf.notation = @caseFileNotation COLLATE NOCASE AND x.removed_at IS NULL)`);
    params.caseFileNotation = q.caseFile.normalize('NFC');
  }
  return { where, params };
}

// A search for exactly a file's notation ("01.VP") lists that file's documents: the notation is
// found through the filings, not the full-text index, so filing a document never rewrites its
// index entry (docs/case-files.md, "Finding a file's documents").
function notationSearch(ctx: RegistryContext, q: ListQueryData): ListQueryData | null {
  const text = (q.query ?? '').trim().normalize('NFC');
  if (!FILE_NOTATION_PATTERN.test(text)) return null;
  const known = statement(ctx.db, 'SELECT 1 FROM case_files WHERE notation = ? COLLATE NOCASE LIMIT 1').get(text);
  return known ? { ...q, query: undefined, caseFile: text } : null;
}

function registerFilters(q: ListQueryData): Filters {
  const { where, params } = otherFilters(q);
  if (q.year !== undefined) {
    where.unshift('d.year = @year');
    params.year = q.year;
  }
  where.unshift(DIRECTION_CONDITION[q.direction]);
  return { where, params };
}

// A page of a full-text search, newest registration first: FTS5 walks its index in rowid order
// and stops at the page, so a search over a million rows stays a few milliseconds however many
// rows match. Direction and year are part of the match; only other filters read the rows, and
// without them the capped total is counted in the index alone.
function searchPage(ctx: RegistryContext, q: ListQueryData, expression: string): ListResult {
  const { where, params } = otherFilters(q);
  const match = scopedMatchExpression(expression, q.direction, q.year);
  const cond = ['documents_fts MATCH @match', ...where].join(' AND ');
  const rows = statement(
    ctx.db,
    `SELECT ${DOCUMENT_COLUMNS} FROM ${SEARCH_FROM} WHERE ${cond}
     ORDER BY documents_fts.rowid ${q.order === 'asc' ? 'ASC' : 'DESC'} LIMIT @limit OFFSET @offset`,
  ).all({ ...params, match, today: today(ctx.clock), limit: q.limit, offset: q.offset }) as DocumentRow[];
  let total: number | null = null;
  if (q.withTotal) {
    const counted = where.length === 0 ? 'documents_fts' : SEARCH_FROM;
    total = (statement(ctx.db, `SELECT count(*) AS n FROM (SELECT 1 FROM ${counted} WHERE ${cond} LIMIT ${SEARCH_COUNT_CAP + 1})`).get({
      ...params,
      match,
    }) as { n: number }).n;
  }
  return { rows: rows.map(toDocumentRecord), total };
}

// One page of a register, filtered and sorted, or of a full-text search.
export function listDocuments(ctx: RegistryContext, query: ListQueryData): ListResult {
  const q = notationSearch(ctx, query) ?? query;
  if (q.query) {
    const expression = toMatchExpression(q.query);
    return expression ? searchPage(ctx, q, expression) : { rows: [], total: 0 };
  }
  const { where, params } = registerFilters(q);
  const direction = q.order === 'asc' ? 'ASC' : 'DESC';
  const orderBy = SORT_COLUMNS[q.sort].map((c) => `${c} ${direction}`).join(', ');
  // The page is picked by id first: when the order needs a sort (a date range, another sort
  // column) only ids and sort keys are sorted, not every column of every matching row.
  const ids = `SELECT d.id FROM documents d WHERE ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT @limit OFFSET @offset`;
  const rows = statement(ctx.db, `SELECT ${DOCUMENT_COLUMNS} FROM ${pageFrom(ids)} ORDER BY ${orderBy}`).all({
    ...params,
    today: today(ctx.clock),
    limit: q.limit,
    offset: q.offset,
  }) as DocumentRow[];
  const total = q.withTotal
    ? (statement(ctx.db, `SELECT count(*) AS n FROM documents d WHERE ${where.join(' AND ')}`).get(params) as { n: number }).n
    : null;
  return { rows: rows.map(toDocumentRecord), total };
}
