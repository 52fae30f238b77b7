import type { TypeByChannel, YearlyReport } from '../../shared/api/schemas/reports.ts';
import { COPY_KINDS, COPY_LABELS, type CopyForm, type CopyKind } from '../../shared/domain/copy-rules.ts';
import { typeName } from '../../shared/domain/document-types.ts';
import type { OutgoingChannel } from '../../shared/domain/report-rules.ts';
import { readTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import type { RegistryContext } from '../registry/context.ts';
import { caseFileCounts } from './case-file-counts.ts';
import { COPY_TYPE_LIST, reportBasis } from './report-basis.ts';

// The year's documents, active ones, by register year (the year of the register they are in).
// Written for 1,000,000 documents (docs/reports.md "Speed"): one pass over the year's rows of
// each direction through the register indexes (year leads documents_*_number), with one probe
// of a UNIQUE index per row for the channel: inbox.document_id for incoming, the outbox's
// (document_id, organ_id) and issuances.document_id for outgoing.
const INCOMING_SQL = `
  SELECT d.document_type AS type, EXISTS (SELECT 1 FROM inbox i WHERE i.document_id = d.id) AS hub, count(*) AS n
  FROM documents d
  WHERE d.direction = 'incoming' AND d.year = @year AND d.status = 'active'
  GROUP BY 1, 2`;

const OUTGOING_SQL = `
  SELECT d.document_type AS type,
    CASE WHEN EXISTS (SELECT 1 FROM outbox o WHERE o.document_id = d.id AND o.status <> 'cancelled') THEN 'hub'
         WHEN EXISTS (SELECT 1 FROM issuances i WHERE i.document_id = d.id AND i.state <> 'distributed') THEN 'unsent'
         ELSE 'paper' END AS channel,
    count(*) AS n
  FROM documents d
  WHERE d.direction = 'outgoing' AND d.year = @year AND d.status = 'active' AND d.document_type NOT IN (${COPY_TYPE_LIST})
  GROUP BY 1, 2`;

// Copies made in the year: the copy's own register row in the copies series (active). CROSS
// JOIN keeps the few copies the outer loop: without statistics SQLite would rather scan every
// document and probe the copies (0.3 s at 1M documents).
const COPIES_SQL = `
  SELECT c.kind, c.form, count(*) AS n FROM copies c CROSS JOIN documents d ON d.id = c.copy_document_id
  WHERE d.year = @year AND d.status = 'active'
  GROUP BY 1, 2`;

type Channel = OutgoingChannel;

function byType(rows: ReadonlyArray<{ type: string; channel: Channel; n: number }>): TypeByChannel[] {
  const lines = new Map<string, TypeByChannel>();
  for (const r of rows) {
    const line = lines.get(r.type) ?? { key: r.type, label: typeName(r.type), total: 0, hub: 0, paper: 0, unsent: 0 };
    line[r.channel] += r.n;
    line.total += r.n;
    lines.set(r.type, line);
  }
  return [...lines.values()].sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, 'vi'));
}

const sum = (lines: readonly TypeByChannel[], key: 'total' | Channel): number => lines.reduce((n, l) => n + l[key], 0);

// Thống kê công tác văn thư của năm (Appendix VI Part I III.6.a).
export function yearlyReport(ctx: RegistryContext, year: number): YearlyReport {
  const basis = reportBasis(ctx);
  const data = readTransaction(ctx.db, () => ({
    incoming: statement(ctx.db, INCOMING_SQL).all({ year }) as Array<{ type: string; hub: 0 | 1; n: number }>,
    outgoing: statement(ctx.db, OUTGOING_SQL).all({ year }) as Array<{ type: string; channel: Channel; n: number }>,
    copies: statement(ctx.db, COPIES_SQL).all({ year }) as Array<{ kind: CopyKind; form: CopyForm; n: number }>,
    caseFiles: caseFileCounts(ctx, year),
  }));
  const incoming = byType(data.incoming.map((r) => ({ type: r.type, channel: r.hub === 1 ? 'hub' : 'paper', n: r.n })));
  const outgoing = byType(data.outgoing);
  const copies = COPY_KINDS.map((kind) => {
    const of = (form: CopyForm) => data.copies.find((c) => c.kind === kind && c.form === form)?.n ?? 0;
    return { kind, label: COPY_LABELS[kind], total: of('electronic') + of('paper'), electronic: of('electronic'), paper: of('paper') };
  });
  return {
    agencyName: basis.agencyName,
    parentAgencyName: basis.parentAgencyName,
    year,
    asOf: basis.asOf,
    incoming: { total: sum(incoming, 'total'), hub: sum(incoming, 'hub'), paper: sum(incoming, 'paper'), byType: incoming },
    outgoing: { total: sum(outgoing, 'total'), hub: sum(outgoing, 'hub'), paper: sum(outgoing, 'paper'), unsent: sum(outgoing, 'unsent'), byType: outgoing },
    copies: { total: copies.reduce((n, c) => n + c.total, 0), byKind: copies },
    caseFiles: data.caseFiles,
  };
}
