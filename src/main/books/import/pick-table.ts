import { AppError } from '../../../shared/errors.ts';
import { cellString } from './cell-values.ts';
import { findHeader, type HeaderMap, missingColumns, REQUIRED } from './header-map.ts';
import type { ImportKind } from './parse-row.ts';
import { MAX_ROWS, type RawCell, type RawTable } from './raw-table.ts';
import { emptyFile } from './read-file.ts';

export interface DataRow {
  // The row number as the spreadsheet shows it (1-based).
  readonly row: number;
  readonly cells: readonly RawCell[];
}

export interface PickedTable {
  readonly table: RawTable;
  readonly header: HeaderMap;
  readonly rows: readonly DataRow[];
}

const isEmpty = (cells: readonly RawCell[]): boolean => cells.every((c) => cellString(c).trim() === '');

// The printed form has a row "(1) (2) … (10)" under the titles; clerks copy it into Excel.
const isNumberingRow = (cells: readonly RawCell[]): boolean => {
  const filled = cells.map((c) => cellString(c).trim()).filter(Boolean);
  return filled.length >= 2 && filled.every((t) => /^\(?\s*\d{1,2}\s*\)?$/.test(t));
};

function columnsList(kind: ImportKind): string {
  return REQUIRED[kind].map((r) => r.label).join(', ');
}

// The sheet to import is the one whose header names the most columns we know (a workbook may
// start with a cover or an instructions sheet). Its data rows follow the header.
export function pickTable(tables: readonly RawTable[], kind: ImportKind): PickedTable {
  if (tables.every((t) => t.rows.every(isEmpty))) throw emptyFile();
  let best: { table: RawTable; header: HeaderMap } | null = null;
  for (const table of tables) {
    const header = findHeader(table);
    if (header && (!best || header.columns.size > best.header.columns.size)) best = { table, header };
  }
  if (!best) {
    throw new AppError(
      'INVALID_INPUT',
      `Không tìm thấy dòng tiêu đề cột trong tệp. Dòng tiêu đề cần có các cột: ${columnsList(kind)}.`,
      'no header row recognised',
    );
  }
  const missing = missingColumns(kind, best.header);
  if (missing.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `Tệp thiếu cột bắt buộc: ${missing.join(', ')}. Sổ ${kind === 'incoming' ? 'văn bản đến' : 'văn bản đi'} cần các cột: ${columnsList(kind)}.`,
      `missing columns: ${missing.join(', ')}`,
      { missingColumns: missing },
    );
  }
  const rows: DataRow[] = [];
  const start = best.header.rowIndex + 1;
  best.table.rows.forEach((cells, i) => {
    if (i < start || isEmpty(cells) || (i === start && isNumberingRow(cells))) return;
    rows.push({ row: i + 1, cells });
  });
  if (rows.length === 0) {
    throw new AppError('INVALID_INPUT', 'Tệp không có dòng văn bản nào dưới dòng tiêu đề.', 'no data rows under the header');
  }
  if (rows.length > MAX_ROWS) {
    throw new AppError(
      'INVALID_INPUT',
      `Tệp có hơn ${MAX_ROWS.toLocaleString('vi-VN')} dòng. Hãy chia tệp thành nhiều phần (ví dụ theo năm) rồi nhập từng phần.`,
      `more than ${MAX_ROWS} rows`,
    );
  }
  return { table: best.table, header: best.header, rows };
}
