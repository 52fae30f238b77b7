import { createHash } from 'node:crypto';
import type { ImportReport, ImportRowError } from '../../shared/api/schemas/books.ts';
import { AppError } from '../../shared/errors.ts';
import { readTransaction, writeTransaction } from '../db/connection.ts';
import type { Profile } from '../profile/open-profile.ts';
import { getAgencyProfile } from '../registry/agency-repo.ts';
import { today } from '../registry/clock.ts';
import type { RegistryContext } from '../registry/context.ts';
import { checkRows } from './import/check-rows.ts';
import type { HeaderMap } from './import/header-map.ts';
import { type ImportKind, type ImportRow, parseRow } from './import/parse-row.ts';
import { type PickedTable, pickTable } from './import/pick-table.ts';
import { readTables } from './import/read-file.ts';
import { RowReader } from './import/row-reader.ts';
import { sequenceWarnings } from './import/sequence-warnings.ts';
import { type ImportSource, writeRows } from './import/write-rows.ts';
import { optimizeSearchIndex } from '../registry/search-index.ts';

export interface ImportRequest {
  readonly kind: 'incoming' | 'outgoing';
  readonly fileName: string;
  readonly data: Uint8Array;
  readonly dryRun: boolean;
}

// A report listing 200,000 bad rows helps nobody and would not fit the window: the first ones
// are listed, then how many more there are (row 0 marks that line).
const MAX_LISTED = 1000;

function capped(items: ImportRowError[], what: string): ImportRowError[] {
  const sorted = [...items].sort((a, b) => a.row - b.row);
  if (sorted.length <= MAX_LISTED) return sorted;
  return [...sorted.slice(0, MAX_LISTED), { row: 0, field: null, message: `… và ${sorted.length - MAX_LISTED} ${what} khác không liệt kê.` }];
}

function headerWarnings(header: HeaderMap): ImportRowError[] {
  const row = header.rowIndex + 1;
  const warnings: ImportRowError[] = [];
  if (header.unknown.length > 0) warnings.push({ row, field: null, message: `Bỏ qua các cột không nhận ra: ${header.unknown.join(', ')}.` });
  if (header.repeated.length > 0) warnings.push({ row, field: null, message: `Cột lặp lại, chỉ dùng cột đầu tiên: ${header.repeated.join(', ')}.` });
  return warnings;
}

interface Parsed {
  readonly rows: ImportRow[];
  readonly errors: ImportRowError[];
  readonly warnings: ImportRowError[];
  readonly total: number;
}

function parseAll(ctx: RegistryContext, kind: ImportKind, picked: PickedTable): Parsed {
  const agency = getAgencyProfile(ctx);
  if (!agency) throw new AppError('PROFILE_NOT_INITIALIZED', 'Chưa khai báo thông tin cơ quan.', 'agency profile missing');
  const context = { kind, today: today(ctx.clock), agencyName: agency.name };
  const parsed: Parsed = { rows: [], errors: [], warnings: headerWarnings(picked.header), total: picked.rows.length };
  for (const data of picked.rows) {
    const reader = new RowReader(data.row, data.cells, picked.header.columns);
    const row = parseRow(reader, context);
    if (row) parsed.rows.push(row);
    parsed.errors.push(...reader.errors);
    parsed.warnings.push(...reader.warnings);
  }
  return parsed;
}

// Checks against the other rows and the database, and the report; run in the transaction that
// will write, so nothing registered in between can make a checked number collide.
function check(ctx: RegistryContext, req: ImportRequest, parsed: Parsed) {
  const result = checkRows(ctx, req.kind, parsed.rows);
  const errors = [...parsed.errors, ...result.errors];
  const warnings = [...parsed.warnings, ...result.warnings, ...sequenceWarnings(ctx, req.kind, result.placed)];
  const report: ImportReport = {
    dryRun: req.dryRun,
    kind: req.kind,
    totalRows: parsed.total,
    validRows: result.placed.length,
    imported: 0,
    errors: capped(errors, 'lỗi'),
    warnings: capped(warnings, 'cảnh báo'),
    years: [...new Set(parsed.rows.map((r) => r.year))].sort((a, b) => a - b),
  };
  return { report, placed: result.placed };
}

// Imports an existing register (years of Excel registers a clerk kept before) from CSV or XLSX.
// A big import leaves the search index in many small segments, which every later registration
// pays for when FTS5 merges them; merging them once afterwards costs seconds, once.
const OPTIMIZE_AFTER_ROWS = 5_000;

// The import is committed by now: a merge that fails (a full or busy disk) only costs speed
// later, and must not make the clerk think the rows were not saved.
function mergeSearchIndex(profile: Profile): void {
  try {
    optimizeSearchIndex(profile.db);
  } catch (e) {
    profile.logger.log('warn', 'import.optimize.failed', { detail: (e as Error).message });
  }
}

// A dry run only reports. A real run writes every row in one transaction, or nothing at all if
// any row has an error: the report then travels in the error's data.
export async function importRegister(profile: Profile, req: ImportRequest): Promise<ImportReport> {
  const picked = pickTable(await readTables(req.data), req.kind);
  const parsed = parseAll(profile, req.kind, picked);
  if (req.dryRun) return readTransaction(profile.db, () => check(profile, req, parsed).report);
  const source: ImportSource = {
    fileName: req.fileName,
    sha256: createHash('sha256').update(req.data).digest('hex'),
    bytes: req.data.length,
  };
  const result = writeTransaction(profile.db, () => {
    const { report, placed } = check(profile, req, parsed);
    if (report.errors.length > 0) {
      throw new AppError(
        'IMPORT_INVALID',
        `Chưa nhập gì: ${parsed.total - report.validRows} trong ${parsed.total} dòng có lỗi. Hãy sửa các dòng được liệt kê rồi nhập lại.`,
        `import of ${req.fileName} refused: ${report.errors.length} errors`,
        report,
      );
    }
    writeRows(profile, req.kind, placed, source);
    return { ...report, imported: placed.length };
  });
  if (result.imported >= OPTIMIZE_AFTER_ROWS) mergeSearchIndex(profile);
  return result;
}
