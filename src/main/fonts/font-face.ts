import type { PDFFont } from 'pdf-lib';

// Measuring or encoding text through the font runs fontkit's full OpenType layout, which is what
// made a long register slow. A register repeats the same words (agency names, "Quyết định",
// "UBND") thousands of times, so the width and glyph codes are kept per word and a line is put
// together from its words. Words never interact across a space, so the result is the same.
const MAX_CACHED_WORDS = 100_000;

export class FontFace {
  readonly font: PDFFont;
  private readonly widths = new Map<string, number>();
  private readonly codes = new Map<string, string>();
  private readonly spaceWidth: number;
  private readonly spaceCode: string;

  constructor(font: PDFFont) {
    this.font = font;
    this.spaceWidth = font.widthOfTextAtSize(' ', 1);
    this.spaceCode = font.encodeText(' ').asString();
  }

  private wordWidth(word: string): number {
    let w = this.widths.get(word);
    if (w === undefined) {
      w = this.font.widthOfTextAtSize(word, 1);
      if (this.widths.size < MAX_CACHED_WORDS) this.widths.set(word, w);
    }
    return w;
  }

  private wordCode(word: string): string {
    let code = this.codes.get(word);
    if (code === undefined) {
      // Encoding also marks the word's glyphs for the embedded subset.
      code = this.font.encodeText(word).asString();
      if (this.codes.size < MAX_CACHED_WORDS) this.codes.set(word, code);
    }
    return code;
  }

  // Width of text whose words are separated by single spaces (as wrapText produces).
  width(text: string, size: number): number {
    const words = text.split(' ');
    let total = this.spaceWidth * (words.length - 1);
    for (const word of words) if (word) total += this.wordWidth(word);
    return total * size;
  }

  // The text as a PDF hex string body of glyph ids in the embedded font.
  hex(text: string): string {
    return text
      .split(' ')
      .map((word) => (word ? this.wordCode(word) : ''))
      .join(this.spaceCode);
  }
}
