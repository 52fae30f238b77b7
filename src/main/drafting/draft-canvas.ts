import { deflateSync } from 'node:zlib';
import type { PDFDocument, PDFPage } from 'pdf-lib';
import { type BrokenLine, breakParagraph, justifyGap, type LineMetrics } from '../../shared/domain/draft-line-break.ts';
import type { DraftFonts, DraftStyle } from './draft-fonts.ts';
import { DRAFT_STYLES } from './draft-fonts.ts';
import { ASCENT, CONTENT, DESCENT, MARGIN, PAGE, SIZE } from './draft-layout.ts';

interface CanvasPage {
  readonly page: PDFPage;
  readonly keys: Readonly<Record<DraftStyle, string>>;
  readonly ops: string[];
}

const num = (v: number): string => String(Math.round(v * 1000) / 1000);

// The pages of a draft, drawn as PDF operators (as the register books are: pdf-lib's drawText
// builds objects per call and cannot justify with a Type0 font, whose spaces Tw does not stretch).
// `y` is the top of the next line on the current page; text flows down and onto new pages.
export class DraftCanvas {
  readonly fonts: DraftFonts;
  private readonly doc: PDFDocument;
  private readonly pages: CanvasPage[] = [];
  y = CONTENT.top;

  constructor(doc: PDFDocument, fonts: DraftFonts) {
    this.doc = doc;
    this.fonts = fonts;
    this.newPage();
  }

  get pageIndex(): number {
    return this.pages.length - 1;
  }

  get pageCount(): number {
    return this.pages.length;
  }

  newPage(): void {
    const page = this.doc.addPage([PAGE.width, PAGE.height]);
    const keys = {} as Record<DraftStyle, string>;
    for (const style of DRAFT_STYLES) keys[style] = page.node.newFontDictionary(this.fonts[style].font.name, this.fonts[style].font.ref).asString().slice(1);
    this.pages.push({ page, keys, ops: [] });
    this.y = CONTENT.top;
  }

  // Starts a new page when fewer than `height` points are left above the bottom margin.
  ensure(height: number): void {
    if (this.y - height < CONTENT.bottom && this.y < CONTENT.top) this.newPage();
  }

  private get current(): CanvasPage {
    return this.pages[this.pages.length - 1] as CanvasPage;
  }

  width(text: string, style: DraftStyle, size: number): number {
    return this.fonts[style].width(text, size);
  }

  metrics(style: DraftStyle, size: number): LineMetrics {
    const face = this.fonts[style];
    return { word: (w) => face.width(w, size), space: face.width(' ', size) };
  }

  wrap(text: string, style: DraftStyle, size: number, firstWidth: number, restWidth = firstWidth): BrokenLine[] {
    return breakParagraph(text, this.metrics(style, size), firstWidth, restWidth);
  }

  text(text: string, x: number, baseline: number, style: DraftStyle, size: number, colour?: string): void {
    const hex = this.fonts[style].hex(text);
    const [set, reset] = colour ? [`${colour} rg `, ' 0 g'] : ['', ''];
    this.current.ops.push(`BT ${set}/${this.current.keys[style]} ${num(size)} Tf ${num(x)} ${num(baseline)} Td <${hex}> Tj ET${reset}`);
  }

  centred(text: string, centre: number, baseline: number, style: DraftStyle, size: number, colour?: string): void {
    this.text(text, centre - this.width(text, style, size) / 2, baseline, style, size, colour);
  }

  // One line stretched to `width` by widening its spaces (TJ offsets work for any font).
  justified(line: BrokenLine, x: number, baseline: number, width: number, style: DraftStyle, size: number): void {
    const gap = justifyGap(line, width);
    if (gap === 0) {
      this.text(line.words.join(' '), x, baseline, style, size);
      return;
    }
    const face = this.fonts[style];
    const space = face.hex(' ');
    const shift = num((-gap * 1000) / size);
    const parts = line.words.map((w) => face.hex(w));
    this.current.ops.push(`BT /${this.current.keys[style]} ${num(size)} Tf ${num(x)} ${num(baseline)} Td [<${parts.join(`${space}> ${shift} <`)}>] TJ ET`);
  }

  rule(x1: number, x2: number, y: number, lineWidth: number): void {
    this.current.ops.push(`${num(lineWidth)} w ${num(x1)} ${num(y)} m ${num(x2)} ${num(y)} l S`);
  }

  box(x: number, y: number, width: number, height: number, lineWidth: number, colour: string): void {
    this.current.ops.push(`${colour} RG ${num(lineWidth)} w ${num(x)} ${num(y)} ${num(width)} ${num(height)} re S 0 G`);
  }

  // Page numbers from page 2, centred in the top margin (Appendix I, I.7); then each page's
  // drawing becomes one compressed content stream.
  finish(): void {
    const size = SIZE.pageNumber;
    const baseline = PAGE.height - MARGIN.top / 2 - (size * ASCENT) / 2 + (size * DESCENT) / 2;
    this.pages.forEach((p, i) => {
      if (i === 0) return;
      const label = String(i + 1);
      p.ops.push(`BT /${p.keys.regular} ${size} Tf ${num(CONTENT.left + CONTENT.width / 2 - this.width(label, 'regular', size) / 2)} ${num(baseline)} Td <${this.fonts.regular.hex(label)}> Tj ET`);
    });
    for (const p of this.pages) {
      const content = `q\n0 G 0 g\n${p.ops.join('\n')}\nQ\n`;
      const stream = this.doc.context.stream(deflateSync(Buffer.from(content, 'latin1')), { Filter: 'FlateDecode' });
      p.page.node.addContentStream(this.doc.context.register(stream));
    }
  }
}
