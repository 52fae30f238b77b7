import { allTypes, resolveType } from '../../shared/domain/document-types.ts';
import { comparisonKey } from '../../shared/domain/fold.ts';
import type { FieldProposal, PrefillField } from '../../shared/api/schemas/prefill.ts';
import { boxesOf, centreOf, isCaps, isRuleLine, type PageLines, type TextLine } from './text-lines.ts';
import { agencyNameCase } from './vietnamese-case.ts';

export type Found = Partial<Record<PrefillField, FieldProposal>>;

// The first page read by the layout of Decree 30 Appendix I, IV (docs/prefill.md): box 1 the
// nation at the top right, box 2 the agency at the top left with box 3 "Số: 12/QĐ-UBND" under it,
// box 4 the place and date on the number's line in the right column, box 5a the type and
// subject centred under the header, or for a công văn box 5b "V/v …" under the number.

const NATION = comparisonKey('Cộng hòa xã hội chủ nghĩa Việt Nam');
const NUMBER = /^S[ốố]\s*[:.]?\s*(\d{1,6})\s*\/\s*(\S.*)$/u;
const DATE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/iu;
const NUMBER_LABEL = /^S[ốố]\s*[:.]/u;
const TITLES = new Map(allTypes().map((t) => [comparisonKey(t.name), t.name]));

const proposal = (value: string, line: TextLine, page: PageLines): FieldProposal => ({ value, source: line.text, page: page.index + 1, ...boxesOf([line]) });

interface Header {
  readonly split: number; // x where the right column begins
  readonly contentCentre: number;
  readonly contentWidth: number;
  readonly numberLine: TextLine | null;
  readonly top: readonly TextLine[]; // the lines above the body: the header zone
}

// Where the columns part: the left edge of the nation's line when it is found, else 45% across
// the text (the decree's left column takes a little under half).
function header(page: PageLines): Header {
  const lines = page.lines;
  const left = Math.min(...lines.map((l) => l.x));
  const right = Math.max(...lines.map((l) => l.x + l.width));
  const nation = lines.find((l) => l.y > page.height / 2 && comparisonKey(l.text).includes(NATION));
  const split = nation ? nation.x - 6 : left + (right - left) * 0.45;
  const upper = lines.filter((l) => l.y > page.height * 0.45);
  const numberLine = upper.find((l) => centreOf(l) < split && NUMBER_LABEL.test(l.text)) ?? null;
  // The header ends a few lines under the number (the công văn's V/v, the stamps) or, with no
  // number, a quarter of the page down.
  const bottom = numberLine ? numberLine.y - numberLine.size * 8 : page.height * 0.75;
  return { split, contentCentre: (left + right) / 2, contentWidth: right - left, numberLine, top: lines.filter((l) => l.y >= bottom) };
}

function numberAndNotation(h: Header, page: PageLines, found: Found): void {
  const line = h.numberLine;
  const m = line ? NUMBER.exec(line.text.replace(/\s*\/\s*/g, '/').replace(/\s*-\s*/g, '-')) : null;
  if (!line || !m) return;
  const notation = (m[2] as string).replace(/\s+/g, '').replace(/[.,;]+$/u, '');
  found.codeNumber = proposal(m[1] as string, line, page);
  if (/^[\p{L}\d][\p{L}\d/\-.&]*$/u.test(notation)) found.codeNotation = proposal(notation, line, page);
}

function isoDate(d: number, m: number, y: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1945 || y > 2200) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// The first date in the right column of the header: dates in the body (căn cứ, references) are
// in the full-width text under it.
function documentDate(h: Header, page: PageLines, found: Found): void {
  for (const line of h.top) {
    if (line.x < h.split - 12) continue;
    const m = DATE.exec(line.text);
    const iso = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
    if (iso) {
      found.documentDate = proposal(iso, line, page);
      return;
    }
  }
}

