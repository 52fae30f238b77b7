import { deflateSync } from 'node:zlib';
import type { PDFDocument, PDFPage } from 'pdf-lib';
import type { BookFonts, FontStyle } from './book-fonts.ts';
import { printable, wrapText } from './text-wrap.ts';

export type FontKeys = Readonly<Record<FontStyle, string>>;

export interface BookPage {
  readonly page: PDFPage;
  readonly keys: FontKeys;
}

const num = (v: number): string => String(Math.round(v * 100) / 100);

// A page's fonts are named in its resources once; every content stream of the page uses them.
export function addBookPage(doc: PDFDocument, fonts: BookFonts, size: readonly [number, number]): BookPage {
  const page = doc.addPage([size[0], size[1]]);
  const key = (style: FontStyle): string => page.node.newFontDictionary(fonts[style].font.name, fonts[style].font.ref).asString().slice(1);
  return { page, keys: { regular: key('regular'), bold: key('bold'), italic: key('italic') } };
}

// The drawing of one page written as PDF operators directly. pdf-lib's drawText/drawRectangle
// build an object per operator and keep them all until the document is saved; for a register of
// thousands of pages that cost minutes and gigabytes. Here a page becomes one compressed stream
// as soon as it is finished.
export class PageContent {
  private readonly fonts: BookFonts;
  private readonly target: BookPage;
  private readonly texts: string[] = [];
  private readonly strokes = new Map<number, string[]>();

  constructor(target: BookPage, fonts: BookFonts) {
    this.target = target;
    this.fonts = fonts;
  }

  width(text: string, style: FontStyle, size: number): number {
    return this.fonts[style].width(printable(text), size);
  }

  wrap(text: string, style: FontStyle, size: number, width: number): string[] {
    return wrapText(text, this.fonts[style], size, width);
  }

  text(text: string, x: number, y: number, style: FontStyle, size: number, grey = false): void {
    const hex = this.fonts[style].hex(printable(text));
    const colour = grey ? '0.35 g ' : '';
    this.texts.push(`BT ${colour}/${this.target.keys[style]} ${num(size)} Tf ${num(x)} ${num(y)} Td <${hex}> Tj ET${grey ? ' 0 g' : ''}\n`);
  }

  textCentered(text: string, centre: number, y: number, style: FontStyle, size: number): void {
    this.text(text, centre - this.width(text, style, size) / 2, y, style, size);
  }

  textRight(text: string, right: number, y: number, style: FontStyle, size: number, grey = false): void {
    this.text(text, right - this.width(text, style, size), y, style, size, grey);
  }

  private stroke(lineWidth: number): string[] {
    let path = this.strokes.get(lineWidth);
    if (!path) {
      path = [];
      this.strokes.set(lineWidth, path);
    }
    return path;
  }

  rect(x: number, y: number, width: number, height: number, lineWidth = 0.5): void {
    this.stroke(lineWidth).push(`${num(x)} ${num(y)} ${num(width)} ${num(height)} re\n`);
  }

  line(x1: number, y1: number, x2: number, y2: number, lineWidth = 0.5): void {
    this.stroke(lineWidth).push(`${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l\n`);
  }

  // Adds what was drawn as one more content stream of the page.
  commit(doc: PDFDocument): void {
    const graphics = [...this.strokes].map(([w, path]) => `${num(w)} w\n${path.join('')}S\n`).join('');
    const content = `q\n0 G 0 g\n${graphics}${this.texts.join('')}Q\n`;
    const stream = doc.context.stream(deflateSync(Buffer.from(content, 'latin1')), { Filter: 'FlateDecode' });
    this.target.page.node.addContentStream(doc.context.register(stream));
  }
}
