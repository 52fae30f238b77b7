import type { IsoDate } from '../../../shared/domain/dates.ts';

// The periods the Thống kê screen offers. A named period runs from its first day to today (the
// report is "tính đến ngày" its day: nothing is registered after today), so "Tháng này" on
// 08/12/2026 is 01/12/2026 – 08/12/2026. A custom one is the two dates typed.
export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export interface Period {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export const PERIOD_OPTIONS: ReadonlyArray<{ readonly value: PeriodKind; readonly label: string }> = [
  { value: 'month', label: 'Tháng này' },
  { value: 'quarter', label: 'Quý này' },
  { value: 'year', label: 'Năm nay' },
  { value: 'custom', label: 'Tùy chọn' },
];

const pad = (n: number): string => String(n).padStart(2, '0');

export function namedPeriod(kind: Exclude<PeriodKind, 'custom'>, today: IsoDate): Period {
  const year = today.slice(0, 4);
  const month = Number(today.slice(5, 7));
  if (kind === 'year') return { from: `${year}-01-01`, to: today };
  if (kind === 'month') return { from: `${year}-${pad(month)}-01`, to: today };
  const firstMonth = Math.floor((month - 1) / 3) * 3 + 1;
  return { from: `${year}-${pad(firstMonth)}-01`, to: today };
}

