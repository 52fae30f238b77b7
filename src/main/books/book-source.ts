import type { z } from 'zod';
import type { BookKind, exportInput } from '../../shared/api/schemas/books.ts';
import { AppError } from '../../shared/errors.ts';
import { readTransaction } from '../db/connection.ts';
import { getAgencyProfile } from '../registry/agency-repo.ts';
import { today } from '../registry/clock.ts';
import type { RegistryContext } from '../registry/context.ts';
import { DOCUMENT_COLUMNS, DOCUMENT_FROM, type DocumentRow, toDocumentRecord } from '../registry/document-rows.ts';
import type { BookCell } from './book-cells.ts';
import { BOOK_COLUMNS, type BookColumn, bookDirection } from './book-columns.ts';

export type ExportData = z.output<typeof exportInput>;

// One register (series × year) in the book, with the range of what the export covers.
export interface RegisterPart {
  readonly registerId: number;
  readonly seriesName: string;
  readonly rows: number;
  readonly firstNumber: number | null;
  readonly lastNumber: number | null;
  readonly firstDate: string | null;
  readonly lastDate: string | null;
}

export interface BookHeader {
  readonly kind: BookKind;
  readonly year: number;
  readonly seriesId: number | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly agencyName: string;
  readonly parentAgencyName: string | null;
  readonly columns: readonly BookColumn[];
  readonly registers: readonly RegisterPart[];
  readonly rowCount: number;
}

export interface BookRow {
  readonly registerIndex: number;
  readonly cells: readonly (BookCell | null)[];
}

export interface BookSink {
  begin(header: BookHeader): void;
  row(row: BookRow): void;
}

const RANGE = `(@from IS NULL OR d.register_date >= @from) AND (@to IS NULL OR d.register_date <= @to)`;

function registersOf(ctx: RegistryContext, input: ExportData): Array<{ id: number; series_name: string }> {
  const direction = bookDirection(input.kind);
  if (input.seriesId !== undefined) {
    const series = ctx.db.prepare('SELECT direction FROM series WHERE id = ?').get(input.seriesId) as { direction: string } | undefined;
    if (!series) throw new AppError('NOT_FOUND', 'Không tìm thấy sổ đã chọn.', `series ${input.seriesId} not found`);
    if (series.direction !== direction) {
      throw new AppError('INVALID_INPUT', 'Sổ đã chọn không thuộc loại sổ cần in.', `series ${input.seriesId} is ${series.direction}, book ${input.kind}`);
    }
  }
  return ctx.db
    .prepare(
      `SELECT r.id, s.name AS series_name FROM registers r JOIN series s ON s.id = r.series_id
       WHERE r.year = @year AND s.direction = @direction AND (@seriesId IS NULL OR s.id = @seriesId)
       ORDER BY s.id`,
    )
    .all({ year: input.year, direction, seriesId: input.seriesId ?? null }) as Array<{ id: number; series_name: string }>;
}

function partOf(ctx: RegistryContext, register: { id: number; series_name: string }, range: { from: string | null; to: string | null }): RegisterPart {
  const s = ctx.db
    .prepare(
      `SELECT count(*) AS n, min(number) AS first, max(number) AS last, min(register_date) AS first_date,
              max(register_date) AS last_date
       FROM documents d WHERE d.register_id = @registerId AND ${RANGE}`,
    )
    .get({ registerId: register.id, ...range }) as { n: number; first: number | null; last: number | null; first_date: string | null; last_date: string | null };
  return {
    registerId: register.id,
    seriesName: register.series_name,
    rows: s.n,
    firstNumber: s.first,
    lastNumber: s.last,
    firstDate: s.first_date,
    lastDate: s.last_date,
  };
}

// Reads one book inside one read transaction, so the cover's counts and ranges describe exactly
// the rows that follow. Rows are streamed register by register in number order (the unique index
// on register and number serves the order), so a year of 100,000 rows is never held in memory.
export function readBook(ctx: RegistryContext, input: ExportData, sink: BookSink): BookHeader {
  return readTransaction(ctx.db, () => {
    const agency = getAgencyProfile(ctx);
    if (!agency) throw new AppError('PROFILE_NOT_INITIALIZED', 'Chưa khai báo thông tin cơ quan.', 'agency profile missing');
    const range = { from: input.from ?? null, to: input.to ?? null };
    const registers = registersOf(ctx, input).map((r) => partOf(ctx, r, range));
    const columns = BOOK_COLUMNS[input.kind];
    const header: BookHeader = {
      kind: input.kind,
      year: input.year,
      seriesId: input.seriesId ?? null,
      ...range,
      agencyName: agency.name,
      parentAgencyName: agency.parentName,
      columns,
      registers: registers.filter((r) => r.rows > 0),
      rowCount: registers.reduce((n, r) => n + r.rows, 0),
    };
    sink.begin(header);
    const statement = ctx.db.prepare(
      `SELECT ${DOCUMENT_COLUMNS} FROM ${DOCUMENT_FROM} WHERE d.register_id = @registerId AND ${RANGE} ORDER BY d.number`,
    );
    const day = today(ctx.clock);
    header.registers.forEach((register, registerIndex) => {
      const rows = statement.iterate({ registerId: register.registerId, ...range, today: day }) as IterableIterator<DocumentRow>;
      for (const raw of rows) {
        const record = toDocumentRecord(raw);
        sink.row({ registerIndex, cells: columns.map((c) => c.cell(record)) });
      }
    });
    return header;
  });
}
