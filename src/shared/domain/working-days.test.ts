import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, nextWorkingDay, workingDaysBetween } from './working-days.ts';

// 2026-06-05 is a Friday, 06-06 Saturday, 06-07 Sunday, 06-08 Monday.
describe('working days (Monday to Friday)', () => {
  it('knows the weekend', () => {
    expect(['2026-06-05', '2026-06-06', '2026-06-07', '2026-06-08'].map(isWorkingDay)).toEqual([true, false, false, true]);
  });

  it('adds working days across a weekend and a year end', () => {
    expect(addWorkingDays('2026-06-05', 0)).toBe('2026-06-05');
    expect(addWorkingDays('2026-06-05', 1)).toBe('2026-06-08');
    expect(addWorkingDays('2026-06-03', 3)).toBe('2026-06-08');
    expect(addWorkingDays('2026-06-06', 1)).toBe('2026-06-08');
    // 31/12/2026 is a Thursday.
    expect(addWorkingDays('2026-12-31', 2)).toBe('2027-01-04');
  });

  it('the next working day after Friday or the weekend is Monday (Art. 18.1, 23.1)', () => {
    expect(nextWorkingDay('2026-06-04')).toBe('2026-06-05');
    expect(nextWorkingDay('2026-06-05')).toBe('2026-06-08');
    expect(nextWorkingDay('2026-06-07')).toBe('2026-06-08');
  });

  it('counts working days left, and back for a date passed', () => {
    expect(workingDaysBetween('2026-06-05', '2026-06-05')).toBe(0);
    expect(workingDaysBetween('2026-06-05', '2026-06-08')).toBe(1);
    expect(workingDaysBetween('2026-06-04', '2026-06-10')).toBe(4);
    expect(workingDaysBetween('2026-06-08', '2026-06-05')).toBe(-1);
    expect(workingDaysBetween('2026-06-08', '2026-06-07')).toBe(-1);
    expect(workingDaysBetween('2026-06-10', '2026-06-01')).toBe(-7);
  });
});
