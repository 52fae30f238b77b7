import { SCHEDULE_TIME } from '../../shared/api/schemas/hub.ts';

// Vietnam has one offset all year (no daylight saving), so the end-of-day time is a fixed UTC time.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

// The latest moment at or before `now` when the end-of-day sync was due: today at `scheduleTime`
// (HH:mm, Vietnam time) if that has passed, else yesterday's. Null without a schedule.
export function lastScheduledSlot(scheduleTime: string | null, now: Date): Date | null {
  if (!scheduleTime || !SCHEDULE_TIME.test(scheduleTime)) return null;
  const [hours, minutes] = scheduleTime.split(':').map(Number) as [number, number];
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  const today = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), hours, minutes) - VIETNAM_OFFSET_MS;
  return new Date(today <= now.getTime() ? today : today - DAY_MS);
}
