import { PDFDocument } from 'pdf-lib';
import { type BookFonts, embedBookFonts, type FontStyle } from '../../books/pdf/book-fonts.ts';
import type { FlowWriter } from '../../books/pdf/flow-writer.ts';
import { type BookPage, PageContent } from '../../books/pdf/page-content.ts';
import type { PageGeometry } from '../../books/pdf/page-layout.ts';
import type { TableSizes } from '../../books/pdf/book-table.ts';

// What the four Appendix V forms share: the legal font (fonts/legal-font.ts, through the books'
// fonts), the sizes of Appendix I, page numbers, the document's information, signature blocks.

export const TITLE_SIZE = 14;
export const TEXT_SIZE = 13;
// Appendix I sets no size for a table's cells; 12 keeps 20-odd files on a page, readable.
export const FORM_TABLE: TableSizes = { body: 12, head: 12, number: 11 };

export interface FormDocument {
  readonly doc: PDFDocument;
  readonly fonts: BookFonts;
}

export async function newFormDocument(fontsDir?: string): Promise<FormDocument> {
  const doc = await PDFDocument.create();
  return { doc, fonts: await embedBookFonts(doc, fontsDir) };
}

// The pages of the form in order, each once (a table begins on the writer's page, the closing
// text goes on on the table's last page).
export function inOrder(...lists: readonly (readonly BookPage[])[]): BookPage[] {
  const seen = new Set<BookPage>();
  return lists.flat().filter((p) => !seen.has(p) && seen.add(p));
}

// Appendix I Part I I.7: pages numbered from 1 in Arabic figures, upright, 13 pt, centred in the
// top margin; the first page shows no number.
function numberPages(form: FormDocument, pages: readonly BookPage[], geometry: PageGeometry): void {
  pages.forEach((target, i) => {
    if (i === 0) return;
    const c = new PageContent(target, form.fonts);
    c.textCentered(String(i + 1), geometry.page.width / 2, geometry.page.height - geometry.margin.top / 2 - 4, 'regular', 13);
    c.commit(form.doc);
  });
}

export interface FormInfo {
  readonly title: string;
  readonly author: string;
  readonly subject?: string;
  // When the form was made; the same input at the same time gives the same information.
  readonly now: Date;
}

export async function saveForm(form: FormDocument, pages: readonly BookPage[], geometry: PageGeometry, info: FormInfo): Promise<Uint8Array> {
  numberPages(form, pages, geometry);
  const { doc } = form;
  doc.setTitle(info.title);
  doc.setAuthor(info.author);
  if (info.subject) doc.setSubject(info.subject);
  doc.setCreator('VanThu Desktop');
  doc.setProducer('VanThu Desktop (pdf-lib)');
  doc.setLanguage('vi-VN');
  doc.setCreationDate(info.now);
  doc.setModificationDate(info.now);
  return doc.save();
}

// The short rule under a form's title (as under the titles of the Appendix V forms), and the space
// before what follows.
export function titleRule(w: FlowWriter, half = 40): void {
  const centre = w.left + w.width / 2;
  w.page.line(centre - half, w.cursor - 8, centre + half, w.cursor - 8);
  w.at(w.cursor - 20);
}

export interface SignatureLine {
  readonly text: string;
  readonly style: FontStyle;
}

// One signature: what stands above the space for the hand (place and date, the role, "(Ký và ghi
// rõ họ và tên)"), then the name and title printed under it when known.
export interface SignatureBlock {
  readonly above: readonly SignatureLine[];
  readonly below: readonly SignatureLine[];
}

// About 21 mm for the handwritten signature.
const SIGN_SPACE = 60;

// One block sits in the right half (Appendix I: the signer's place); two share the width, the
// giver left and the receiver right. The blocks are kept whole on one page.
export function drawSignatures(w: FlowWriter, blocks: readonly SignatureBlock[]): void {
  const columnWidth = blocks.length === 1 ? w.width / 2 : w.width / blocks.length;
  const firstLeft = blocks.length === 1 ? w.left + w.width / 2 : w.left;
  const line = w.lineHeight(TEXT_SIZE);
  const laid = blocks.map((b) => ({
    above: b.above.flatMap((l) => w.page.wrap(l.text, l.style, TEXT_SIZE, columnWidth - 8).map((text) => ({ text, style: l.style }))),
    below: b.below.flatMap((l) => w.page.wrap(l.text, l.style, TEXT_SIZE, columnWidth - 8).map((text) => ({ text, style: l.style }))),
  }));
  const height = Math.max(...laid.map((b) => (b.above.length + b.below.length) * line)) + SIGN_SPACE + line;
  w.at(w.cursor - line);
  w.room(height);
  const top = w.cursor;
  laid.forEach((b, i) => {
    const centre = firstLeft + columnWidth * i + columnWidth / 2;
    let y = top;
    for (const l of b.above) {
      y -= line;
      w.page.textCentered(l.text, centre, y, l.style, TEXT_SIZE);
    }
    y -= SIGN_SPACE;
    for (const l of b.below) {
      y -= line;
      w.page.textCentered(l.text, centre, y, l.style, TEXT_SIZE);
    }
  });
  w.at(top - height);
}
