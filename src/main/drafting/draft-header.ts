import type { AgencyProfile } from '../../shared/api/schemas/profile.ts';
import type { Draft } from '../../shared/api/schemas/draft.ts';
import { congVanSubject, SECRECY_STAMPS, urgencyStamp } from '../../shared/domain/draft-text.ts';
import { placeDateLine } from '../../shared/domain/signature-kinds.ts';
import type { DraftCanvas } from './draft-canvas.ts';
import { baselineIn } from './draft-flow.ts';
import { ASCENT, CONTENT, DESCENT, HEADER_LEFT_SHARE, lineHeight, MM, RED, RULE_WIDTH, SHORT_RULE, SIZE, STAMP_HEIGHT } from './draft-layout.ts';
import type { TextSlot } from './draft-types.ts';

const NATION = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
const upper = (s: string): string => s.toLocaleUpperCase('vi');

export interface HeaderSlots {
  readonly number: TextSlot;
  readonly date: TextSlot;
}

// Centred lines in a column from `top`; returns the baselines drawn.
function column(c: DraftCanvas, text: string, centre: number, width: number, top: number, style: 'regular' | 'bold', size: number): { baselines: number[]; widest: number } {
  const baselines: number[] = [];
  let widest = 0;
  let y = top;
  for (const line of c.wrap(text, style, size, width)) {
    const t = line.words.join(' ');
    const b = baselineIn(y, size);
    c.centred(t, centre, b, style, size);
    baselines.push(b);
    widest = Math.max(widest, line.width);
    y -= lineHeight(size);
  }
  return { baselines, widest };
}

function textSlot(c: DraftCanvas, x: number, width: number, baseline: number, size: number): TextSlot {
  return { page: c.pageIndex, rect: [x, baseline - size * DESCENT, x + width, baseline + size * ASCENT], baseline, size };
}

// The header of page 1 (Appendix I, II.1–5b): agency and number on the left (44%), nation, motto
// and place-date on the right, "Số:" and the place-date line on one baseline; then, under the
// number, the công văn's "V/v" and the secrecy and urgency stamps. Leaves the cursor below it.
export function drawHeader(c: DraftCanvas, draft: Draft, agency: AgencyProfile, notation: string, year: number): HeaderSlots {
  const leftWidth = CONTENT.width * HEADER_LEFT_SHARE;
  const leftCentre = CONTENT.left + leftWidth / 2;
  const rightCentre = CONTENT.left + leftWidth + (CONTENT.width - leftWidth) / 2;
  const rightWidth = CONTENT.width - leftWidth;
  const top = CONTENT.top;

  let leftY = top;
  if (agency.parentName) {
    const parent = column(c, upper(agency.parentName), leftCentre, leftWidth - 4, leftY, 'regular', SIZE.agency);
    leftY -= parent.baselines.length * lineHeight(SIZE.agency);
  }
  const name = column(c, upper(agency.name), leftCentre, leftWidth - 4, leftY, 'bold', SIZE.agency);
  const nameRuleY = (name.baselines.at(-1) ?? leftY) - SIZE.agency * DESCENT - 2;
  const nameRule = name.widest * SHORT_RULE;
  c.rule(leftCentre - nameRule / 2, leftCentre + nameRule / 2, nameRuleY, RULE_WIDTH);

  c.centred(NATION, rightCentre, baselineIn(top, SIZE.nation), 'bold', SIZE.nation);
  const mottoBaseline = baselineIn(top - lineHeight(SIZE.nation), SIZE.motto);
  c.centred(MOTTO, rightCentre, mottoBaseline, 'bold', SIZE.motto);
  const mottoWidth = c.width(MOTTO, 'bold', SIZE.motto);
  const mottoRuleY = mottoBaseline - SIZE.motto * DESCENT - 1;
  c.rule(rightCentre - mottoWidth / 2, rightCentre + mottoWidth / 2, mottoRuleY, RULE_WIDTH);

  // "Số:" is drawn; the number and notation ("12/QĐ-UBND") are the fill's, in the slot after it.
  // The line is centred as it will read with a two-digit number.
  const rowBaseline = Math.min(nameRuleY, mottoRuleY) - 6 - SIZE.number * ASCENT;
  const label = 'Số: ';
  const expected = c.width(`${label}00/${notation}`, 'regular', SIZE.number);
  const labelX = leftCentre - expected / 2;
  c.text('Số:', labelX, rowBaseline, 'regular', SIZE.number);
  const numberX = labelX + c.width(label, 'regular', SIZE.number);
  const number = textSlot(c, numberX, c.width(`0000/${notation}`, 'regular', SIZE.number), rowBaseline, SIZE.number);

  // The widest date of the year (two-digit month), so any date fits the slot.
  const dateWidth = c.width(placeDateLine(agency.placeName, `${year}-12-28`), 'italic', SIZE.placeDate);
  const date = textSlot(c, rightCentre - dateWidth / 2, Math.min(dateWidth, rightWidth), rowBaseline, SIZE.placeDate);

  let y = rowBaseline - SIZE.number * DESCENT;
  if (draft.documentType === 'cong-van' && draft.subject) {
    y -= 6;
    for (const line of c.wrap(congVanSubject(draft.subject), 'regular', SIZE.congVanSubject, leftWidth - 4)) {
      c.centred(line.words.join(' '), leftCentre, baselineIn(y, SIZE.congVanSubject), 'regular', SIZE.congVanSubject);
      y -= lineHeight(SIZE.congVanSubject);
    }
  }
  const stamps: { text: string; width: number }[] = [];
  if (draft.secrecy) {
    const text = SECRECY_STAMPS[draft.secrecy];
    stamps.push({ text, width: c.width(text, 'bold', SIZE.stamp) + 8 * MM });
  }
  const urgency = urgencyStamp(draft.priority);
  if (urgency) stamps.push({ text: urgency.text, width: urgency.widthMm * MM });
  for (const stamp of stamps) {
    y -= 8;
    c.box(leftCentre - stamp.width / 2, y - STAMP_HEIGHT, stamp.width, STAMP_HEIGHT, 1, RED);
    c.centred(stamp.text, leftCentre, y - STAMP_HEIGHT / 2 - (SIZE.stamp * (ASCENT - DESCENT)) / 2, 'bold', SIZE.stamp, RED);
    y -= STAMP_HEIGHT;
  }
  c.y = y;
  return { number, date };
}
