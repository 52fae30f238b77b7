import { groupLines, type PageLines, type TextRun, type WordBox } from '../prefill/text-lines.ts';
import type { OcrLine, OcrPage, OcrWord } from './recognise.ts';

// The words of a recognised page in the line model the field rules read (prefill/text-lines.ts):
// one run per word, in PDF points from the bottom left, its `y` the baseline, grouped into lines
// by the same rule as a PDF's text runs. Each run carries its word's box in image pixels, so a
// proposal can point at the words it came from (docs/ocr.md "One extractor").
//
// A scan is seldom straight: at 2° a line across the page falls 60 pixels at 300 dpi, more than
// the grouping allows. The page's skew is the median slope of its long lines' baselines, and each
// word's position is turned back by it about the page centre before grouping; the boxes stay as
// the image has them.

// The engine's row height (descenders to ascenders, with the marks over Vietnamese capitals)
// against the type size the rules expect, measured on the app's drafts: 13 pt body text at
// 300 dpi has rows of about 60 pixels.
const ROW_TO_SIZE = 0.9;

// A scan names no fonts: a word's face is its weight, against the page's usual stroke (most of
// a letter is its body text, in the regular face). Bold stems measure 1.4 to 1.8 times regular
// ones on the app's drafts at 200 and 300 dpi; a run with no measure is of neither.
export const SCAN_FONTS = { regular: 'scan-regular', bold: 'scan-bold', unknown: 'scan' } as const;
const BOLD_RATIO = 1.25;
const hasLetters = (text: string): boolean => /\p{L}/u.test(text);

// What the engine reads from dust and stains: a lone mark of punctuation it is unsure of. One
// between the header's columns would join them into one line.
const isSpeck = (word: OcrWord): boolean => word.confidence < 60 && !/[\p{L}\p{N}]/u.test(word.text);

// Vietnamese has no one-letter word "l": a lone l (or |) among capitals or after "quý", "phần",
// "khóa" is the Roman numeral I, which the engine often reads so at 200 dpi ("quý l").
function romanNumeral(text: string): string {
  return /^[lI|]{1,3}([VX][lI|]{0,3})?[.,;:)]?$/u.test(text) || /^[VX][lI|]{1,3}[.,;:)]?$/u.test(text) ? text.replace(/[l|]/g, 'I') : text;
}

function slope(line: OcrLine): number | null {
  const { x0, y0, x1, y1 } = line.baseline;
  return x1 - x0 > 0 ? Math.atan2(y1 - y0, x1 - x0) : null;
}

export function skewOf(page: OcrPage): number {
  const long = page.lines.filter((l) => l.words.length >= 3 && l.bbox.x1 - l.bbox.x0 > page.widthPx * 0.3);
  const slopes = long.map(slope).filter((s): s is number => s !== null && Math.abs(s) < 0.1).sort((a, b) => a - b);
  return slopes.length === 0 ? 0 : (slopes[Math.floor(slopes.length / 2)] as number);
}

// Baseline height under a point of the line (image pixels, y down).
function baselineAt(line: OcrLine, x: number): number {
  const { x0, y0, x1, y1 } = line.baseline;
  return x1 === x0 ? y1 : y0 + ((x - x0) * (y1 - y0)) / (x1 - x0);
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : (sorted[Math.floor(sorted.length / 2)] as number);
};

interface PlacedWord {
  readonly run: TextRun;
  // The word's stem width, when it has letters to measure.
  readonly stroke: number | null;
}

// The words of one engine line joined into runs. A justified line stretches all its spaces
// alike, wider than the grouping's half a size; the gap between the header's two columns stands
// out from the line's other gaps. So words closer than two and a half times the line's median
// gap (and than one and a half sizes) are one run, as a PDF's text run holds its spaces. The
// run's face is that of the median stroke of its words: one word is too few pixels to judge.
function lineRuns(words: readonly PlacedWord[], faceOf: (stroke: number | null) => string): TextRun[] {
  const sorted = [...words].sort((a, b) => a.run.x - b.run.x);
  const gaps = sorted.slice(1).map((w, i) => w.run.x - ((sorted[i] as PlacedWord).run.x + (sorted[i] as PlacedWord).run.width));
  const size = sorted[0]?.run.size ?? 0;
  const join = Math.min(size * 1.5, Math.max(size * 0.5, median(gaps) * 2.5));
  const groups: PlacedWord[][] = [];
  sorted.forEach((word, i) => {
    const last = groups.at(-1);
    if (last && (gaps[i - 1] as number) <= join) last.push(word);
    else groups.push([word]);
  });
  return groups.map((group) => {
    const first = (group[0] as PlacedWord).run;
    const end = (group.at(-1) as PlacedWord).run;
    const strokes = group.flatMap((w) => (w.stroke === null ? [] : [w.stroke]));
    return {
      ...first,
      text: group.map((w) => w.run.text).join(' '),
      width: end.x + end.width - first.x,
      font: faceOf(strokes.length > 0 ? median(strokes) : null),
      boxes: group.flatMap((w) => w.run.boxes ?? []),
    };
  });
}

export function scanLines(page: OcrPage): PageLines {
  const scale = 72 / page.dpi;
  const angle = skewOf(page);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const cx = page.widthPx / 2;
  const cy = page.heightPx / 2;
  // The engine's row heights wander by a fifth from line to line of one type size: each is held
  // near the page's median.
  const typical = median(page.lines.map((l) => l.rowHeight));
  const usualStroke = median(page.lines.flatMap((l) => l.words.filter((w) => w.strokePx !== null && hasLetters(w.text)).map((w) => w.strokePx as number)));
  const faceOf = (stroke: number | null): string => {
    if (stroke === null || usualStroke === 0) return SCAN_FONTS.unknown;
    return stroke > usualStroke * BOLD_RATIO ? SCAN_FONTS.bold : SCAN_FONTS.regular;
  };
  const runs: TextRun[] = [];
  for (const line of page.lines) {
    const size = Math.min(Math.max(line.rowHeight, typical * 0.8), typical * 1.3) * ROW_TO_SIZE * scale;
    const words = line.words.filter((w) => !isSpeck(w)).map((word): PlacedWord => {
      const { x0, y0, x1, y1 } = word.bbox;
      const base = baselineAt(line, x0);
      // Turned by -angle about the centre: the line's baseline becomes level.
      const x = cx + (x0 - cx) * cos + (base - cy) * sin;
      const y = cy - (x0 - cx) * sin + (base - cy) * cos;
      const box: WordBox = { page: page.index + 1, x0, y0, x1, y1 };
      const run = { text: romanNumeral(word.text), x: x * scale, y: (page.heightPx - y) * scale, width: (x1 - x0) * scale, size, font: SCAN_FONTS.unknown, boxes: [box] };
      return { run, stroke: hasLetters(word.text) ? word.strokePx : null };
    });
    runs.push(...lineRuns(words, faceOf));
  }
  return { index: page.index, width: page.widthPx * scale, height: page.heightPx * scale, lines: groupLines(runs) };
}
