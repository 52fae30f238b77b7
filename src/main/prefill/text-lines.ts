import type { WordBox } from '../../shared/api/schemas/prefill.ts';

// The text of a page as lines with their positions, which the field rules read (docs/prefill.md).
// PDF points, origin at the bottom left of the page; `y` is the baseline.

export interface TextRun {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
  // pdf.js's id of the font the run is set in: regular and bold faces differ, which tells the
  // parent agency (regular) from the issuing agency (bold) in the header.
  readonly font: string;
  // The recognised words of a scan the run or line is made of (ocr/scan-lines.ts); none from a PDF.
  readonly boxes?: readonly WordBox[];
}

export type { WordBox };
export type TextLine = TextRun;

export interface PageLines {
  readonly index: number; // 0-based
  readonly width: number;
  readonly height: number;
  // Top to bottom, left to right.
  readonly lines: readonly TextLine[];
}

const clean = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ');

// Runs on one baseline that follow each other closely are one line. A wider gap starts another
// line on the same baseline: the header's two columns ("Số: …" and the place and date) and the
// Nơi nhận list beside the signer stay apart. A space is a quarter of the size; a wrapped agency
// name or a công văn's V/v line can end less than a size before the right column starts, so
// anything over half a size apart is kept apart.
export function groupLines(runs: readonly TextRun[]): TextLine[] {
  const sorted = runs
    .map((r) => ({ ...r, text: clean(r.text) }))
    .filter((r) => r.text.trim() !== '' && [r.x, r.y, r.width, r.size].every(Number.isFinite) && r.size > 0)
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: TextRun[][] = [];
  for (const run of sorted) {
    const row = rows.at(-1);
    const first = row?.[0];
    if (row && first && Math.abs(first.y - run.y) <= Math.max(first.size, run.size) * 0.3) row.push(run);
    else rows.push([run]);
  }
  const lines: TextLine[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let current: TextLine | null = null;
    for (const run of row) {
      const gap: number = current ? run.x - (current.x + current.width) : Infinity;
      if (current && gap <= Math.max(current.size, run.size) * 0.5) {
        const joiner: string = gap > run.size * 0.12 && !/\s$/.test(current.text) && !/^\s/.test(run.text) ? ' ' : '';
        current = { ...(current as TextLine), text: current.text + joiner + run.text, width: run.x + run.width - current.x, size: Math.max(current.size, run.size), ...boxesOf([current, run]) };
      } else {
        if (current) lines.push(current);
        current = { ...run };
      }
    }
    if (current) lines.push(current);
  }
  return lines.map((l) => ({ ...l, text: l.text.trim() })).filter((l) => l.text !== '');
}

export const centreOf = (l: TextLine): number => l.x + l.width / 2;

// The word boxes of the lines a proposal is read from, when they have any.
export function boxesOf(lines: readonly TextLine[]): { boxes?: WordBox[] } {
  const boxes = lines.flatMap((l) => l.boxes ?? []);
  return boxes.length > 0 ? { boxes } : {};
}

// A rule drawn with characters (Word templates often type "________" under the agency name).
export const isRuleLine = (l: TextLine): boolean => /^[\s_\-–—.·=*]+$/u.test(l.text);

// Letters all in capitals (digits, punctuation and the "TM." prefixes aside).
export function isCaps(text: string): boolean {
  return /\p{L}/u.test(text) && text === text.toLocaleUpperCase('vi');
}
