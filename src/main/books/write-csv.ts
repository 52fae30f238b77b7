import { stringify } from 'csv-stringify/sync';
import type { RegistryContext } from '../registry/context.ts';
import { cellText } from './book-cells.ts';
import { type ExportData, readBook } from './book-source.ts';
import { openStreamedFile } from './output-file.ts';

const BATCH = 500;

// A cell that starts like a formula (=, +, -, @) would be run by a spreadsheet opening the CSV
// (CSV injection): escape_formulas puts an apostrophe in front, which the import takes off again.
// Cells with line breaks are quoted, or a reader would split the row there.
function lines(records: string[][]): string {
  return stringify(records, { record_delimiter: 'windows', quote_record_delimiter: true, escape_formulas: true });
}

// UTF-8 with a byte-order mark, or Excel on Windows reads Vietnamese as mojibake; CRLF line ends
// for the same reader. The header row holds the Appendix IV titles.
export function writeCsvBook(ctx: RegistryContext, input: ExportData, outPath: string): { rows: number; bytes: number } {
  const file = openStreamedFile(outPath);
  let batch: string[][] = [];
  let rows = 0;
  try {
    readBook(ctx, input, {
      begin(header) {
        file.write('\uFEFF');
        file.write(lines([header.columns.map((c) => c.title)]));
      },
      row(row) {
        batch.push(row.cells.map(cellText));
        rows++;
        if (batch.length >= BATCH) {
          file.write(lines(batch));
          batch = [];
        }
      },
    });
    if (batch.length > 0) file.write(lines(batch));
    return { rows, bytes: file.commit() };
  } catch (e) {
    file.abort();
    throw e;
  }
}
