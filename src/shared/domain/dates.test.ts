import { describe, expect, it } from 'vitest';
import { formatVietnameseDate, isValidIsoDate, parseVietnameseDate, vietnamDateTime, vietnamFileStamp, vietnamToday } from './dates.ts';

describe('dates in Vietnam time', () => {
  it('turns over at midnight UTC+7, not UTC', () => {
    expect(vietnamToday(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
    expect(vietnamToday(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(vietnamDateTime(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01T00:00:00+07:00');
    expect(vietnamFileStamp(new Date('2026-03-10T02:00:05Z'))).toBe('20260310-090005');
  });

  it('shows dd/MM/yyyy and parses what a clerk types', () => {
    expect(formatVietnameseDate('2026-01-05')).toBe('05/01/2026');
    expect(parseVietnameseDate('5/1/2026')).toBe('2026-01-05');
    expect(parseVietnameseDate(' 05 / 01 / 2026 ')).toBe('2026-01-05');
  });

  it('refuses dates that do not exist', () => {
    expect(parseVietnameseDate('30/02/2026')).toBeNull();
    expect(parseVietnameseDate('29/02/2028')).toBe('2028-02-29');
    expect(isValidIsoDate('2026-13-01')).toBe(false);
    expect(isValidIsoDate('2026-02-29')).toBe(false);
    expect(isValidIsoDate('26-02-01')).toBe(false);
  });
});
