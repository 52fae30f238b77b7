import type { TodaySummary } from '../../../shared/api/schemas/today.ts';

// The words of Hôm nay, kept apart from the markup so each panel reads as what it shows.

type Deadline = TodaySummary['deadlines']['rows'][number];

// "Quá hạn 2 ngày làm việc", "Hôm nay", "Còn 3 ngày làm việc".
export function deadlineWords(d: Pick<Deadline, 'overdue' | 'workingDaysLeft'>): string {
  if (d.overdue) return d.workingDaysLeft < 0 ? `Quá hạn ${-d.workingDaysLeft} ngày làm việc` : 'Quá hạn';
  if (d.workingDaysLeft === 0) return 'Đến hạn hôm nay';
  return `Còn ${d.workingDaysLeft} ngày làm việc`;
}

export const HORIZON_OPTIONS = [0, 1, 2, 3, 5, 10].map((n) => ({
  value: String(n),
  label: n === 0 ? 'Chỉ hôm nay' : `${n} ngày làm việc tới`,
}));

export const OUTCOME_WORDS: Readonly<Record<NonNullable<TodaySummary['sync']['lastRun']>['outcome'], string>> = {
  ok: 'thành công',
  partial: 'còn việc chưa xong',
  offline: 'không có mạng',
  failed: 'lỗi',
};
