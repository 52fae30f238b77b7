import type { PDFDocument } from 'pdf-lib';
import { type BookCell, cellText } from '../book-cells.ts';
import type { BookColumn } from '../book-columns.ts';
import type { BookFonts, FontStyle } from './book-fonts.ts';
import { addBookPage, type BookPage, PageContent } from './page-content.ts';
import { BOOK_GEOMETRY, contentWidth, type PageGeometry } from './page-layout.ts';
import { wrapText } from './text-wrap.ts';

const PAD = 3;
const LINE = 1.2;

export interface TableSizes {
  readonly body: number;
  readonly head: number;
  readonly number: number;
}

const BOOK_SIZES: TableSizes = { body: 10, head: 9.5, number: 9 };

// Where drawing stopped on a page: a form's text above a table hands its page over, and the text
// after the table goes on from where the table ended.
export interface PagePosition {
  readonly target: BookPage;
  readonly y: number;
}

export interface TableOptions {
  readonly geometry?: PageGeometry;
  readonly sizes?: TableSizes;
  // Begin under what is already on this page (a form's heading); without it, on a page of its own.
  readonly start?: PagePosition;
}

export interface RowOptions {
  readonly style?: FontStyle;
  // Lines that must fit under the row on the same page (a heading is not left alone at the foot).
  readonly keepWithNext?: number;
}

interface Slot {
  readonly x: number;
  readonly width: number;
}

interface CellLines {
  readonly lines: readonly string[];
  readonly centered: boolean;
}

// The table of a register book: every Appendix IV column, text wrapped inside its column, the
// header (titles and their numbers (1)…(n)) repeated at the top of every page, and a row too
// tall for one page carried on to the next rather than cut off. `pages` are the pages the table
// added (not the page of `start`).
export class BookTable {
  readonly pages: BookPage[] = [];
  private readonly doc: PDFDocument;
  private readonly fonts: BookFonts;
  private readonly columns: readonly BookColumn[];
  private readonly runningTitle: string;
  private readonly slots: readonly Slot[];
  private readonly headLines: readonly (readonly string[])[];
  private readonly titleHeight: number;
  private readonly headHeight: number;
  private readonly geometry: PageGeometry;
  private readonly sizes: TableSizes;
  private readonly width: number;
  private readonly tableTop: number;
  private last: BookPage | null = null;
  private content: PageContent | null = null;
  private y = 0;

  constructor(doc: PDFDocument, fonts: BookFonts, columns: readonly BookColumn[], runningTitle: string, options: TableOptions = {}) {
    this.doc = doc;
    this.fonts = fonts;
    this.columns = columns;
    this.runningTitle = runningTitle;
    this.geometry = options.geometry ?? BOOK_GEOMETRY;
    this.sizes = options.sizes ?? BOOK_SIZES;
    this.width = contentWidth(this.geometry);
    this.tableTop = this.geometry.page.height - this.geometry.margin.top - 8;
    const total = columns.reduce((n, c) => n + c.share, 0);
    let x = this.geometry.margin.left;
    this.slots = columns.map((c) => {
      const slot = { x, width: (c.share / total) * this.width };
      x += slot.width;
      return slot;
    });
    this.headLines = columns.map((c, i) => wrapText(c.title, fonts.bold, this.sizes.head, this.inner(i)));
    this.titleHeight = Math.max(...this.headLines.map((l) => l.length)) * this.sizes.head * LINE + 2 * PAD;
    this.headHeight = this.titleHeight + this.sizes.number * LINE + 2 * PAD;
    // The header and three lines must fit under a form's heading, or the table starts overleaf.
    if (options.start && options.start.y - this.headHeight - 3 * this.lineHeight() >= this.bottom()) {
      this.last = options.start.target;
      this.content = new PageContent(options.start.target, fonts);
      this.y = options.start.y;
      this.drawHeader(this.content);
    }
  }

  private lineHeight(): number {
    return this.sizes.body * LINE;
  }

  private bottom(): number {
    return this.geometry.margin.bottom + 2 * PAD;
  }

  private inner(i: number): number {
    return (this.slots[i] as Slot).width - 2 * PAD;
  }

