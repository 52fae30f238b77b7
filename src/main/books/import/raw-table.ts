// A sheet as read from the clerk's file, before any meaning is given to it: rows of cells as the
// spreadsheet holds them (text, number, boolean or date), with the sheet's own row numbers
// (1-based, as Excel shows them) so the report can point at the row to fix.
export type RawCell = string | number | boolean | Date | null;

export interface RawTable {
  readonly name: string;
  readonly rows: readonly (readonly RawCell[])[];
}

// Limits against hostile or mistaken input (see docs/register-books.md).
export const MAX_ROWS = 200_000;
export const MAX_CELL_CHARS = 10_000;
// Title rows (agency, book name) often sit above the header in a clerk's Excel register.
export const HEADER_SCAN_ROWS = 20;
