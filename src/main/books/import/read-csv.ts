import { CsvError, parse } from 'csv-parse/sync';
import { AppError } from '../../../shared/errors.ts';
import { findHeader } from './header-map.ts';
import { HEADER_SCAN_ROWS, MAX_CELL_CHARS, MAX_ROWS, type RawTable } from './raw-table.ts';

// Excel saves "CSV UTF-8" with a comma, or with a semicolon where the list separator of Windows
// is one; tab-separated text comes from copying a sheet.
const DELIMITERS = [',', ';', '\t'] as const;

function decode(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    throw new AppError(
      'INVALID_INPUT',
      'Tệp không đọc được: tệp CSV phải ở mã UTF-8. Trong Excel hãy chọn Lưu thành → "CSV UTF-8 (Comma delimited)" hoặc lưu dưới dạng .xlsx.',
      'csv is not valid UTF-8',
    );
  }
}

function records(text: string, delimiter: string, limit: number): string[][] {
  return parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    max_record_size: MAX_CELL_CHARS * 10,
    to: limit,
  });
}

// The delimiter is the one under which the header row names the most known columns: a plain
// count of commas would be fooled by "Số, ký hiệu".
function detectDelimiter(text: string): string {
  let best: { delimiter: string; score: number } = { delimiter: ',', score: -1 };
  for (const delimiter of DELIMITERS) {
    let score = 0;
    try {
      score = findHeader({ name: 'csv', rows: records(text, delimiter, HEADER_SCAN_ROWS) })?.columns.size ?? 0;
    } catch {
      score = 0;
    }
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

export function readCsv(data: Uint8Array): RawTable {
  const text = decode(data);
  if (text.includes('\u0000')) {
    throw new AppError('INVALID_INPUT', 'Tệp không phải CSV hay Excel (.xlsx): có dữ liệu nhị phân.', 'csv contains NUL characters');
  }
  const delimiter = detectDelimiter(text);
  let rows: string[][];
  try {
    rows = records(text, delimiter, MAX_ROWS + HEADER_SCAN_ROWS + 1);
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const line = typeof e['lines'] === 'number' ? ` (khoảng dòng ${e['lines']})` : '';
    throw new AppError(
      'INVALID_INPUT',
      `Tệp CSV bị lỗi cấu trúc${line}: có dấu ngoặc kép không đóng hoặc một dòng quá dài. Hãy mở tệp bằng Excel và lưu lại.`,
      `csv parse failed: ${e.code} ${e.message}`,
    );
  }
  return { name: 'CSV', rows };
}
