import { useState } from 'react';
import { DEFAULT_HORIZON_DAYS, MAX_HORIZON_DAYS } from '../../../shared/api/schemas/today.ts';

const KEY = 'vanthu.today.horizonDays';

function stored(): number {
  try {
    const n = Number(window.localStorage.getItem(KEY));
    return Number.isInteger(n) && n >= 0 && n <= MAX_HORIZON_DAYS && window.localStorage.getItem(KEY) !== null ? n : DEFAULT_HORIZON_DAYS;
  } catch {
    return DEFAULT_HORIZON_DAYS;
  }
}

// "Hạn xử lý trong N ngày làm việc": a way of looking, not data, so it is kept in this window's
// storage (it survives a restart of the app) rather than in the profile.
export function useHorizon(): [number, (n: number) => void] {
  const [days, setDays] = useState(stored);
  const set = (n: number) => {
    setDays(n);
    try {
      window.localStorage.setItem(KEY, String(n));
    } catch {
      // A storage that refuses (private mode) only means the choice is not kept.
    }
  };
  return [days, set];
}
