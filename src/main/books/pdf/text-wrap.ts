import type { FontFace } from '../../fonts/font-face.ts';

// Text as the PDF gets it: NFC (Vietnamese letters as single precomposed glyphs, which the font
// has), no control characters (they have no glyph), tabs as spaces, one paragraph per line.
export function printable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g, '');
}

const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

// A word wider than the column (a long notation, a URL) is cut between graphemes, so a letter
// never loses its marks.
function splitLongWord(word: string, face: FontFace, size: number, width: number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const { segment } of graphemes.segment(word)) {
    if (current && face.width(current + segment, size) > width) {
      parts.push(current);
      current = segment;
    } else {
      current += segment;
    }
  }
  if (current) parts.push(current);
  return parts;
}

// Greedy word wrap within `width`, keeping the line breaks of the text.
export function wrapText(text: string, face: FontFace, size: number, width: number): string[] {
  const lines: string[] = [];
  const space = face.width(' ', size);
  for (const paragraph of printable(text).split('\n')) {
    let line = '';
    let lineWidth = 0;
    for (const word of paragraph.split(' ').filter(Boolean)) {
      const w = face.width(word, size);
      if (line && lineWidth + space + w <= width) {
        line += ` ${word}`;
        lineWidth += space + w;
        continue;
      }
      if (line) lines.push(line);
      if (w <= width) {
        line = word;
        lineWidth = w;
        continue;
      }
      const parts = splitLongWord(word, face, size, width);
      lines.push(...parts.slice(0, -1));
      line = parts.at(-1) ?? '';
      lineWidth = face.width(line, size);
    }
    if (line) lines.push(line);
  }
  return lines;
}
