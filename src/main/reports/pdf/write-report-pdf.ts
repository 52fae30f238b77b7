import { PDFDocument } from 'pdf-lib';
import { formatVietnameseDate, vietnamDateTime } from '../../../shared/domain/dates.ts';
import { type BookCell, int, text } from '../../books/book-cells.ts';
import type { BookColumn } from '../../books/book-columns.ts';
import { type BookFonts, embedBookFonts } from '../../books/pdf/book-fonts.ts';
import { BookTable } from '../../books/pdf/book-table.ts';
import { addBookPage, type BookPage, PageContent } from '../../books/pdf/page-content.ts';
import { MARGIN, PAGE } from '../../books/pdf/page-layout.ts';
import type { ReportTable, ReportValue } from '../report-tables.ts';
import { drawHeading, drawSigner, SIGNER_HEIGHT } from './report-page-text.ts';

// The register books' table (BookTable: numbered columns, header repeated on every page, rows
// wrapped and carried over) takes the columns of a book; a report fills its rows itself, so
// none of its columns reads a document.
function bookColumns(table: ReportTable): BookColumn[] {
  return table.columns.map((c, i) => ({ number: i + 1, key: `c${i + 1}`, title: c.title, share: c.share, chars: c.chars, cell: () => null }));
}

function cell(v: ReportValue): BookCell | null {
  return typeof v === 'number' ? int(v) : text(v);
}

// "In ngày … lúc …" and "Trang i/n" under every page, once the number of pages is known.
function addFooters(doc: PDFDocument, fonts: BookFonts, pages: readonly BookPage[], now: Date): void {
  const local = vietnamDateTime(now);
  const printed = `In ngày ${formatVietnameseDate(local.slice(0, 10))} lúc ${local.slice(11, 16)}`;
  pages.forEach((target, i) => {
    const footer = new PageContent(target, fonts);
    footer.text(printed, MARGIN.left, MARGIN.bottom - 22, 'italic', 9, true);
    footer.textRight(`Trang ${i + 1}/${pages.length}`, PAGE.width - MARGIN.right, MARGIN.bottom - 22, 'regular', 9, true);
    footer.commit(doc);
  });
}

// A report printed in the legal font (fonts/legal-font.ts through the books' fonts), A4 landscape:
// the heading, the table under it (its header repeated on every page it runs to), and the place
// for the clerk to sign under the table, overleaf when the last page has no room left.
export async function reportPdf(table: ReportTable, placeName: string, now: Date, fontsDir?: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = await embedBookFonts(doc, fontsDir);
  const first = addBookPage(doc, fonts, [PAGE.width, PAGE.height]);
  const heading = new PageContent(first, fonts);
  const start = { target: first, y: drawHeading(heading, table, placeName) };
  heading.commit(doc);
  const body = new BookTable(doc, fonts, bookColumns(table), `${table.title} — ${table.lines[0] ?? ''}`, { start });
  for (const section of table.sections) {
    body.addHeading(section.heading);
    for (const row of section.rows) body.addRow(row.map(cell));
  }
  const end = body.finish();
  const pages = [first, ...body.pages];
  const room = end.y - SIGNER_HEIGHT >= MARGIN.bottom;
  const last = room ? end.target : addBookPage(doc, fonts, [PAGE.width, PAGE.height]);
  if (!room) pages.push(last);
  const signer = new PageContent(last, fonts);
  drawSigner(signer, room ? end.y : PAGE.height - MARGIN.top);
  signer.commit(doc);
  addFooters(doc, fonts, pages, now);
  doc.setTitle(`${table.title} - ${table.agencyName}`);
  doc.setAuthor(table.agencyName);
  doc.setSubject(table.lines.join('; '));
  doc.setCreator('VanThu Desktop');
  doc.setProducer('VanThu Desktop (pdf-lib)');
  doc.setLanguage('vi-VN');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  return doc.save();
}
