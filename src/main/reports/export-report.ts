import { join } from 'node:path';
import type { ReportExportInput, ReportExportResult } from '../../shared/api/schemas/reports.ts';
import { vietnamFileStamp } from '../../shared/domain/dates.ts';
import { checkOutputTarget } from '../books/output-target.ts';
import { writeWholeFile } from '../books/output-file.ts';
import type { RegistryContext } from '../registry/context.ts';
import { incomingReport } from './incoming-report.ts';
import { outgoingReport } from './outgoing-report.ts';
import { reportBasis } from './report-basis.ts';
import { incomingTable, outgoingTable, type ReportTable, viewsTable, yearlyTable } from './report-tables.ts';
import { viewsReport } from './views-report.ts';
import { yearlyReport } from './yearly-report.ts';

export function reportTable(ctx: RegistryContext, input: ReportExportInput): ReportTable {
  switch (input.report) {
    case 'incoming':
      return incomingTable(incomingReport(ctx, input));
    case 'outgoing':
      return outgoingTable(outgoingReport(ctx, input));
    case 'views':
      return viewsTable(viewsReport(ctx, input));
    case 'yearly':
      return yearlyTable(yearlyReport(ctx, input.year));
  }
}

const STEMS = { incoming: 'bao-cao-van-ban-den', outgoing: 'bao-cao-van-ban-di', views: 'luot-xem-van-ban', yearly: 'thong-ke-van-thu' } as const;

// e.g. bao-cao-van-ban-den-2026-01-01-2026-03-31-20260410-093000.pdf: what, which period, when.
export function reportFileName(input: ReportExportInput, now: Date): string {
  const span = input.report === 'yearly' ? String(input.year) : `${input.from}-${input.to}`;
  return `${STEMS[input.report]}-${span}-${vietnamFileStamp(now)}.${input.format}`;
}

// Writes the report to `outPath`, complete or not at all (books/output-file.ts).
export async function writeReport(ctx: RegistryContext, input: ReportExportInput, outPath: string, fontsDir?: string): Promise<number> {
  checkOutputTarget(outPath);
  const table = reportTable(ctx, input);
  if (input.format === 'xlsx') {
    const { reportXlsx } = await import('./report-xlsx.ts');
    return writeWholeFile(outPath, await reportXlsx(table));
  }
  const { reportPdf } = await import('./pdf/write-report-pdf.ts');
  return writeWholeFile(outPath, await reportPdf(table, reportBasis(ctx).placeName, ctx.clock.now(), fontsDir));
}

// reports.export: into the profile's exports folder, where books.openExport and the bridge's
// download find it.
export async function exportReport(ctx: RegistryContext, exportsDir: string, input: ReportExportInput, fontsDir?: string): Promise<ReportExportResult> {
  const fileName = reportFileName(input, ctx.clock.now());
  const path = join(exportsDir, fileName);
  return { fileName, path, bytes: await writeReport(ctx, input, path, fontsDir) };
}