// Box 2: the left column above the number. The issuing agency is set in bold under the parent
// agency (regular, the same face as "Số:"): the lines in another face than the number's are the
// issuing agency's. When every line is in one face, the first of two or more is the parent.
function issuingAgency(h: Header, page: PageLines, found: Found): void {
  const limit = h.numberLine?.y ?? -Infinity;
  const column = h.top.filter((l) => l.y > limit + 1 && centreOf(l) < h.split && l.x + l.width < h.split + 24 && !isRuleLine(l) && isCaps(l.text));
  if (column.length === 0) return;
  const numberFont = h.numberLine?.font;
  const other = numberFont ? column.filter((l) => l.font !== numberFont) : [];
  const lines = other.length > 0 ? other : column.length >= 2 ? column.slice(1) : column;
  const text = lines.map((l) => l.text.replace(/[\s_]+$/u, '')).join(' ');
  found.issuingAgency = { value: agencyNameCase(text), source: lines.map((l) => l.text).join(' '), page: page.index + 1, ...boxesOf(lines) };
}

const nearCentre = (l: TextLine, centre: number, page: PageLines): boolean => Math.abs(centreOf(l) - centre) < page.width * 0.08;
const STOP = /^(Căn cứ|Kính gửi|Điều\s+\d)/u;

// Box 5a: the type's name centred in capitals under the header, the subject's lines under it;
// a caps line after them (the issuer's title of a quyết định) or a căn cứ ends the subject, and
// so does a line as wide as the text in another face than the title's (a justified body line;
// the subject is set in bold like the title).
// Box 5b: no title, "V/v …" under the number: a công văn.
function typeAndSubject(h: Header, page: PageLines, found: Found): void {
  const below = page.lines.filter((l) => (h.numberLine ? l.y < h.numberLine.y - 1 : true));
  const titleIndex = below.findIndex((l) => nearCentre(l, h.contentCentre, page) && isCaps(l.text) && TITLES.has(comparisonKey(l.text)));
  const title = below[titleIndex];
  if (title) {
    found.documentType = proposal(TITLES.get(comparisonKey(title.text)) as string, title, page);
    const lines: TextLine[] = [];
    let previous = title;
    for (const line of below.slice(titleIndex + 1)) {
      if (isRuleLine(line)) continue;
      if (previous.y - line.y > Math.max(previous.size, line.size) * 2.2 || !nearCentre(line, h.contentCentre, page) || (line.width > h.contentWidth * 0.92 && line.font !== title.font) || isCaps(line.text) || STOP.test(line.text)) break;
      lines.push(line);
      previous = line;
    }
    if (lines.length > 0) found.subject = { value: lines.map((l) => l.text).join(' '), source: lines.map((l) => l.text).join(' '), page: page.index + 1, ...boxesOf(lines) };
    return;
  }
  const vv = below.findIndex((l) => centreOf(l) < h.split && /^V\/v\b/iu.test(l.text));
  const first = below[vv];
  if (first) {
    found.documentType = proposal('Công văn', first, page);
    const lines: TextLine[] = [first];
    let previous = first;
    for (const line of below.slice(vv + 1)) {
      if (previous.y - line.y > Math.max(previous.size, line.size) * 1.8) break;
      if (centreOf(line) >= h.split || isRuleLine(line) || isCaps(line.text)) {
        if (previous.y - line.y <= line.size * 0.5) continue; // the other column on the same line
        break;
      }
      lines.push(line);
      previous = line;
    }
    const text = lines.map((l) => l.text).join(' ');
    found.subject = { value: text.replace(/^V\/v:?\s*/iu, ''), source: text, page: page.index + 1, ...boxesOf(lines) };
    return;
  }
  // No title and no V/v: the notation's first group may name the type ("TB-UBND": thông báo).
  const abbreviation = found.codeNotation?.value.split('-')[0] ?? '';
  const type = abbreviation ? resolveType(abbreviation) : null;
  if (type?.known && h.numberLine) found.documentType = proposal(type.name, h.numberLine, page);
}

export function readHeader(page: PageLines): Found {
  const found: Found = {};
  if (page.lines.length === 0) return found;
  const h = header(page);
  numberAndNotation(h, page, found);
  documentDate(h, page, found);
  issuingAgency(h, page, found);
  typeAndSubject(h, page, found);
  return found;
}
