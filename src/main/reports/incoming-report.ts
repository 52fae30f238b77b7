import type { IncomingReport, ReportPeriod } from '../../shared/api/schemas/reports.ts';
import { typeName } from '../../shared/domain/document-types.ts';
import { CHANNEL_LABELS, type IncomingChannel, INCOMING_STATES, incomingState, NO_UNIT_LABEL } from '../../shared/domain/report-rules.ts';
import type { RegistryContext } from '../registry/context.ts';
import { readPeriod } from './period-voided.ts';
import { reportBasis } from './report-basis.ts';
import { Tally } from './tally.ts';

// The incoming documents registered (ngày đến) in the period, active ones, grouped by what the
// breakdowns and the state rule need. The channel: a document accepted from the hub's inbox has
// its inbox row (inbox.document_id, UNIQUE); every other one was registered by hand from paper.
// The unit: the lead's (chủ trì), the person's name when the instruction named a person only,
// as processing.unitDeadlines lists them.
//
// The day it was completed, from the processing history in force (an entry a later one corrects
// is left out: the correction stands in its place): the first result (a status or reply entry
// saying done) after the last entry that left it not done, so a document reopened and done again
// counts from the second time; on the day the opinion was given, else the Vietnam day it was
// recorded. A document marked done with no such entry (imported from an old book) has no day
// and counts as on time. Corrections are looked up within the document's own entries, which
// processing_entries_document (document_id, id) serves.
const IN_FORCE = (alias: string): string =>
  `NOT EXISTS (SELECT 1 FROM processing_entries c WHERE c.document_id = d.id AND c.corrects_id = ${alias}.id)`;

const INCOMING_SQL = `
  WITH docs AS (
    SELECT d.document_type AS type, coalesce(d.assignee_unit, d.assignee_person) AS unit, d.due_date AS due,
      coalesce(d.processing_status = 'done', 0) AS done,
      EXISTS (SELECT 1 FROM inbox i WHERE i.document_id = d.id) AS hub,
      CASE WHEN d.processing_status = 'done' THEN (
        SELECT coalesce(e.given_on, date(e.recorded_at, '+7 hours')) FROM processing_entries e
        WHERE e.document_id = d.id AND e.status = 'done' AND e.kind IN ('status', 'reply') AND ${IN_FORCE('e')}
          AND e.id > coalesce((SELECT max(x.id) FROM processing_entries x WHERE x.document_id = d.id AND x.status <> 'done' AND ${IN_FORCE('x')}), 0)
        ORDER BY e.id LIMIT 1
      ) END AS done_on
    FROM documents d
    WHERE d.direction = 'incoming' AND d.status = 'active'
      AND d.year BETWEEN @fromYear AND @toYear AND d.register_date BETWEEN @from AND @to
  )
  SELECT type, unit, hub, done, due, done_on AS doneOn, count(*) AS n FROM docs GROUP BY type, unit, hub, done, due, done_on`;

interface Group {
  type: string;
  unit: string | null;
  hub: 0 | 1;
  done: 0 | 1;
  due: string | null;
  doneOn: string | null;
  n: number;
}

// Báo cáo tình hình giải quyết văn bản đến (Appendix VI Part I V.2; Art. 24).
export function incomingReport(ctx: RegistryContext, period: ReportPeriod): IncomingReport {
  const basis = reportBasis(ctx);
  const { groups, voided } = readPeriod<Group>(ctx, 'incoming', INCOMING_SQL, period);
  const byType = new Tally(INCOMING_STATES);
  const byChannel = new Tally(INCOMING_STATES);
  const byUnit = new Tally(INCOMING_STATES);
  for (const g of groups) {
    const state = incomingState({ done: g.done === 1, dueDate: g.due, doneOn: g.doneOn }, basis.asOf);
    const channel: IncomingChannel = g.hub === 1 ? 'hub' : 'paper';
    const unit = g.unit === null ? { key: '', label: NO_UNIT_LABEL } : basis.unitLine(g.unit);
    byType.add(g.type, typeName(g.type), state, g.n);
    byChannel.add(channel, CHANNEL_LABELS[channel], state, g.n);
    byUnit.add(unit.key, unit.label, state, g.n);
  }
  return {
    agencyName: basis.agencyName,
    parentAgencyName: basis.parentAgencyName,
    from: period.from,
    to: period.to,
    asOf: basis.asOf,
    totals: byType.totals(),
    byType: byType.rows(),
    byChannel: byChannel.rows(['hub', 'paper']),
    // The documents nobody was given yet last.
    byUnit: byUnit.rows().sort((a, b) => Number(a.key === '') - Number(b.key === '')),
    voided,
  };
}
