import writeExcelFile, { type CellObject, type Row } from 'write-excel-file/node';
import { MOTTO, NATIONAL_NAME } from '../../books/pdf/form-header.ts';
import { printable } from '../../books/pdf/text-wrap.ts';
import { retentionLabel } from '../../../shared/domain/case-file-rules.ts';
import { romanNumeral } from '../../../shared/domain/roman-numerals.ts';
import { checkFilePlan } from './file-plan-check.ts';
import { FILE_PLAN_COLUMNS } from './form-columns.ts';
import { decisionLine, planCounts, planSummary, romanHeading, subHeading } from './form-text.ts';
import type { FilePlanForm, PlanFile } from './form-types.ts';

// The danh mục hồ sơ (Appendix V II) as a spreadsheet the clerk can sort and edit: the same header
// and title lines as the PDF, the columns with their titles and numbers (1)…(5), a row per heading
// (its title in column (2), bold) and per file, the closing count; in the fonts of the register
// books' spreadsheets (books/write-xlsx.ts).
const WIDTH = FILE_PLAN_COLUMNS.length;
const LEFT_SPAN = 2;
const BORDER = { borderStyle: 'thin', borderColor: '#000000' } as const;
const HEAD = { fontWeight: 'bold', align: 'center', alignVertical: 'center', wrap: true, backgroundColor: '#E7E6E6', ...BORDER } as const;
const BODY = { alignVertical: 'top', wrap: true, ...BORDER } as const;

// Text as a spreadsheet may hold it: XML 1.0 has no control characters, Excel wants NFC.
const clean = (value: string): string => printable(value).trim();

function textCell(value: string | null, style: Partial<CellObject> = {}): CellObject {
  // "@" keeps "01.VP" as typed instead of letting the spreadsheet guess.
  return { ...BODY, value: clean(value ?? ''), type: String, format: '@', ...style };
}

// A line across the whole table (the title lines) or across one side of the header.
function spanning(value: string, span: number, style: Partial<CellObject> = {}): (CellObject | null)[] {
  return [{ value: clean(value), type: String, columnSpan: span, align: 'center', wrap: true, ...style }, ...Array<null>(span - 1).fill(null)];
}

function fileRow(f: PlanFile): Row {
  return [textCell(f.notation), textCell(f.title), textCell(retentionLabel(f.retentionYears), { align: 'center' }), textCell(f.creator), textCell(f.note)];
}

const headingRow = (title: string): Row => [textCell(null), textCell(title, { fontWeight: 'bold' }), textCell(null), textCell(null), textCell(null)];

export function filePlanRows(plan: FilePlanForm): Row[] {
  const rows: Row[] = [
    [...spanning((plan.parentAgency ?? '').toLocaleUpperCase('vi'), LEFT_SPAN), ...spanning(NATIONAL_NAME, WIDTH - LEFT_SPAN, { fontWeight: 'bold' })],
    [...spanning(plan.agency.toLocaleUpperCase('vi'), LEFT_SPAN, { fontWeight: 'bold' }), ...spanning(MOTTO, WIDTH - LEFT_SPAN, { fontWeight: 'bold' })],
    [],
    spanning('DANH MỤC HỒ SƠ', WIDTH, { fontWeight: 'bold', fontSize: 14 }),
    spanning(`Năm ${plan.year}`, WIDTH, { fontWeight: 'bold', fontSize: 14 }),
    spanning(decisionLine(plan.decision), WIDTH, { fontStyle: 'italic' }),
    [],
    FILE_PLAN_COLUMNS.map((c) => ({ value: c.title, type: String, ...HEAD })),
    FILE_PLAN_COLUMNS.map((_, i) => ({ value: `(${i + 1})`, type: String, ...HEAD, fontWeight: undefined, fontStyle: 'italic' as const })),
  ];
  for (const h of plan.headings) {
    rows.push(headingRow(romanHeading(romanNumeral(h.ordinal), h.title)));
    rows.push(...h.files.map(fileRow));
    for (const s of h.subHeadings) {
      rows.push(headingRow(subHeading(s.ordinal, s.title)));
      rows.push(...s.files.map(fileRow));
    }
  }
  rows.push([]);
  for (const line of planSummary(planCounts(plan.headings))) rows.push(spanning(line, WIDTH, { align: 'left' }));
  return rows;
}

// A4 portrait, as the PDF; the sheet name stays under Excel's 31 characters.
export async function renderFilePlanXlsx(plan: FilePlanForm): Promise<Buffer> {
  checkFilePlan(plan);
  return writeExcelFile(
    filePlanRows(plan),
    { sheet: `Danh mục hồ sơ ${plan.year}`, columns: FILE_PLAN_COLUMNS.map((c) => ({ width: c.chars }))},
    { fontFamily: 'Times New Roman', fontSize: 12 },
  ).toBuffer();
}
