import { type BookCell, date, int, text } from '../../books/book-cells.ts';
import { BookTable } from '../../books/pdf/book-table.ts';
import { FlowWriter } from '../../books/pdf/flow-writer.ts';
import { LEGAL_LANDSCAPE } from '../../books/pdf/page-layout.ts';
import { checkDate, checkOrdinal, checkPageRange, checkRequired, checkYear } from './form-check.ts';
import { FILE_CONTENTS_COLUMNS, tableColumns } from './form-columns.ts';
import { FORM_TABLE, inOrder, newFormDocument, saveForm, TITLE_SIZE, titleRule } from './form-pdf.ts';
import { pageRange } from './form-text.ts';
import type { FileContentsForm, FileDocumentEntry } from './form-types.ts';

// Seven columns with the trích yếu: A4 landscape, as the mục lục nộp lưu.
const GEOMETRY = LEGAL_LANDSCAPE;

function checkFileContents(c: FileContentsForm): void {
  checkRequired(c.notation, 'số, ký hiệu hồ sơ');
  checkYear(c.year, `hồ sơ ${c.notation}`);
  for (const d of c.documents) {
    checkOrdinal(d.ordinal, `văn bản trong hồ sơ ${c.notation}`);
    checkDate(d.date, `văn bản số thứ tự ${d.ordinal}`);
    checkPageRange(d.pageFrom, d.pageTo, `văn bản số thứ tự ${d.ordinal}`);
  }
}

// The type name on its own line and the subject under it, as the register books print column
// "Tên loại và trích yếu".
function documentRow(d: FileDocumentEntry): (BookCell | null)[] {
  return [
    int(d.ordinal),
    text(d.numberNotation),
    date(d.date),
    text(`${d.documentType}\n${d.subject}`),
    text(d.author),
    text(pageRange(d.pageFrom, d.pageTo)),
    text(d.note),
  ];
}

// Decree 30 Appendix V IV, the mục lục văn bản, tài liệu trong hồ sơ: the form has no agency
// header (it is the first sheet inside the file's cover), only its title, the file's notation and
// year, and the table of the file's documents in the file's order (DocOrdinal). The file's title
// is on the cover, not on this form: it goes into the PDF's information only.
export async function renderFileContentsPdf(contents: FileContentsForm, now: Date, fontsDir?: string): Promise<Uint8Array> {
  checkFileContents(contents);
  const form = await newFormDocument(fontsDir);
  const w = new FlowWriter(form.doc, form.fonts, GEOMETRY);
  w.paragraph('MỤC LỤC VĂN BẢN, TÀI LIỆU', 'bold', TITLE_SIZE, { centre: true });
  w.paragraph(`Số, ký hiệu hồ sơ: ${contents.notation}`, 'bold', TITLE_SIZE, { centre: true });
  w.paragraph(`Năm ${contents.year}`, 'bold', TITLE_SIZE, { centre: true });
  titleRule(w, 30);

  const table = new BookTable(form.doc, form.fonts, tableColumns(FILE_CONTENTS_COLUMNS), `Mục lục văn bản, tài liệu - hồ sơ ${contents.notation} năm ${contents.year}`, {
    geometry: GEOMETRY,
    sizes: FORM_TABLE,
    start: w.release(),
  });
  for (const d of contents.documents) table.addRow(documentRow(d));
  const end = table.finish();

  return saveForm(form, inOrder(w.pages, table.pages, [end.target]), GEOMETRY, {
    title: `Mục lục văn bản, tài liệu - hồ sơ ${contents.notation} năm ${contents.year}`,
    author: contents.agency,
    subject: `${contents.title ? `${contents.title}: ` : ''}${contents.documents.length} văn bản`,
    now,
  });
}
