import type { FontStyle } from './book-fonts.ts';
import type { FlowWriter } from './flow-writer.ts';

export interface FormHeader {
  readonly parentAgency: string | null;
  readonly agency: string;
  // "Xã Hòa Tiến, ngày 05 tháng 3 năm 2026" under the motto, when the form has it.
  readonly placeDate?: string | null;
}

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

// The agency's rule is 1/3 to 1/2 as long as its name (Appendix I Part I II.2.b): 0.4 of it.
const AGENCY_RULE = 0.4;

// The two-column header of a form (Decree 30 Appendix I Part I II.1–2): the parent agency and the
// agency in capitals on the left (about 44% of the width, each name wrapped within it, the
// agency's in bold with a rule under it), the national name and the motto on the right with a
// rule as long as the motto, the place and date in italics under them. The cursor is left under
// the taller side.
export function drawFormHeader(w: FlowWriter, header: FormHeader): void {
  const c = w.page;
  const top = w.cursor;
  const leftWidth = w.width * 0.44;
  const leftCentre = w.left + leftWidth / 2;
  const rightCentre = w.left + leftWidth + (w.width - leftWidth) / 2;
  let y = top - 13;
  // The widest line of the last block drawn: the agency's name, which the rule goes under.
  let widest = 0;
  const block = (name: string, style: FontStyle): void => {
    widest = 0;
    for (const line of c.wrap(name.toLocaleUpperCase('vi'), style, 12, leftWidth - 6)) {
      c.textCentered(line, leftCentre, y, style, 12);
      widest = Math.max(widest, c.width(line, style, 12));
      y -= 15;
    }
  };
  if (header.parentAgency?.trim()) block(header.parentAgency, 'regular');
  block(header.agency, 'bold');
  const half = (widest * AGENCY_RULE) / 2;
  c.line(leftCentre - half, y + 9, leftCentre + half, y + 9);
  c.textCentered(NATIONAL_NAME, rightCentre, top - 13, 'bold', 12);
  c.textCentered(MOTTO, rightCentre, top - 28, 'bold', 13);
  const motto = c.width(MOTTO, 'bold', 13);
  c.line(rightCentre - motto / 2, top - 32, rightCentre + motto / 2, top - 32);
  let right = top - 32;
  if (header.placeDate) {
    c.textCentered(header.placeDate, rightCentre, top - 50, 'italic', 13);
    right = top - 50;
  }
  w.at(Math.min(y, right) - 30);
}
