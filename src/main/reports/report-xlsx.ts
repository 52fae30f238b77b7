import writeExcelFile, { type CellObject, type Row } from 'write-excel-file/node';
import { formatVietnameseDate } from '../../shared/domain/dates.ts';
import type { ReportTable, ReportValue } from './report-tables.ts';

// The same table as the PDF in one sheet, with the fonts and header style of the register
// books' spreadsheets (books/write-xlsx.ts): the title lines on top, the column titles and their
// numbers (1)…(n), a heading row per breakdown, counts as real numbers so the clerk can sum them.
const BOLD = { fontWeight: 'bold' } as const;
const HEAD = { fontWeight: 'bold', align: 'center', alignVertical: 'center', wrap: true, backgroundColor: '#E7E6E6' } as const;

function value(v: ReportValue): CellObject | null {
  if (v === '') return null;
  return typeof v === 'number' ? { value: v, type: Number, align: 'center' } : { value: v, type: String, format: '@', wrap: true, alignVertical: 'top' };
}

const title = (text: string, style: Partial<CellObject> = {}): Row => [{ value: text, type: String, ...style }];

export async function reportXlsx(table: ReportTable): Promise<Buffer> {
  const rows: Row[] = [
    ...(table.parentAgencyName ? [title(table.parentAgencyName.toLocaleUpperCase('vi'))] : []),
    title(table.agencyName.toLocaleUpperCase('vi'), BOLD),
    title(table.title, { ...BOLD, fontSize: 14 }),
    ...table.lines.map((l) => title(l, { fontStyle: 'italic' })),
    title(`Lập ngày ${formatVietnameseDate(table.asOf)}`, { fontStyle: 'italic' }),
    [],
    table.columns.map((c) => ({ value: c.title, ...HEAD })),
    table.columns.map((_, i) => ({ value: `(${i + 1})`, ...HEAD, fontWeight: undefined, fontStyle: 'italic' as const })),
  ];
  for (const section of table.sections) {
    rows.push([null, { value: section.heading, type: String, ...BOLD }]);
    for (const r of section.rows) rows.push(r.map(value));
  }
  return writeExcelFile(rows, { sheet: table.sheetName, columns: table.columns.map((c) => ({ width: c.chars })), orientation: 'landscape' }, { fontFamily: 'Times New Roman', fontSize: 12 }).toBuffer();
}
