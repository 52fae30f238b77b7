import type { BookCover } from '../book-cover.ts';
import type { FontStyle } from './book-fonts.ts';
import type { PageContent } from './page-content.ts';
import { CONTENT_WIDTH, MARGIN, PAGE } from './page-layout.ts';

// The cover of Appendix IV: parent agency and agency at the top, the name of the book, the year,
// the range of dates and numbers, and the volume, inside a double frame.
export function drawCover(content: PageContent, cover: BookCover): void {
  const frame = { x: MARGIN.left, y: MARGIN.bottom, width: CONTENT_WIDTH, height: PAGE.height - MARGIN.top - MARGIN.bottom };
  content.rect(frame.x, frame.y, frame.width, frame.height, 1.5);
  content.rect(frame.x + 4, frame.y + 4, frame.width - 8, frame.height - 8, 0.5);

  const centre = PAGE.width / 2;
  let y = PAGE.height - MARGIN.top - 50;
  const block = (text: string, style: FontStyle, size: number, gap: number): void => {
    for (const line of content.wrap(text, style, size, CONTENT_WIDTH - 80)) {
      content.textCentered(line, centre, y, style, size);
      y -= size * 1.3;
    }
    y -= gap;
  };

  if (cover.parentAgency) block(cover.parentAgency, 'regular', 13, 2);
  block(cover.agency, 'bold', 13, 0);
  content.line(centre - 60, y + 9, centre + 60, y + 9, 0.7);

  y = PAGE.height / 2 + 70;
  block(cover.title, 'bold', 26, 18);
  block(cover.yearLine, 'bold', 18, 22);
  block(cover.dateLine, 'regular', 14, 6);
  for (const line of cover.numberLines) block(line, 'regular', 14, 4);

  y = MARGIN.bottom + 60;
  block(cover.volumeLine, 'bold', 14, 0);
}
