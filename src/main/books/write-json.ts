import type { RegistryContext } from '../registry/context.ts';
import type { BookCell } from './book-cells.ts';
import { effectiveRange } from './book-cover.ts';
import { BOOK_TITLES } from './book-columns.ts';
import { type BookHeader, type ExportData, readBook } from './book-source.ts';
import { openStreamedFile } from './output-file.ts';

// JSON is for other programs: dates stay ISO (YYYY-MM-DD), numbers stay numbers.
function jsonValue(cell: BookCell | null): string | number | null {
  return cell ? cell.value : null;
}

function metadata(header: BookHeader, exportedAt: Date) {
  const range = effectiveRange(header);
  return {
    kind: header.kind,
    title: BOOK_TITLES[header.kind],
    year: header.year,
    seriesId: header.seriesId,
    agency: { name: header.agencyName, parentName: header.parentAgencyName },
    from: range.from,
    to: range.to,
    exportedAt: exportedAt.toISOString(),
    rowCount: header.rowCount,
    registers: header.registers.map((r) => ({
      seriesName: r.seriesName,
      rows: r.rows,
      firstNumber: r.firstNumber,
      lastNumber: r.lastNumber,
      firstDate: r.firstDate,
      lastDate: r.lastDate,
    })),
    columns: header.columns.map((c) => ({ number: c.number, key: c.key, title: c.title })),
  };
}

// Written row by row: {"metadata": {...}, "rows": [{column key: value}, ...]}.
export function writeJsonBook(ctx: RegistryContext, input: ExportData, outPath: string): { rows: number; bytes: number } {
  const file = openStreamedFile(outPath);
  let rows = 0;
  let keys: readonly string[] = [];
  try {
    readBook(ctx, input, {
      begin(header) {
        keys = header.columns.map((c) => c.key);
        file.write(`{"metadata":${JSON.stringify(metadata(header, ctx.clock.now()), null, 2)},\n"rows":[`);
      },
      row(row) {
        const record = Object.fromEntries(keys.map((k, i) => [k, jsonValue(row.cells[i] ?? null)]));
        file.write(`${rows === 0 ? '\n' : ',\n'}${JSON.stringify(record)}`);
        rows++;
      },
    });
    file.write('\n]}\n');
    return { rows, bytes: file.commit() };
  } catch (e) {
    file.abort();
    throw e;
  }
}
