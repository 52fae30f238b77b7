import type { ViewsReport } from '../../shared/api/schemas/reports.ts';
import { numberNotation } from '../../shared/domain/notation.ts';
import { readTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import type { RegistryContext } from '../registry/context.ts';
import { USE_ACTIONS } from './document-use.ts';
import { reportBasis } from './report-basis.ts';

// The UTC instant a Vietnam day starts (UTC+7, no daylight saving): the audit log's `at` is UTC.
function dayStartUtc(iso: string, plusDays = 0): string {
  return new Date(Date.parse(`${iso}T00:00:00+07:00`) + plusDays * 86_400_000).toISOString();
}

const WHERE = `a.entity_type = 'document' AND a.action IN ('${USE_ACTIONS.view}', '${USE_ACTIONS.readFile}') AND a.at >= @start AND a.at < @end`;

const PER_DOCUMENT_SQL = `
  SELECT CAST(a.entity_id AS INTEGER) AS documentId,
    sum(a.action = '${USE_ACTIONS.view}') AS views, sum(a.action = '${USE_ACTIONS.readFile}') AS downloads
  FROM audit_log a WHERE ${WHERE}
  GROUP BY a.entity_id ORDER BY views + downloads DESC, documentId LIMIT @limit`;

const TOTALS_SQL = `
  SELECT count(DISTINCT a.entity_id) AS documents,
    coalesce(sum(a.action = '${USE_ACTIONS.view}'), 0) AS views, coalesce(sum(a.action = '${USE_ACTIONS.readFile}'), 0) AS downloads
  FROM audit_log a WHERE ${WHERE}`;

const DOCUMENT_SQL = 'SELECT direction, year, number, code_number AS codeNumber, code_notation AS codeNotation, subject FROM documents WHERE id = ?';

interface DocumentRow {
  direction: 'incoming' | 'outgoing';
  year: number;
  number: number;
  codeNumber: string;
  codeNotation: string;
  subject: string;
}

// Số lượt truy cập vào từng văn bản (Appendix VI Part I III.6.a) between two Vietnam dates: the
// most used documents first, at most `limit` of them; the totals count every one.
export function viewsReport(ctx: RegistryContext, q: { from: string; to: string; limit: number }): ViewsReport {
  const basis = reportBasis(ctx);
  const params = { start: dayStartUtc(q.from), end: dayStartUtc(q.to, 1) };
  const { totals, rows } = readTransaction(ctx.db, () => {
    const perDocument = statement(ctx.db, PER_DOCUMENT_SQL).all({ ...params, limit: q.limit }) as Array<{ documentId: number; views: number; downloads: number }>;
    return {
      totals: statement(ctx.db, TOTALS_SQL).get(params) as ViewsReport['totals'],
      rows: perDocument.map((r) => {
        const d = statement(ctx.db, DOCUMENT_SQL).get(r.documentId) as DocumentRow;
        return { documentId: r.documentId, direction: d.direction, year: d.year, number: d.number, numberNotation: numberNotation(d), subject: d.subject, views: r.views, downloads: r.downloads };
      }),
    };
  });
  return { agencyName: basis.agencyName, parentAgencyName: basis.parentAgencyName, from: q.from, to: q.to, asOf: basis.asOf, totals, rows };
}