  private get page(): PageContent {
    if (!this.content) this.newPage();
    return this.content as PageContent;
  }

  private newPage(): void {
    this.content?.commit(this.doc);
    const { page, margin } = this.geometry;
    const target = addBookPage(this.doc, this.fonts, [page.width, page.height]);
    this.pages.push(target);
    this.last = target;
    this.content = new PageContent(target, this.fonts);
    this.content.textCentered(this.runningTitle, page.width / 2, page.height - margin.top + 6, 'italic', 9);
    this.y = this.tableTop;
    this.drawHeader(this.content);
  }

  private drawHeader(content: PageContent): void {
    this.columns.forEach((c, i) => {
      const lines = this.headLines[i] as readonly string[];
      const offset = (this.titleHeight - 2 * PAD - lines.length * this.sizes.head * LINE) / 2;
      this.box(content, i, this.y, this.titleHeight);
      this.lines(content, i, lines, this.y - offset, 'bold', this.sizes.head, true);
      this.box(content, i, this.y - this.titleHeight, this.headHeight - this.titleHeight);
      this.lines(content, i, [`(${c.number})`], this.y - this.titleHeight, 'italic', this.sizes.number, true);
    });
    this.y -= this.headHeight;
  }

  private box(content: PageContent, i: number, top: number, height: number): void {
    const slot = this.slots[i] as Slot;
    content.rect(slot.x, top - height, slot.width, height);
  }

  private lines(content: PageContent, i: number, lines: readonly string[], top: number, style: FontStyle, size: number, centered: boolean): void {
    const slot = this.slots[i] as Slot;
    lines.forEach((line, k) => {
      const baseline = top - PAD - size * 0.9 - k * size * LINE;
      if (centered) content.textCentered(line, slot.x + slot.width / 2, baseline, style, size);
      else content.text(line, slot.x + PAD, baseline, style, size);
    });
  }

  // Whole lines that still fit above the bottom margin of the current page.
  private room(): number {
    return Math.floor((this.y - this.bottom()) / this.lineHeight());
  }

  private fullRoom(): number {
    return Math.floor((this.tableTop - this.headHeight - this.bottom()) / this.lineHeight());
  }

  // A heading across the table where the book moves on to another register (series).
  addHeading(text: string): void {
    if (!this.content || this.room() < 3) this.newPage();
    const height = this.lineHeight() + 2 * PAD;
    const left = this.geometry.margin.left;
    this.page.rect(left, this.y - height, this.width, height);
    this.page.text(text, left + PAD, this.y - PAD - this.sizes.body * 0.9, 'bold', this.sizes.body);
    this.y -= height;
  }

  addRow(cells: readonly (BookCell | null)[], options: RowOptions = {}): void {
    const style = options.style ?? 'regular';
    const size = this.sizes.body;
    const laid: CellLines[] = cells.map((cell, i) => ({
      lines: wrapText(cellText(cell), this.fonts[style], size, this.inner(i)),
      centered: cell !== null && cell.type !== 'text',
    }));
    const total = Math.max(1, ...laid.map((c) => c.lines.length));
    const whole = total + (options.keepWithNext ?? 0);
    let done = 0;
    while (done < total) {
      const remaining = total - done;
      const room = this.content ? this.room() : 0;
      // Start on a fresh page when the row (and what it keeps with) would fit there whole, or
      // nothing fits here.
      if (room < 1 || (done === 0 && room < whole && whole <= this.fullRoom())) {
        this.newPage();
        continue;
      }
      const count = Math.min(room, remaining);
      const height = count * this.lineHeight() + 2 * PAD;
      laid.forEach((c, i) => {
        this.box(this.page, i, this.y, height);
        this.lines(this.page, i, c.lines.slice(done, done + count), this.y, style, size, c.centered);
      });
      this.y -= height;
      done += count;
      if (done < total) this.newPage();
    }
  }

  // Writes out the last page; an empty book still prints its table header under the cover.
  // Returns where the table ended, for what the page says under it.
  finish(): PagePosition {
    this.page.commit(this.doc);
    this.content = null;
    return { target: this.last as BookPage, y: this.y };
  }
}
