import type { ViewsReport } from '../../../shared/api/schemas/reports.ts';
import type { Period } from './period.ts';
import { showDate } from '../../util/dates.ts';

// "Từ ngày 01/12/2026 đến ngày 08/12/2026", as the printed reports say it.
export function periodLine(p: Period): string {
  return `Từ ngày ${showDate(p.from)} đến ngày ${showDate(p.to)}`;
}

// The register entry as the printed report names it: "Đến số 12/2026", "Đi số 05/QĐ-UBND".
export function documentName(d: Pick<ViewsReport['rows'][number], 'direction' | 'number' | 'year' | 'numberNotation'>): string {
  return d.direction === 'incoming' ? `Đến số ${d.number}/${d.year}` : `Đi số ${d.numberNotation}`;
}
