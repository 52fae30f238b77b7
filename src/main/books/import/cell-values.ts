import { formatVietnameseDate, isValidIsoDate, parseVietnameseDate } from '../../../shared/domain/dates.ts';
import type { RawCell } from './raw-table.ts';

// Our CSV export puts an apostrophe before a cell that starts like a formula (see write-csv.ts):
// csv-stringify's escape_formulas does so before = + - @, a tab or a carriage return, and before
// their full-width forms ＝ ＋ － ＠ (which some spreadsheets fold to the ASCII ones). The same set
// comes off here, so the text round-trips unchanged.
const GUARDED_FORMULA = /^'(?=[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20])/;

const DAY_MS = 24 * 60 * 60 * 1000;
// Excel's day 0 is 30 December 1899 (its serials count the 1900 leap day that never was).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function isoOfUtc(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const iso = d.toISOString().slice(0, 10);
  return isValidIsoDate(iso) ? iso : null;
}

// Text of any cell. A date in a text column is shown as the clerk saw it (dd/MM/yyyy).
export function cellString(cell: RawCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return formatVietnameseDate(isoOfUtc(cell));
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell).replace(GUARDED_FORMULA, '');
}

export function singleLine(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function multiLine(text: string): string {
  return text
    .normalize('NFC')
    .split(/\r\n?|\n/)
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .trim();
}

// A date cell (the reader gives midnight UTC), an Excel serial number where the cell format was
// not recognised as a date, or text as dd/MM/yyyy (also with "." or "-") or YYYY-MM-DD.
// Returns null for an empty cell and 'invalid' for anything else.
export function cellDate(cell: RawCell): string | null | 'invalid' {
  if (cell === null || cell === undefined || cell === '') return null;
  if (cell instanceof Date) return isoOfUtc(cell) ?? 'invalid';
  if (typeof cell === 'number') {
    return Number.isInteger(cell) && cell > 0 ? (isoOfUtc(new Date(EXCEL_EPOCH + cell * DAY_MS)) ?? 'invalid') : 'invalid';
  }
  const text = singleLine(String(cell));
  if (!text) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return isValidIsoDate(text) ? text : 'invalid';
  return parseVietnameseDate(text.replace(/[.-]/g, '/')) ?? 'invalid';
}

// A positive whole number: 15, "15" or "015".
export function cellPositiveInt(cell: RawCell): number | null | 'invalid' {
  if (cell === null || cell === undefined || cell === '') return null;
  if (typeof cell === 'number') return Number.isSafeInteger(cell) && cell > 0 ? cell : 'invalid';
  const text = singleLine(cellString(cell));
  if (!text) return null;
  if (!/^\d{1,9}$/.test(text)) return 'invalid';
  const n = Number(text);
  return n > 0 ? n : 'invalid';
}
