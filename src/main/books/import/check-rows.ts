import type { ImportRowError } from '../../../shared/api/schemas/books.ts';
import type { SeriesRecord } from '../../../shared/api/schemas/series.ts';
import { duplicateKey } from '../../../shared/domain/duplicates.ts';
import type { RegistryContext } from '../../registry/context.ts';
import { seriesForIncoming, seriesForOutgoingType } from '../../registry/series-repo.ts';
import type { ImportField } from './header-map.ts';
import type { ImportKind, ImportRow } from './parse-row.ts';
import { FIELD_TITLES } from './row-reader.ts';

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

function issue(row: number, field: ImportField, message: string): ImportRowError {
  return { row, field, message: `${FIELD_TITLES[field]}: ${message}` };
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
  const codesInFile = new Map<string, number>();
  const duplicatesInFile = new Map<string, number>();
  const numberTaken = ctx.db.prepare(
    'SELECT 1 FROM documents d JOIN registers r ON r.id = d.register_id WHERE r.series_id = ? AND r.year = ? AND d.number = ?',
  );
  const codeTaken = ctx.db.prepare(
    "SELECT number FROM documents WHERE direction = 'outgoing' AND year = ? AND code_number = ? AND code_notation = ?",
  );
  const duplicateOf = ctx.db.prepare(
    "SELECT number, year FROM documents WHERE direction = 'incoming' AND duplicate_key = ? ORDER BY id LIMIT 1",
  );
  for (const row of rows) {
    const series = incomingSeries ?? seriesByType.get(row.type.key) ?? seriesForOutgoingType(ctx, row.type.key);
    seriesByType.set(row.type.key, series);
    const before = errors.length;
    const numberKey = `${series.id}|${row.year}|${row.number}`;
    const earlier = numbersInFile.get(numberKey);
    const field = kind === 'incoming' ? 'number' : 'numberAndNotation';
    if (earlier !== undefined) {
      errors.push(issue(row.row, field, `số ${row.number} năm ${row.year} trùng với dòng ${earlier}`));
    } else if (numberTaken.get(series.id, row.year, row.number)) {
      errors.push(issue(row.row, field, `số ${row.number} năm ${row.year} đã có trong ${series.name}`));
    }
    numbersInFile.set(numberKey, earlier ?? row.row);
    // An outgoing number already refused above would only be reported twice here.
    if (kind === 'outgoing' && errors.length === before) {
      const codeKey = `${row.year}|${row.codeNumber}|${row.codeNotation}`;
      const code = `${row.codeNumber}/${row.codeNotation}`;
      const sameCode = codesInFile.get(codeKey);
      const taken = codeTaken.get(row.year, row.codeNumber, row.codeNotation) as { number: number } | undefined;
      if (sameCode !== undefined) errors.push(issue(row.row, 'numberAndNotation', `"${code}" năm ${row.year} trùng với dòng ${sameCode}`));
      else if (taken) errors.push(issue(row.row, 'numberAndNotation', `"${code}" năm ${row.year} đã được cấp trong sổ văn bản đi`));
      codesInFile.set(codeKey, sameCode ?? row.row);
    } else {
      const key = duplicateKey(row.issuingAgency, row.codeNumber, row.codeNotation);
      const sameDocument = duplicatesInFile.get(key);
      const registered = duplicateOf.get(key) as { number: number; year: number } | undefined;
      if (sameDocument !== undefined) {
        warnings.push(issue(row.row, 'numberAndNotation', `có thể trùng văn bản ở dòng ${sameDocument} (cùng số, ký hiệu và tác giả)`));
      } else if (registered) {
        warnings.push(issue(row.row, 'numberAndNotation', `có thể trùng văn bản đã vào sổ: số đến ${registered.number}/${registered.year}`));
      }
      duplicatesInFile.set(key, sameDocument ?? row.row);
    }
    if (errors.length === before) placed.push({ ...row, seriesId: series.id, seriesName: series.name });
  }
  return { placed, errors, warnings };
}
