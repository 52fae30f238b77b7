import { type BookCell, int, text } from '../../books/book-cells.ts';
import { BookTable } from '../../books/pdf/book-table.ts';
import { FlowWriter } from '../../books/pdf/flow-writer.ts';
import { drawFormHeader } from '../../books/pdf/form-header.ts';
import { LEGAL_LANDSCAPE } from '../../books/pdf/page-layout.ts';
import { retentionLabel } from '../../../shared/domain/case-file-rules.ts';
import { checkCount, checkDate, checkOrdinal, checkRequired, checkRetention, checkYear } from './form-check.ts';
import { HANDOVER_LIST_COLUMNS, tableColumns } from './form-columns.ts';
import { drawSignatures, FORM_TABLE, inOrder, newFormDocument, saveForm, TEXT_SIZE, TITLE_SIZE, titleRule } from './form-pdf.ts';
import { filled, handoverSummary, placeAndDate, timeSpan } from './form-text.ts';
import type { HandoverFile, HandoverListForm } from './form-types.ts';

// Seven columns, the title and the time span among them: A4 landscape (Appendix I Part I I.2).
const GEOMETRY = LEGAL_LANDSCAPE;

function checkHandoverList(list: HandoverListForm): void {
  checkYear(list.year, 'mục lục hồ sơ nộp lưu');
  checkDate(list.date, 'mục lục hồ sơ nộp lưu');
  checkRequired(list.agency, 'tên đơn vị');
  for (const f of list.files) {
    checkOrdinal(f.ordinal, `hồ sơ ${f.notation}`);
    checkRequired(f.notation, `số, ký hiệu hồ sơ số thứ tự ${f.ordinal}`);
    checkRetention(f.retentionYears, `hồ sơ ${f.notation}`);
    checkCount(f.pageCount, `số tờ của hồ sơ ${f.notation}`);
    checkDate(f.startDate, `hồ sơ ${f.notation}`);
    checkDate(f.endDate, `hồ sơ ${f.notation}`);
  }
}

function fileRow(f: HandoverFile): (BookCell | null)[] {
  return [
    int(f.ordinal),
    text(f.notation),
    text(f.title),
    text(timeSpan(f.startDate, f.endDate)),
    text(retentionLabel(f.retentionYears)),
    int(f.pageCount),
    text(f.note),
  ];
}

// Decree 30 Appendix V III, the mục lục hồ sơ, tài liệu nộp lưu: the header (the parent and the
// unit handing over), the title, the unit and the year, one row per file, the count in figures
// and in words, and the preparer's signature.
export async function renderHandoverListPdf(list: HandoverListForm, now: Date, fontsDir?: string): Promise<Uint8Array> {
  checkHandoverList(list);
  const form = await newFormDocument(fontsDir);
  const w = new FlowWriter(form.doc, form.fonts, GEOMETRY);
  drawFormHeader(w, list);
  w.paragraph('MỤC LỤC HỒ SƠ, TÀI LIỆU NỘP LƯU', 'bold', TITLE_SIZE, { centre: true });
  w.paragraph(filled(list.unitName), 'bold', TITLE_SIZE, { centre: true });
  w.paragraph(`Năm ${list.year}`, 'bold', TITLE_SIZE, { centre: true });
  titleRule(w);

  const table = new BookTable(form.doc, form.fonts, tableColumns(HANDOVER_LIST_COLUMNS), `Mục lục hồ sơ, tài liệu nộp lưu năm ${list.year} - ${list.agency}`, {
    geometry: GEOMETRY,
    sizes: FORM_TABLE,
    start: w.release(),
  });
  for (const f of list.files) table.addRow(fileRow(f));
  const end = new FlowWriter(form.doc, form.fonts, GEOMETRY, table.finish());
  end.at(end.cursor - 10);
  for (const line of handoverSummary(list.files.length)) end.paragraph(line, 'regular', TEXT_SIZE, { indent: 28 });
  drawSignatures(end, [
    {
      above: [
        { text: placeAndDate(list.place, list.date), style: 'italic' },
        { text: 'Người lập', style: 'bold' },
        { text: '(Ký và ghi rõ họ và tên, chức vụ)', style: 'italic' },
      ],
      below: [
        ...(list.preparer.name ? [{ text: list.preparer.name, style: 'bold' as const }] : []),
        ...(list.preparer.title ? [{ text: list.preparer.title, style: 'regular' as const }] : []),
      ],
    },
  ]);
  end.finish();

  return saveForm(form, inOrder(w.pages, table.pages, end.pages), GEOMETRY, {
    title: `Mục lục hồ sơ, tài liệu nộp lưu năm ${list.year} - ${list.agency}`,
    author: list.agency,
    subject: `${list.files.length} hồ sơ`,
    now,
  });
}
