import { incomingReport } from '../reports/incoming-report.ts';
import { outgoingReport } from '../reports/outgoing-report.ts';
import { viewsReport } from '../reports/views-report.ts';
import { yearlyReport } from '../reports/yearly-report.ts';
import type { HandlerDeps, HandlersOf } from './handler-types.ts';

// Reports and statistics (docs/reports.md): the counts for the Thống kê screen, and the same
// report printed or exported into the exports folder.
export function createReportHandlers({ ready, resources }: Pick<HandlerDeps, 'ready' | 'resources'>): HandlersOf<'reports'> {
  return {
    'reports.incoming': (input) => incomingReport(ready(), input),
    'reports.outgoing': (input) => outgoingReport(ready(), input),
    'reports.yearly': (input) => yearlyReport(ready(), input.year),
    'reports.views': (input) => viewsReport(ready(), input),
    'reports.export': async (input) => {
      const p = ready();
      // pdf-lib and the spreadsheet writer load on first use, as the books' do.
      const { exportReport } = await import('../reports/export-report.ts');
      return exportReport(p, p.paths.exports, input, resources.fonts);
    },
  };
}
