import { vietnamToday } from '../../shared/domain/dates.ts';

// Everything that depends on "now" (numbering year, arrival date, overdue) asks this clock, so
// tests can stand on 31 December and 1 January.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function today(clock: Clock): string {
  return vietnamToday(clock.now());
}

export function timestamp(clock: Clock): string {
  return clock.now().toISOString();
}
