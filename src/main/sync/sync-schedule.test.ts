import { describe, expect, it } from 'vitest';
import { lastScheduledSlot } from './sync-schedule.ts';

describe('lastScheduledSlot', () => {
  it('is today at the time (Vietnam, UTC+7) once it has passed', () => {
    expect(lastScheduledSlot('17:00', new Date('2026-03-05T10:00:00Z'))?.toISOString()).toBe('2026-03-05T10:00:00.000Z');
    expect(lastScheduledSlot('17:00', new Date('2026-03-05T16:59:00Z'))?.toISOString()).toBe('2026-03-05T10:00:00.000Z');
  });

  it('is yesterday before the time, counting the day in Vietnam', () => {
    expect(lastScheduledSlot('17:00', new Date('2026-03-05T09:59:59Z'))?.toISOString()).toBe('2026-03-04T10:00:00.000Z');
    // 01:30 on 6 March in Vietnam is still 5 March in UTC.
    expect(lastScheduledSlot('00:15', new Date('2026-03-05T18:30:00Z'))?.toISOString()).toBe('2026-03-05T17:15:00.000Z');
    expect(lastScheduledSlot('07:00', new Date('2026-01-01T00:30:00Z'))?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(lastScheduledSlot('08:00', new Date('2026-01-01T00:30:00Z'))?.toISOString()).toBe('2025-12-31T01:00:00.000Z');
  });

  it('is null without a schedule', () => {
    expect(lastScheduledSlot(null, new Date())).toBeNull();
    expect(lastScheduledSlot('', new Date())).toBeNull();
  });
});
