import type { ImportRowError } from '../../../shared/api/schemas/books.ts';
import type { SeriesRecord } from '../../../shared/api/schemas/series.ts';
import type { RegistryContext } from '../../registry/context.ts';
import { seriesForIncoming, seriesForOutgoingType } from '../../registry/series-repo.ts';
import { incomingDuplicateChecker } from './incoming-duplicates.ts';
import { outgoingCodeChecker } from './outgoing-codes.ts';
import type { ImportKind, ImportRow } from './parse-row.ts';
import { rowIssue } from './row-reader.ts';

// A parsed row with the series (sổ) it goes into.
export interface PlacedRow extends ImportRow {
  readonly seriesId: number;
  readonly seriesName: string;
}

export interface CheckResult {
  readonly placed: PlacedRow[];
  readonly errors: ImportRowError[];
  readonly warnings: ImportRowError[];
}

// The checks that need the other rows or the database: a number is used once per register and
// year (in the file and in the sổ already), an outgoing number+notation once per year; suspected
// incoming duplicates are only warned about, as registration does. Errors make the whole import
// fail; rows with errors are left out of the later checks.
export function checkRows(ctx: RegistryContext, kind: ImportKind, rows: readonly ImportRow[]): CheckResult {
  const errors: ImportRowError[] = [];
  const warnings: ImportRowError[] = [];
  const placed: PlacedRow[] = [];
  const incomingSeries = kind === 'incoming' ? seriesForIncoming(ctx) : null;
  const seriesByType = new Map<string, SeriesRecord>();
  const numbersInFile = new Map<string, number>();
  const codeIssue = kind === 'outgoing' ? outgoingCodeChecker(ctx) : null;
  const duplicateWarning = kind === 'incoming' ? incomingDuplicateChecker(ctx) : null;
  const numberTaken = ctx.db.prepare(
    'SELECT 1 FROM documents d JOIN registers r ON r.id = d.register_id WHERE r.series_id = ? AND r.year = ? AND d.number = ?',
  );
  for (const row of rows) {
    const series = incomingSeries ?? seriesByType.get(row.type.key) ?? seriesForOutgoingType(ctx, row.type.key);
    seriesByType.set(row.type.key, series);
    const before = errors.length;
    const numberKey = `${series.id}|${row.year}|${row.number}`;
    const earlier = numbersInFile.get(numberKey);
    const field = kind === 'incoming' ? 'number' : 'numberAndNotation';
    if (earlier !== undefined) {
      errors.push(rowIssue(row.row, field, `số ${row.number} năm ${row.year} trùng với dòng ${earlier}`));
    } else if (numberTaken.get(series.id, row.year, row.number)) {
      errors.push(rowIssue(row.row, field, `số ${row.number} năm ${row.year} đã có trong ${series.name}`));
    }
    numbersInFile.set(numberKey, earlier ?? row.row);
    // An outgoing number already refused above would only be reported twice as a code.
    const codeError = codeIssue && errors.length === before ? codeIssue(row) : null;
    if (codeError) errors.push(codeError);
    const warning = duplicateWarning?.(row) ?? null;
    if (warning) warnings.push(warning);
    if (errors.length === before) placed.push({ ...row, seriesId: series.id, seriesName: series.name });
  }
  return { placed, errors, warnings };
}
