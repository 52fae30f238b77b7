import { placeDateLine } from '../../../shared/domain/signature-kinds.ts';
import type { FontStyle } from '../../books/pdf/book-fonts.ts';
import type { PageContent } from '../../books/pdf/page-content.ts';
import { CONTENT_WIDTH, MARGIN, PAGE } from '../../books/pdf/page-layout.ts';
import type { ReportTable } from '../report-tables.ts';

const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
const upper = (s: string): string => s.normalize('NFC').toLocaleUpperCase('vi');

const LEFT_WIDTH = CONTENT_WIDTH * 0.42;
const LEFT_CENTRE = MARGIN.left + LEFT_WIDTH / 2;
const RIGHT_CENTRE = MARGIN.left + LEFT_WIDTH + (CONTENT_WIDTH - LEFT_WIDTH) / 2;

// The height the signer's place takes under the table.
export const SIGNER_HEIGHT = 70;

// The top of a report's first page, on the register books' landscape page: the two-column header
// of Decree 30's forms (the agency on the left, the national motto with the place and the date
// on the right, as the phiếu giải quyết prints it), the title, the period and the summary lines.
// Returns where the table may start.
export function drawHeading(c: PageContent, table: ReportTable, placeName: string): number {
  const top = PAGE.height - MARGIN.top - 14;
  let y = top;
  const block = (name: string, style: FontStyle): void => {
    for (const line of c.wrap(upper(name), style, 12, LEFT_WIDTH - 10)) {
      c.textCentered(line, LEFT_CENTRE, y, style, 12);
      y -= 15;
    }
  };
  if (table.parentAgencyName) block(table.parentAgencyName, 'regular');
  block(table.agencyName, 'bold');
  c.line(LEFT_CENTRE - 35, y + 10, LEFT_CENTRE + 35, y + 10);
  c.textCentered(NATION, RIGHT_CENTRE, top, 'bold', 12);
  c.textCentered(MOTTO, RIGHT_CENTRE, top - 15, 'bold', 13);
  const motto = c.width(MOTTO, 'bold', 13);
  c.line(RIGHT_CENTRE - motto / 2, top - 19, RIGHT_CENTRE + motto / 2, top - 19);
  c.textCentered(placeDateLine(placeName, table.asOf), RIGHT_CENTRE, top - 38, 'italic', 13);

  y = Math.min(y, top - 38) - 36;
  for (const line of c.wrap(table.title, 'bold', 16, CONTENT_WIDTH - 60)) {
    c.textCentered(line, PAGE.width / 2, y, 'bold', 16);
    y -= 22;
  }
  for (const text of table.lines) {
    for (const line of c.wrap(text, 'italic', 13, CONTENT_WIDTH - 60)) {
      c.textCentered(line, PAGE.width / 2, y, 'italic', 13);
      y -= 18;
    }
  }
  return y - 4;
}

// Under the table, on the right as a form's signature is: the clerk who made the report signs.
export function drawSigner(c: PageContent, y: number): void {
  c.textCentered('NGƯỜI LẬP BÁO CÁO', RIGHT_CENTRE, y - 24, 'bold', 12);
  c.textCentered('(Ký, ghi rõ họ tên)', RIGHT_CENTRE, y - 39, 'italic', 12);
}
