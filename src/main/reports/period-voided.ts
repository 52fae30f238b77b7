import type { ReportPeriod } from '../../shared/api/schemas/reports.ts';
import { readTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import type { RegistryContext } from '../registry/context.ts';
import { COPY_TYPE_LIST, periodYears } from './report-basis.ts';

// Voided register rows of the period (never deleted, nd30-rules §2): outside every count of the
// report, told apart under it. Outgoing ones without the copies, as the report counts them.
const SQL = {
  incoming: `SELECT count(*) AS n FROM documents WHERE direction = 'incoming' AND status = 'void'
    AND year BETWEEN @fromYear AND @toYear AND register_date BETWEEN @from AND @to`,
  outgoing: `SELECT count(*) AS n FROM documents WHERE direction = 'outgoing' AND status = 'void'
    AND year BETWEEN @fromYear AND @toYear AND register_date BETWEEN @from AND @to AND document_type NOT IN (${COPY_TYPE_LIST})`,
} as const;

export function voidedInPeriod(ctx: RegistryContext, direction: 'incoming' | 'outgoing', period: ReportPeriod): number {
  return (statement(ctx.db, SQL[direction]).get({ ...period, ...periodYears(period) }) as { n: number }).n;
}

// A period report's grouped rows (its direction's query, bound to the period) and the voided rows
// beside them, read in one transaction so that the two agree.
export function readPeriod<G>(ctx: RegistryContext, direction: 'incoming' | 'outgoing', sql: string, period: ReportPeriod): { groups: G[]; voided: number } {
  return readTransaction(ctx.db, () => ({
    groups: statement(ctx.db, sql).all({ ...period, ...periodYears(period) }) as G[],
    voided: voidedInPeriod(ctx, direction, period),
  }));
}
