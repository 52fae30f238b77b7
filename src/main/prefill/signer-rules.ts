import { positionCase } from './vietnamese-case.ts';
import { boxesOf, centreOf, isCaps, isRuleLine, type PageLines, type TextLine } from './text-lines.ts';
import type { Found } from './header-rules.ts';

// Boxes 7a–7b of Decree 30 Appendix I: the signature block in the right half of the last page,
// the authority and position in capitals ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"), the room for the
// signature, then the signer's name in ordinary capitals ("Trần Thị Bích Ngọc") under them.

const COMPETENCE = /^(TM|KT|TL|TUQ|Q)\.\s*/u;
// "(Đã ký)", "(Ký, ghi rõ họ tên, đóng dấu)": what a copy or a template writes in the room.
const NOTE = /^\(.*\)$/u;

// A person's name: two to seven words, each starting with a capital and going on in small
// letters; no digits or punctuation but the hyphen of some minority names.
function isName(text: string): boolean {
  const words = text.split(' ');
  return words.length >= 2 && words.length <= 7 && words.every((w) => /^\p{Lu}[\p{Ll}\p{M}]*(-\p{Lu}?[\p{Ll}\p{M}]*)?$/u.test(w)) && !isCaps(text);
}

interface PlacedLine extends TextLine {
  readonly page: number;
}

// Consecutive pages as one column of lines, the earlier page just above the later (its lowest
// line two lines over the later page's highest): a signature block that a table breaks over two
// pages, the name alone at the top of the last, reads as one block.
function stacked(pages: readonly PageLines[]): PlacedLine[] {
  const out: PlacedLine[] = [];
  let floor = -Infinity;
  for (const page of [...pages].reverse()) {
    const lowest = Math.min(...page.lines.map((l) => l.y));
    const offset = Number.isFinite(floor) && Number.isFinite(lowest) ? floor + 30 - lowest : 0;
    const right = page.lines.filter((l) => l.x > page.width * 0.48 && centreOf(l) > page.width * 0.58 && !isRuleLine(l) && !NOTE.test(l.text));
    out.unshift(...right.map((l) => ({ ...l, y: l.y + offset, page: page.index })));
    floor = Math.max(...page.lines.map((l) => l.y + offset), floor);
  }
  return out;
}

// `pages`: the last page, or the last two in order; widths are taken from the last.
export function readSigner(pages: readonly PageLines[]): Found {
  const last = pages.at(-1);
  if (!last) return {};
  const rightHalf = stacked(pages);
  const page = last;
  // The lowest name with a caps line above it within a signature's room: a name in the body
  // text of the right half (a table, say) has no position over it.
  for (let i = rightHalf.length - 1; i >= 0; i--) {
    const name = rightHalf[i] as PlacedLine;
    if (!isName(name.text)) continue;
    const above = rightHalf.slice(0, i).filter((l) => l.y > name.y && l.y - name.y < name.size * 14 && Math.abs(centreOf(l) - centreOf(name)) < page.width * 0.15);
    const caps = above.filter((l) => isCaps(l.text));
    if (caps.length === 0) continue;
    const found: Found = { signerName: { value: name.text, source: name.text, page: name.page + 1, ...boxesOf([name]) } };
    const position = caps.at(-1) as PlacedLine;
    const title = position.text.replace(COMPETENCE, '').trim();
    if (title) found.signerPosition = { value: positionCase(title), source: position.text, page: position.page + 1, ...boxesOf([position]) };
    return found;
  }
  return {};
}
