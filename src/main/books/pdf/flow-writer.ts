import type { PDFDocument } from 'pdf-lib';
import type { PagePosition } from './book-table.ts';
import type { BookFonts, FontStyle } from './book-fonts.ts';
import { addBookPage, type BookPage, PageContent } from './page-content.ts';
import { contentWidth, type PageGeometry } from './page-layout.ts';

export interface ParagraphOptions {
  readonly centre?: boolean;
  readonly indent?: number;
  readonly gap?: number;
}

const LEADING = 1.35;

// Text that runs down the page inside the margins, onto a new page when one is full: a form's
// heading and paragraphs (the phiếu giải quyết, the Appendix V forms around their tables).
export class FlowWriter {
  readonly left: number;
  readonly width: number;
  readonly top: number;
  readonly bottom: number;
  // Every page the writer drew on, in order (the page it was handed included).
  readonly pages: BookPage[] = [];
  private readonly doc: PDFDocument;
  private readonly fonts: BookFonts;
  private readonly geometry: PageGeometry;
  private target: BookPage;
  private content: PageContent;
  private y: number;

  // On a page of its own, or on from where something else (a table) stopped.
  constructor(doc: PDFDocument, fonts: BookFonts, geometry: PageGeometry, start?: PagePosition) {
    this.doc = doc;
    this.fonts = fonts;
    this.geometry = geometry;
    this.left = geometry.margin.left;
    this.width = contentWidth(geometry);
    this.top = geometry.page.height - geometry.margin.top;
    this.bottom = geometry.margin.bottom;
    this.target = start?.target ?? this.addPage();
    if (start) this.pages.push(start.target);
    this.content = new PageContent(this.target, fonts);
    this.y = start?.y ?? this.top;
  }

  private addPage(): BookPage {
    const target = addBookPage(this.doc, this.fonts, [this.geometry.page.width, this.geometry.page.height]);
    this.pages.push(target);
    return target;
  }

  get page(): PageContent {
    return this.content;
  }

  get cursor(): number {
    return this.y;
  }

  at(y: number): void {
    this.y = y;
  }

  // Makes room for `height` below the cursor: a new page when it would cross the bottom margin.
  room(height: number): void {
    if (this.y - height >= this.bottom) return;
    this.content.commit(this.doc);
    this.target = this.addPage();
    this.content = new PageContent(this.target, this.fonts);
    this.y = this.top;
  }

  lineHeight(size: number): number {
    return size * LEADING;
  }

  paragraph(text: string, style: FontStyle, size: number, options: ParagraphOptions = {}): void {
    const indent = options.indent ?? 0;
    for (const line of this.content.wrap(text, style, size, this.width - indent)) {
      this.room(this.lineHeight(size));
      this.y -= this.lineHeight(size);
      if (options.centre) this.content.textCentered(line, this.left + this.width / 2, this.y, style, size);
      else this.content.text(line, this.left + indent, this.y, style, size);
    }
    this.y -= options.gap ?? 0;
  }

  dottedLines(count: number, size: number): void {
    for (let i = 0; i < count; i++) {
      this.room(size * 1.6);
      this.y -= size * 1.6;
      this.content.text('.'.repeat(Math.floor(this.width / this.content.width('.', 'regular', size))), this.left, this.y, 'regular', size);
    }
  }

  // Writes out the page and says where the text stopped, for a table to go on under it.
  release(): PagePosition {
    this.content.commit(this.doc);
    return { target: this.target, y: this.y };
  }

  finish(): void {
    this.content.commit(this.doc);
  }
}
