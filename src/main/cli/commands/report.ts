import { basename, resolve } from 'node:path';
import { reportExportInput, reportPeriod, viewsInput, yearlyInput, type ReportExportResult } from '../../../shared/api/schemas/reports.ts';
import { parseOrThrow } from '../../../shared/api/validation.ts';
import { vietnamToday, yearOf } from '../../../shared/domain/dates.ts';
import { programResources } from '../../program/resources.ts';
import type { Profile } from '../../profile/open-profile.ts';
import { incomingReport } from '../../reports/incoming-report.ts';
import { outgoingReport } from '../../reports/outgoing-report.ts';
import { incomingTable, outgoingTable, type ReportTable, viewsTable, yearlyTable } from '../../reports/report-tables.ts';
import { reportText } from '../../reports/report-text.ts';
import { viewsReport } from '../../reports/views-report.ts';
import { yearlyReport } from '../../reports/yearly-report.ts';
import { integer, optional, parse, type Parsed, required } from '../args.ts';
import { type CommandResult, withProfile } from '../context.ts';

// `vanthu report incoming|outgoing|yearly|views` (docs/reports.md, docs/cli.md): the report as a
// table on the terminal, the op's answer with --json, or the PDF / XLSX with --format and --out
// (then the answer of reports.export, for the file written where --out says).

const FILE_OPTIONS = { format: { type: 'string' }, out: { type: 'string' } } as const;
const PERIOD_OPTIONS = { from: { type: 'string' }, to: { type: 'string' }, ...FILE_OPTIONS } as const;

interface Shown<R> {
  compute(profile: Profile): R;
  table(report: R): ReportTable;
}

// The report on the terminal, or written to --out: --format without --out is bad input, and so
// is --out without a format (the export's schema names the formats).
async function answer<R>(p: Parsed, exportFields: Record<string, unknown>, shown: Shown<R>): Promise<CommandResult> {
  const format = optional(p, 'format');
  const file =
    format === undefined && optional(p, 'out') === undefined
      ? null
      : { input: parseOrThrow(reportExportInput, { ...exportFields, format }, 'report export options'), out: resolve(required(p, 'out')) };
  return withProfile(p, async (profile) => {
    if (!file) {
      const report = shown.compute(profile);
      return { json: report, text: reportText(shown.table(report)) };
    }
    const { writeReport } = await import('../../reports/export-report.ts');
    const bytes = await writeReport(profile, file.input, file.out, programResources().fonts);
    const result: ReportExportResult = { fileName: basename(file.out), path: file.out, bytes };
    return { json: result, text: `Đã ghi báo cáo ra ${file.out} (${bytes} byte).` };
  });
}

function period(p: Parsed) {
  return parseOrThrow(reportPeriod, { from: optional(p, 'from'), to: optional(p, 'to') }, 'report period');
}

// `vanthu report incoming --from YYYY-MM-DD --to YYYY-MM-DD [--format pdf|xlsx --out FILE]`
export function reportIncoming(args: string[]): Promise<CommandResult> {
  const p = parse(args, PERIOD_OPTIONS);
  const q = period(p);
  return answer(p, { report: 'incoming', ...q }, { compute: (profile) => incomingReport(profile, q), table: incomingTable });
}

// `vanthu report outgoing --from YYYY-MM-DD --to YYYY-MM-DD [--format pdf|xlsx --out FILE]`
export function reportOutgoing(args: string[]): Promise<CommandResult> {
  const p = parse(args, PERIOD_OPTIONS);
  const q = period(p);
  return answer(p, { report: 'outgoing', ...q }, { compute: (profile) => outgoingReport(profile, q), table: outgoingTable });
}

// `vanthu report yearly [--year Y] [--format pdf|xlsx --out FILE]`: this year (Vietnam) by default.
export function reportYearly(args: string[]): Promise<CommandResult> {
  const p = parse(args, { year: { type: 'string' }, ...FILE_OPTIONS });
  const q = parseOrThrow(yearlyInput, { year: integer(p, 'year') ?? yearOf(vietnamToday()) }, 'report year');
  return answer(p, { report: 'yearly', ...q }, { compute: (profile) => yearlyReport(profile, q.year), table: yearlyTable });
}

// `vanthu report views --from YYYY-MM-DD --to YYYY-MM-DD [--limit N] [--format pdf|xlsx --out FILE]`
export function reportViews(args: string[]): Promise<CommandResult> {
  const p = parse(args, { ...PERIOD_OPTIONS, limit: { type: 'string' } });
  const q = parseOrThrow(viewsInput, { from: optional(p, 'from'), to: optional(p, 'to'), limit: integer(p, 'limit') }, 'views report options');
  return answer(p, { report: 'views', ...q }, { compute: (profile) => viewsReport(profile, q), table: viewsTable });
}
