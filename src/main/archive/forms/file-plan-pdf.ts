import { type BookCell, text } from '../../books/book-cells.ts';
import { BookTable } from '../../books/pdf/book-table.ts';
import { FlowWriter } from '../../books/pdf/flow-writer.ts';
import { drawFormHeader } from '../../books/pdf/form-header.ts';
import { LEGAL_PORTRAIT } from '../../books/pdf/page-layout.ts';
import { retentionLabel } from '../../../shared/domain/case-file-rules.ts';
import { romanNumeral } from '../../../shared/domain/roman-numerals.ts';
import { checkFilePlan } from './file-plan-check.ts';
import { FILE_PLAN_COLUMNS, tableColumns } from './form-columns.ts';
import { FORM_TABLE, inOrder, newFormDocument, saveForm, TEXT_SIZE, TITLE_SIZE, titleRule } from './form-pdf.ts';
import { decisionLine, planCounts, planSummary, romanHeading, subHeading } from './form-text.ts';
import type { FilePlanForm, PlanFile } from './form-types.ts';

// Five columns fit A4 portrait, the page of the decision the plan is attached to.
const GEOMETRY = LEGAL_PORTRAIT;

function fileRow(f: PlanFile): (BookCell | null)[] {
  return [text(f.notation), text(f.title), text(retentionLabel(f.retentionYears)), text(f.creator), text(f.note)];
}

// A heading in column (2), the other cells empty, as the form shows "I. TÊN ĐỀ MỤC LỚN"; kept with
// the first line under it.
const headingRow = (title: string): (BookCell | null)[] => [null, text(title), null, null, null];

// Decree 30 Appendix V II, the danh mục hồ sơ: the header, "DANH MỤC HỒ SƠ", the year, the
// decision it is attached to, the table with its headings, and the count of files by retention.
export async function renderFilePlanPdf(plan: FilePlanForm, now: Date, fontsDir?: string): Promise<Uint8Array> {
  checkFilePlan(plan);
  const form = await newFormDocument(fontsDir);
  const w = new FlowWriter(form.doc, form.fonts, GEOMETRY);
  drawFormHeader(w, plan);
  w.paragraph('DANH MỤC HỒ SƠ', 'bold', TITLE_SIZE, { centre: true });
  w.paragraph(`Năm ${plan.year}`, 'bold', TITLE_SIZE, { centre: true });
  w.paragraph(decisionLine(plan.decision), 'italic', TEXT_SIZE, { centre: true });
  titleRule(w);

  const table = new BookTable(form.doc, form.fonts, tableColumns(FILE_PLAN_COLUMNS), `Danh mục hồ sơ năm ${plan.year} - ${plan.agency}`, {
    geometry: GEOMETRY,
    sizes: FORM_TABLE,
    start: w.release(),
  });
  for (const h of plan.headings) {
    table.addRow(headingRow(romanHeading(romanNumeral(h.ordinal), h.title)), { style: 'bold', keepWithNext: 1 });
    for (const f of h.files) table.addRow(fileRow(f));
    for (const s of h.subHeadings) {
      table.addRow(headingRow(subHeading(s.ordinal, s.title)), { style: 'bold', keepWithNext: 1 });
      for (const f of s.files) table.addRow(fileRow(f));
    }
  }
  const end = new FlowWriter(form.doc, form.fonts, GEOMETRY, table.finish());
  end.at(end.cursor - 10);
  const counts = planCounts(plan.headings);
  const [first, ...rest] = planSummary(counts);
  end.paragraph(first as string, 'regular', TEXT_SIZE, { indent: 28 });
  for (const line of rest) end.paragraph(line, 'regular', TEXT_SIZE, { indent: 56 });
  end.finish();

  return saveForm(form, inOrder(w.pages, table.pages, end.pages), GEOMETRY, {
    title: `Danh mục hồ sơ năm ${plan.year} - ${plan.agency}`,
    author: plan.agency,
    subject: `${counts.total} hồ sơ: ${counts.permanent} vĩnh viễn, ${counts.limited} có thời hạn`,
    now,
  });
}
