import type { PDFFont } from 'pdf-lib';

// Measuring or encoding text through the font runs fontkit's full OpenType layout, which is what
// made a long register slow. A register repeats the same words (agency names, "Quyết định",
// "UBND") thousands of times, so the width and glyph codes are kept per word and a line is put
// together from its words. Words never interact across a space, so the result is the same.
const MAX_CACHED_WORDS = 100_000;

// A word's width depends on the font file alone, not on the document the font is embedded in, so
// widths are kept per font file (its bytes, read once per process by fonts/font-files.ts) and a
// second printing (the next mục lục, the same book again) measures no word twice. Glyph codes are
// the document's own subset's, so they stay per document.
const widthsByFont = new WeakMap<Uint8Array, Map<string, number>>();

function sharedWidths(bytes: Uint8Array | undefined): Map<string, number> {
  if (!bytes) return new Map();
  let widths = widthsByFont.get(bytes);
  if (!widths) {
    widths = new Map();
    widthsByFont.set(bytes, widths);
  }
  return widths;
}

export class FontFace {
  readonly font: PDFFont;
  private readonly widths: Map<string, number>;
  private readonly codes = new Map<string, string>();
  private readonly spaceWidth: number;
  private readonly spaceCode: string;

  // `bytes`: the font file `font` was embedded from, whose word widths are shared.
  constructor(font: PDFFont, bytes?: Uint8Array) {
    this.font = font;
    this.widths = sharedWidths(bytes);
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
