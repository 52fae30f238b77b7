import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { cellDate, cellPositiveInt, cellString, multiLine } from './cell-values.ts';

describe('cell values of an imported register', () => {
  it('reads dates as the clerk wrote them, as date cells, and as Excel serial numbers', () => {
    expect(cellDate('05/01/2026')).toBe('2026-01-05');
    expect(cellDate('5/1/2026')).toBe('2026-01-05');
    expect(cellDate('05.01.2026')).toBe('2026-01-05');
    expect(cellDate('05-01-2026')).toBe('2026-01-05');
    expect(cellDate('2026-01-05')).toBe('2026-01-05');
    expect(cellDate(new Date('2026-01-05T00:00:00Z'))).toBe('2026-01-05');
    expect(cellDate(46027)).toBe('2026-01-05');
    expect(cellDate('')).toBeNull();
    expect(cellDate(null)).toBeNull();
  });

  it('refuses what is not a real date', () => {
    for (const bad of ['31/02/2026', '2026-02-30', '05/13/2026', 'hôm qua', 0, -3, 1.5, true]) expect(cellDate(bad)).toBe('invalid');
  });

  it('reads positive whole numbers only', () => {
    expect(cellPositiveInt('015')).toBe(15);
    expect(cellPositiveInt(15)).toBe(15);
    expect(cellPositiveInt(' ')).toBeNull();
    for (const bad of ['0', '-1', '1.5', 1.5, '12a', 0]) expect(cellPositiveInt(bad)).toBe('invalid');
  });

  it('takes off the apostrophe our CSV export puts before a formula-like cell, and nothing else', () => {
    expect(cellString("'- Như trên;")).toBe('- Như trên;');
    expect(cellString("'=1+1")).toBe('=1+1');
    for (const start of ['+', '@', '\t', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']) expect(cellString(`'${start}x`)).toBe(`${start}x`);
    expect(cellString("'\uFF08x")).toBe("'\uFF08x");
    expect(cellString("'Tết")).toBe("'Tết");
    expect(cellString(12)).toBe('12');
  });

  it('undoes exactly what the CSV export escapes, whatever character a cell starts with', () => {
    // The options of write-csv.ts; every character of the Basic Multilingual Plane but surrogates.
    const cells = Array.from({ length: 0x10000 }, (_, code) => code)
      .filter((code) => code < 0xd800 || code > 0xdfff)
      .map((code) => `${String.fromCharCode(code)}x`);
    const csv = stringify([cells], { record_delimiter: 'windows', quote_record_delimiter: true, escape_formulas: true });
    const back = (parse(csv) as string[][])[0]?.map((cell) => cellString(cell));
    expect(back?.filter((cell, i) => cell !== cells[i])).toEqual([]);
  });

  it('keeps line breaks of multi-line cells, tidied, in NFC', () => {
    expect(multiLine(' - Như trên; \r\n-  Lưu: VT. ')).toBe('- Như trên;\n- Lưu: VT.');
    expect(multiLine('Đồng Nai'.normalize('NFD'))).toBe('Đồng Nai');
  });
});
