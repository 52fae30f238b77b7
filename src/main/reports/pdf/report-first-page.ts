import { placeDateLine } from '../../../shared/domain/signature-kinds.ts';
import type { FontStyle } from '../../books/pdf/book-fonts.ts';
import type { PageContent } from '../../books/pdf/page-content.ts';
import { CONTENT_WIDTH, MARGIN, PAGE } from '../../books/pdf/page-layout.ts';
import type { ReportTable } from '../report-tables.ts';

const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
const upper = (s: string): string => s.normalize('NFC').toLocaleUpperCase('vi');

// The first page of a report, on the register books' landscape page: the two-column header of
// Decree 30's forms (the agency on the left, the national motto with the place and date on the
// right, as the phiếu giải quyết prints it), the title, the period and the summary lines, and
// the place for the clerk who made the report to sign. The table follows on the next pages.
export function drawFirstPage(c: PageContent, table: ReportTable, placeName: string): void {
  const leftWidth = CONTENT_WIDTH * 0.42;
  const leftCentre = MARGIN.left + leftWidth / 2;
  const rightCentre = MARGIN.left + leftWidth + (CONTENT_WIDTH - leftWidth) / 2;
  const top = PAGE.height - MARGIN.top - 14;
  let y = top;
  const block = (name: string, style: FontStyle): void => {
    for (const line of c.wrap(upper(name), style, 12, leftWidth - 10)) {
      c.textCentered(line, leftCentre, y, style, 12);
      y -= 15;
    }
  };
  if (table.parentAgencyName) block(table.parentAgencyName, 'regular');
  block(table.agencyName, 'bold');
  c.line(leftCentre - 35, y + 10, leftCentre + 35, y + 10);
  c.textCentered(NATION, rightCentre, top, 'bold', 12);
  c.textCentered(MOTTO, rightCentre, top - 15, 'bold', 13);
  const motto = c.width(MOTTO, 'bold', 13);
  c.line(rightCentre - motto / 2, top - 19, rightCentre + motto / 2, top - 19);
  c.textCentered(placeDateLine(placeName, table.asOf), rightCentre, top - 38, 'italic', 13);

  y = Math.min(y, top - 38) - 60;
  for (const line of c.wrap(table.title, 'bold', 16, CONTENT_WIDTH - 60)) {
    c.textCentered(line, PAGE.width / 2, y, 'bold', 16);
    y -= 22;
  }
  y -= 6;
  for (const text of table.lines) {
    for (const line of c.wrap(text, 'italic', 13, CONTENT_WIDTH - 60)) {
      c.textCentered(line, PAGE.width / 2, y, 'italic', 13);
      y -= 18;
    }
  }
  const signCentre = rightCentre;
  y = Math.max(MARGIN.bottom + 80, y - 50);
  c.textCentered('NGƯỜI LẬP BÁO CÁO', signCentre, y, 'bold', 12);
  c.textCentered('(Ký, ghi rõ họ tên)', signCentre, y - 15, 'italic', 12);
}
