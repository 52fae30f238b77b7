import writeExcelFile, { type CellObject, type Row } from 'write-excel-file/node';
import type { RegistryContext } from '../registry/context.ts';
import type { BookCell } from './book-cells.ts';
import { type BookHeader, type ExportData, readBook } from './book-source.ts';
import { writeWholeFile } from './output-file.ts';

// Dates are real spreadsheet dates shown as dd/mm/yyyy, so the clerk can sort and filter them;
// they are midnight UTC, which is how the reader hands them back.
function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

const BODY = { alignVertical: 'top', wrap: true } as const;

function excelCell(cell: BookCell | null): CellObject | null {
  if (!cell) return null;
  switch (cell.type) {
    case 'date':
      return { ...BODY, value: toDate(cell.value), type: Date, format: 'dd/mm/yyyy', align: 'center' };
    case 'int':
      return { ...BODY, value: cell.value, type: Number, align: 'center' };
    case 'text':
      // "@" keeps "01" or "15/QĐ-UBND" as typed instead of letting the spreadsheet guess.
      return { ...BODY, value: cell.value, type: String, format: '@' };
  }
}

function headerRow(header: BookHeader): Row {
  return header.columns.map((c) => ({
    value: c.title,
    fontWeight: 'bold',
    align: 'center',
    alignVertical: 'center',
    wrap: true,
    backgroundColor: '#E7E6E6',
  }));
}

// Sheet names are at most 31 characters.
const SHEET_NAMES = { incoming: 'Sổ văn bản đến', outgoing: 'Sổ văn bản đi', followup: 'Sổ theo dõi giải quyết' } as const;

// write-excel-file builds the workbook from all rows at once, so the rows are held once here
// (as cells, not as documents) until the file is written.
export async function writeXlsxBook(ctx: RegistryContext, input: ExportData, outPath: string): Promise<{ rows: number; bytes: number }> {
  const data: Row[] = [];
  const header = readBook(ctx, input, {
    begin(h) {
      data.push(headerRow(h));
    },
    row(row) {
      data.push(row.cells.map(excelCell));
    },
  });
  const buffer = await writeExcelFile(
    data,
    {
      sheet: `${SHEET_NAMES[header.kind]} ${header.year}`,
      columns: header.columns.map((c) => ({ width: c.chars })),
      stickyRowsCount: 1,
      orientation: 'landscape',
    },
    { fontFamily: 'Times New Roman', fontSize: 12 },
  ).toBuffer();
  return { rows: data.length - 1, bytes: writeWholeFile(outPath, buffer) };
}
