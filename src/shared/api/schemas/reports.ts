import { z } from 'zod';
import { COPY_KINDS } from '../../domain/copy-rules.ts';
import { idSchema, isoDate, year } from './common.ts';

// The reports of Appendix VI Part I V.2, V.4 and III.6.a (docs/reports.md): plain counts, the
// same object on the screen, in the PDF, the XLSX and the CLI's --json.

const inOrder = { error: '"Từ ngày" phải trước hoặc bằng "Đến ngày"', path: ['to'] };
const ordered = (v: { from: string; to: string }): boolean => v.from <= v.to;

export const reportPeriod = z.strictObject({ from: isoDate, to: isoDate }).refine(ordered, inOrder);
export type ReportPeriod = z.infer<typeof reportPeriod>;

const count = z.int().min(0);

export const incomingCounts = z.object({ total: count, doneOnTime: count, doneLate: count, openInTime: count, openOverdue: count });
export type IncomingCounts = z.infer<typeof incomingCounts>;

export const outgoingCounts = z.object({ total: count, onTime: count, late: count, waitingInTime: count, waitingLate: count, notTracked: count });
export type OutgoingCounts = z.infer<typeof outgoingCounts>;

// One line of a breakdown: what it groups by (a type key, a channel, a unit) and its label.
const incomingLine = incomingCounts.extend({ key: z.string(), label: z.string() });
const outgoingLine = outgoingCounts.extend({ key: z.string(), label: z.string() });
export type IncomingLine = z.infer<typeof incomingLine>;
export type OutgoingLine = z.infer<typeof outgoingLine>;

const header = {
  agencyName: z.string(),
  parentAgencyName: z.string().nullable(),
  from: isoDate,
  to: isoDate,
  // The states are those of this day, the day the report is made.
  asOf: isoDate,
};

export const incomingReport = z.object({
  ...header,
  totals: incomingCounts,
  byType: z.array(incomingLine),
  byChannel: z.array(incomingLine),
  byUnit: z.array(incomingLine),
  voided: count,
});
export type IncomingReport = z.infer<typeof incomingReport>;

export const outgoingReport = z.object({
  ...header,
  totals: outgoingCounts,
  byType: z.array(outgoingLine),
  byChannel: z.array(outgoingLine),
  byUnit: z.array(outgoingLine),
  voided: count,
});
export type OutgoingReport = z.infer<typeof outgoingReport>;

export const yearlyInput = z.strictObject({ year });

const typeByChannel = z.object({ key: z.string(), label: z.string(), total: count, hub: count, paper: count, unsent: count });
export type TypeByChannel = z.infer<typeof typeByChannel>;

export const yearlyReport = z.object({
  agencyName: z.string(),
  parentAgencyName: z.string().nullable(),
  year,
  asOf: isoDate,
  incoming: z.object({ total: count, hub: count, paper: count, byType: z.array(typeByChannel) }),
  outgoing: z.object({ total: count, hub: count, paper: count, unsent: count, byType: z.array(typeByChannel) }),
  copies: z.object({
    total: count,
    byKind: z.array(z.object({ kind: z.enum(COPY_KINDS), label: z.string(), total: count, electronic: count, paper: count })),
  }),
  caseFiles: z.object({ compiled: count, closed: count, handedOver: count }),
});
export type YearlyReport = z.infer<typeof yearlyReport>;

export const VIEWS_DEFAULT_LIMIT = 100;
const viewsLimit = z.int().min(1).max(1000).default(VIEWS_DEFAULT_LIMIT);
export const viewsInput = z.strictObject({ from: isoDate, to: isoDate, limit: viewsLimit }).refine(ordered, inOrder);

export const viewsReport = z.object({
  agencyName: z.string(),
  parentAgencyName: z.string().nullable(),
  from: isoDate,
  to: isoDate,
  asOf: isoDate,
  totals: z.object({ documents: count, views: count, downloads: count }),
  rows: z.array(
    z.object({
      documentId: idSchema,
      direction: z.enum(['incoming', 'outgoing']),
      year,
      number: z.int(),
      numberNotation: z.string(),
      subject: z.string(),
      views: count,
      downloads: count,
    }),
  ),
});
export type ViewsReport = z.infer<typeof viewsReport>;

export const REPORT_KINDS = ['incoming', 'outgoing', 'yearly', 'views'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_FORMATS = ['pdf', 'xlsx'] as const;
const reportFormat = z.enum(REPORT_FORMATS, { error: 'định dạng phải là pdf hoặc xlsx' });

export const reportExportInput = z.discriminatedUnion('report', [
  z.strictObject({ report: z.literal('incoming'), from: isoDate, to: isoDate, format: reportFormat }).refine(ordered, inOrder),
  z.strictObject({ report: z.literal('outgoing'), from: isoDate, to: isoDate, format: reportFormat }).refine(ordered, inOrder),
  z.strictObject({ report: z.literal('views'), from: isoDate, to: isoDate, format: reportFormat, limit: viewsLimit }).refine(ordered, inOrder),
  z.strictObject({ report: z.literal('yearly'), year, format: reportFormat }),
]);
export type ReportExportInput = z.infer<typeof reportExportInput>;

export const reportExportResult = z.object({ fileName: z.string(), path: z.string(), bytes: z.int() });
export type ReportExportResult = z.infer<typeof reportExportResult>;
