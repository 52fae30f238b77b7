import type { IsoDate } from './dates.ts';

// Working days (ngày làm việc) of Decree 30's time limits: Monday to Friday. Public holidays
// (Tết, 30/4, 1/5, 2/9 and the days the Government moves each year) are not known here, so a
// holiday counts as a working day: a deadline or a "by the next working day" limit then shows one
// day early, never late.

const DAY_MS = 86_400_000;

function toUtc(iso: IsoDate): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

function fromUtc(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function isWorkingDay(iso: IsoDate): boolean {
  const weekday = new Date(toUtc(iso)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

// The n-th working day after `iso` (n = 0: `iso` itself, whatever day it is).
export function addWorkingDays(iso: IsoDate, n: number): IsoDate {
  let ms = toUtc(iso);
  for (let left = n; left > 0; ) {
    ms += DAY_MS;
    if (isWorkingDay(fromUtc(ms))) left--;
  }
  return fromUtc(ms);
}

export function nextWorkingDay(iso: IsoDate): IsoDate {
  return addWorkingDays(iso, 1);
}

// Working days from `from` to `to`: 0 on the same day, 1 when `to` is the next working day; a
// `to` before `from` counts the working days it lies back, negative (−1 for yesterday's Friday
// seen on Monday). Weekend days between are not counted.
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  if (to === from) return 0;
  const forward = to > from;
  const [start, end] = forward ? [toUtc(from), toUtc(to)] : [toUtc(to), toUtc(from)];
  let count = 0;
  for (let ms = start + DAY_MS; ms <= end; ms += DAY_MS) if (isWorkingDay(fromUtc(ms))) count++;
  // A weekend `to` before `from` still lies back one day at least.
  const days = Math.max(count, forward ? 0 : 1);
  return forward ? count : -days;
}
