// Line breaking for the draft's justified text. Vietnamese is written one syllable per word with
// spaces between, so lines break at spaces only; a word wider than the line (a URL, a long
// notation, a pasted run without spaces) is cut between grapheme clusters, so a letter never
// loses its tone or vowel mark, whether the text is NFC or not.

export interface BrokenLine {
  readonly words: readonly string[];
  // Width with single spaces between the words, in the measure's units.
  readonly width: number;
  // The paragraph's last line: left-aligned, not stretched.
  readonly last: boolean;
}

export interface LineMetrics {
  word(word: string): number;
  readonly space: number;
}

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

// Pieces of a too-long word, each at most `width` wide (one grapheme if even that does not fit).
// Graphemes are measured one at a time, so a 10,000-letter word costs linear time.
export function splitWord(word: string, metrics: LineMetrics, width: number): string[] {
  const pieces: string[] = [];
  let current = '';
  let currentWidth = 0;
  for (const { segment } of graphemes.segment(word)) {
    const w = metrics.word(segment);
    if (current && currentWidth + w > width) {
      pieces.push(current);
      current = '';
      currentWidth = 0;
    }
    current += segment;
    currentWidth += w;
  }
  if (current) pieces.push(current);
  return pieces;
}

// Greedy breaking (what Word does): the first line may be narrower (first-line indent).
export function breakParagraph(text: string, metrics: LineMetrics, firstWidth: number, restWidth = firstWidth): BrokenLine[] {
  const lines: BrokenLine[] = [];
  let words: string[] = [];
  let width = 0;
  const limit = (): number => (lines.length === 0 ? firstWidth : restWidth);
  const flush = (): void => {
    lines.push({ words, width, last: false });
    words = [];
    width = 0;
  };
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    const w = metrics.word(word);
    if (words.length && width + metrics.space + w <= limit()) {
      words.push(word);
      width += metrics.space + w;
      continue;
    }
    if (words.length) flush();
    if (w <= limit()) {
      words = [word];
      width = w;
      continue;
    }
    const pieces = splitWord(word, metrics, restWidth);
    // The first piece must fit the (maybe narrower) first line.
    const head = lines.length === 0 && firstWidth < restWidth ? splitWord(word, metrics, firstWidth)[0] ?? '' : '';
    const parts = head ? [head, ...splitWord(word.slice(head.length), metrics, restWidth)] : pieces;
    for (const part of parts.slice(0, -1)) {
      words = [part];
      width = metrics.word(part);
      flush();
    }
    words = [parts.at(-1) ?? ''];
    width = metrics.word(words[0] ?? '');
  }
  if (words.length) flush();
  const tail = lines.at(-1);
  if (tail) lines[lines.length - 1] = { ...tail, last: true };
  return lines;
}

// Extra room per gap that makes a line exactly `width` wide; 0 for a last line or one word.
export function justifyGap(line: BrokenLine, width: number): number {
  if (line.last || line.words.length < 2) return 0;
  return Math.max(0, (width - line.width) / (line.words.length - 1));
}
