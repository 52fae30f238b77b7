import type { OutgoingReport, ReportPeriod } from '../../shared/api/schemas/reports.ts';
import { vietnamToday } from '../../shared/domain/dates.ts';
import { typeAbbreviation, typeName } from '../../shared/domain/document-types.ts';
import { CHANNEL_LABELS, NO_DRAFTING_UNIT_LABEL, type OutgoingChannel, OUTGOING_STATES, outgoingState } from '../../shared/domain/report-rules.ts';
import type { RegistryContext } from '../registry/context.ts';
import { readPeriod } from './period-voided.ts';
import { COPY_TYPE_LIST, type ReportBasis, reportBasis, type UnitLine } from './report-basis.ts';
import { Tally } from './tally.ts';

// The outgoing documents of the period (ngày văn bản, which is their register date), active and
// not copies. Channel: a recipient queued for the hub (an outbox row not cancelled) makes it
// "hub"; a document still in the issuance workflow before distribution is "unsent"; the rest
// went on paper. Signed: the day the approved file was stored (as today/unissued.ts reads Art.
// 18.1); sent: the distribution step, the issuance's last change in state 'distributed' (only
// voiding changes it after that, and a void document is not counted). The drafting unit is the
// issuance's; a document registered directly records none, except in a công văn's notation,
// which is returned for the types whose notation carries it.
const OUTGOING_SQL = `
  SELECT d.document_type AS type, i.unit_abbreviation AS unit, CASE WHEN i.id IS NULL THEN d.code_notation END AS notation,
    CASE WHEN EXISTS (SELECT 1 FROM outbox o WHERE o.document_id = d.id AND o.status <> 'cancelled') THEN 'hub'
         WHEN i.id IS NOT NULL AND i.state <> 'distributed' THEN 'unsent' ELSE 'paper' END AS channel,
    (SELECT min(f.added_at) FROM issuance_files f WHERE f.issuance_id = i.id AND f.step = 'approved') AS approvedAt,
    CASE WHEN i.state = 'distributed' THEN i.updated_at END AS sentAt,
    coalesce(i.priority, 0) >= 1 AS urgent,
    count(*) AS n
  FROM documents d LEFT JOIN issuances i ON i.document_id = d.id
  WHERE d.direction = 'outgoing' AND d.status = 'active'
    AND d.year BETWEEN @fromYear AND @toYear AND d.register_date BETWEEN @from AND @to
    AND d.document_type NOT IN (${COPY_TYPE_LIST})
  GROUP BY 1, 2, 3, 4, 5, 6, 7`;

interface Group {
  type: string;
  unit: string | null;
  notation: string | null;
  channel: OutgoingChannel;
  approvedAt: string | null;
  sentAt: string | null;
  urgent: 0 | 1;
  n: number;
}

const day = (at: string | null): string | null => (at === null ? null : vietnamToday(new Date(at)));
const NO_UNIT: UnitLine = { key: '', label: NO_DRAFTING_UNIT_LABEL };

function draftingUnit(basis: ReportBasis, g: Group): UnitLine {
  const fromNotation = g.notation !== null && typeAbbreviation(g.type) === null ? basis.notationUnit(g.notation) : null;
  const unit = g.unit ?? fromNotation;
  return unit === null ? NO_UNIT : basis.unitLine(unit);
}

// Báo cáo tình hình giải quyết văn bản đi (Appendix VI Part I V.4; Art. 18.1).
export function outgoingReport(ctx: RegistryContext, period: ReportPeriod): OutgoingReport {
  const basis = reportBasis(ctx);
  const { groups, voided } = readPeriod<Group>(ctx, 'outgoing', OUTGOING_SQL, period);
  const byType = new Tally(OUTGOING_STATES);
  const byChannel = new Tally(OUTGOING_STATES);
  const byUnit = new Tally(OUTGOING_STATES);
  for (const g of groups) {
    const state = outgoingState({ signedOn: day(g.approvedAt), sentOn: day(g.sentAt), urgent: g.urgent === 1 }, basis.asOf);
    const unit = draftingUnit(basis, g);
    byType.add(g.type, typeName(g.type), state, g.n);
    byChannel.add(g.channel, CHANNEL_LABELS[g.channel], state, g.n);
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
    byChannel: byChannel.rows(['hub', 'paper', 'unsent']),
    byUnit: byUnit.rows().sort((a, b) => Number(a.key === '') - Number(b.key === '')),
    voided,
  };
}
