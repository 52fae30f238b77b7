import { PDFDocument } from 'pdf-lib';
import { formatVietnameseDate, vietnamDateTime } from '../../../shared/domain/dates.ts';
import { type BookCell, int, text } from '../../books/book-cells.ts';
import type { BookColumn } from '../../books/book-columns.ts';
import { type BookFonts, embedBookFonts } from '../../books/pdf/book-fonts.ts';
import { BookTable } from '../../books/pdf/book-table.ts';
import { addBookPage, type BookPage, PageContent } from '../../books/pdf/page-content.ts';
import { MARGIN, PAGE } from '../../books/pdf/page-layout.ts';
import type { ReportTable, ReportValue } from '../report-tables.ts';
import { drawFirstPage } from './report-first-page.ts';

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

// A report printed in the legal font (fonts/legal-font.ts through the books' fonts), A4 landscape.
export async function reportPdf(table: ReportTable, placeName: string, now: Date, fontsDir?: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const fonts = await embedBookFonts(doc, fontsDir);
  const first = addBookPage(doc, fonts, [PAGE.width, PAGE.height]);
  const content = new PageContent(first, fonts);
  drawFirstPage(content, table, placeName);
  content.commit(doc);
  const body = new BookTable(doc, fonts, bookColumns(table), `${table.title} — ${table.lines[0] ?? ''}`);
  for (const section of table.sections) {
    body.addHeading(section.heading);
    for (const row of section.rows) body.addRow(row.map(cell));
  }
  body.finish();
  addFooters(doc, fonts, [first, ...body.pages], now);
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
