import type { ImportRowError } from '../../../shared/api/schemas/books.ts';
import { cellDate, cellPositiveInt, cellString, multiLine, singleLine } from './cell-values.ts';
import type { ImportField } from './header-map.ts';
import { MAX_CELL_CHARS, type RawCell } from './raw-table.ts';

// How the report names each column to the clerk.
export const FIELD_TITLES: Readonly<Record<ImportField, string>> = {
  arrivalDate: 'Ngày đến',
  number: 'Số đến',
  issuingAgency: 'Tác giả',
  numberAndNotation: 'Số, ký hiệu',
  codeNumber: 'Số',
  codeNotation: 'Ký hiệu',
  documentDate: 'Ngày tháng văn bản',
  typeAndSubject: 'Tên loại và trích yếu',
  documentType: 'Tên loại',
  subject: 'Trích yếu',
  signerName: 'Người ký',
  signerPosition: 'Chức vụ người ký',
  recipientsText: 'Nơi nhận văn bản',
  recipientUnit: 'Đơn vị hoặc người nhận',
  copies: 'Số lượng bản',
  pageCount: 'Số trang',
  transferDate: 'Ngày chuyển',
  receivedBy: 'Ký nhận',
  notes: 'Ghi chú',
  priority: 'Độ khẩn',
  dueDate: 'Hạn xử lý',
  documentIdentifier: 'Mã văn bản',
  processingStatus: 'Tiến độ giải quyết',
};

// An issue found on a row by the checks that look beyond it (other rows, the database).
export function rowIssue(row: number, field: ImportField, message: string): ImportRowError {
  return { row, field, message: `${FIELD_TITLES[field]}: ${message}` };
}

// Reads the cells of one data row by field and collects what is wrong with them, each with the
// row number and field, in the clerk's words.
export class RowReader {
  readonly row: number;
  readonly errors: ImportRowError[] = [];
  readonly warnings: ImportRowError[] = [];
  private readonly cells: readonly RawCell[];
  private readonly columns: ReadonlyMap<ImportField, number>;

  constructor(row: number, cells: readonly RawCell[], columns: ReadonlyMap<ImportField, number>) {
    this.row = row;
    this.cells = cells;
    this.columns = columns;
  }

  error(field: ImportField | null, message: string): null {
    this.errors.push({ row: this.row, field, message: field ? `${FIELD_TITLES[field]}: ${message}` : message });
    return null;
  }

  warn(field: ImportField | null, message: string): void {
    this.warnings.push({ row: this.row, field, message: field ? `${FIELD_TITLES[field]}: ${message}` : message });
  }

  has(field: ImportField): boolean {
    return this.columns.has(field);
  }

  raw(field: ImportField): RawCell {
    const i = this.columns.get(field);
    return i === undefined ? null : (this.cells[i] ?? null);
  }

  // Text of a cell, NFC and trimmed; null when empty or absent. Longer than `max` is an error.
  text(field: ImportField, max: number, lines: 'single' | 'multi' = 'single'): string | null {
    const raw = cellString(this.raw(field));
    if (raw.length > MAX_CELL_CHARS) return this.error(field, `ô dài quá ${MAX_CELL_CHARS} ký tự`);
    const value = lines === 'multi' ? multiLine(raw) : singleLine(raw);
    if (value.length > max) return this.error(field, `dài quá ${max} ký tự`);
    return value || null;
  }

  requiredText(field: ImportField, max: number, lines: 'single' | 'multi' = 'single'): string | null {
    const before = this.errors.length;
    const value = this.text(field, max, lines);
    if (value === null && this.errors.length === before) this.error(field, 'không được để trống');
    return value;
  }

  date(field: ImportField, required: boolean): string | null {
    const value = cellDate(this.raw(field));
    if (value === 'invalid') return this.error(field, 'không phải ngày hợp lệ (dd/MM/yyyy)');
    if (value === null && required) return this.error(field, 'không được để trống');
    return value;
  }

  positiveInt(field: ImportField, required: boolean): number | null {
    const value = cellPositiveInt(this.raw(field));
    if (value === 'invalid') return this.error(field, 'phải là số nguyên dương');
    if (value === null && required) return this.error(field, 'không được để trống');
    return value;
  }
}
