import { PDFDocument } from 'pdf-lib';
import { formatVietnameseDate, vietnamDateTime } from '../../../shared/domain/dates.ts';
import type { RegistryContext } from '../../registry/context.ts';
import { BOOK_COLUMNS, BOOK_TITLES } from '../book-columns.ts';
import { bookCover } from '../book-cover.ts';
import { type ExportData, type RegisterPart, readBook } from '../book-source.ts';
import { writeWholeFile } from '../output-file.ts';
import { type BookFonts, embedBookFonts } from './book-fonts.ts';
import { BookTable } from './book-table.ts';
import { drawCover } from './cover-page.ts';
import { addBookPage, type BookPage, PageContent } from './page-content.ts';
import { MARGIN, PAGE } from './page-layout.ts';

export interface PdfOptions {
  readonly fontsDir?: string;
}

// "In ngày 21/11/2026 lúc 09:30": when the copy was printed, since a register keeps growing.
function printedAt(now: Date): string {
  const local = vietnamDateTime(now);
  return `In ngày ${formatVietnameseDate(local.slice(0, 10))} lúc ${local.slice(11, 16)}`;
}

// Every page after the cover carries the print date and "Trang i/n", counted as a PDF reader
// counts pages (the cover is page 1), added once the number of pages is known.
function addFooters(doc: PDFDocument, fonts: BookFonts, pages: readonly BookPage[], now: Date): void {
  const total = pages.length + 1;
  const y = MARGIN.bottom - 22;
  pages.forEach((target, i) => {
    const footer = new PageContent(target, fonts);
    footer.text(printedAt(now), MARGIN.left, y, 'italic', 9, true);
    footer.textRight(`Trang ${i + 2}/${total}`, PAGE.width - MARGIN.right, y, 'regular', 9, true);
    footer.commit(doc);
  });
}

// The printed register (Art. 16.2.b, 22.3.b): a cover page, then the table of all its columns.
export async function writePdfBook(
  ctx: RegistryContext,
  input: ExportData,
  outPath: string,
  options: PdfOptions = {},
): Promise<{ rows: number; bytes: number }> {
  const doc = await PDFDocument.create();
  const fonts = await embedBookFonts(doc, options.fontsDir);
  const cover = new PageContent(addBookPage(doc, fonts, [PAGE.width, PAGE.height]), fonts);
  const table = new BookTable(doc, fonts, BOOK_COLUMNS[input.kind], `${BOOK_TITLES[input.kind]} năm ${input.year}`);
  let registers: readonly RegisterPart[] = [];
  let current = -1;
  let rows = 0;
  const header = readBook(ctx, input, {
    begin(h) {
      drawCover(cover, bookCover(h));
      cover.commit(doc);
      registers = h.registers;
    },
    row(row) {
      if (registers.length > 1 && row.registerIndex !== current) table.addHeading(registers[row.registerIndex]?.seriesName ?? '');
      current = row.registerIndex;
      table.addRow(row.cells);
      rows++;
    },
  });
  table.finish();

  const now = ctx.clock.now();
  addFooters(doc, fonts, table.pages, now);
  const coverText = bookCover(header);
  doc.setTitle(`${coverText.title} năm ${header.year} - ${header.agencyName}`);
  doc.setAuthor(header.agencyName);
  doc.setSubject(`${coverText.dateLine}; ${coverText.numberLines.join('; ')}`);
  doc.setCreator('VanThu Desktop');
  doc.setProducer('VanThu Desktop (pdf-lib)');
  doc.setLanguage('vi-VN');
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  const bytes = await doc.save();
  return { rows, bytes: writeWholeFile(outPath, bytes) };
}
