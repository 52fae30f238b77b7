import { describe, expect, it } from 'vitest';
import { parsePdfDate } from './pdf-date.ts';

describe('parsePdfDate', () => {
  it('reads the Vietnam time we write into /M', () => {
    expect(parsePdfDate("D:20260105100405+07'00'")?.toISOString()).toBe('2026-01-05T03:04:05.000Z');
  });

  it('reads UTC, negative zones and partial dates', () => {
    expect(parsePdfDate('D:20260105100405Z')?.toISOString()).toBe('2026-01-05T10:04:05.000Z');
    expect(parsePdfDate("D:20260105100405-05'30'")?.toISOString()).toBe('2026-01-05T15:34:05.000Z');
    expect(parsePdfDate('D:2026')?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('refuses what is not a PDF date', () => {
    expect(parsePdfDate(null)).toBeNull();
    expect(parsePdfDate('2026-01-05')).toBeNull();
    expect(parsePdfDate('D:20261305000000Z')).toBeNull();
    expect(parsePdfDate('D:20260105250000Z')).toBeNull();
  });
});
