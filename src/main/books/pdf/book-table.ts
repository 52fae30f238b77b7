import type { PDFDocument } from 'pdf-lib';
import { type BookCell, cellText } from '../book-cells.ts';
import type { BookColumn } from '../book-columns.ts';
import type { BookFonts, FontStyle } from './book-fonts.ts';
import { addBookPage, type BookPage, PageContent } from './page-content.ts';
import { CONTENT_WIDTH, MARGIN, PAGE } from './page-layout.ts';
import { wrapText } from './text-wrap.ts';

const BODY_SIZE = 10;
const HEAD_SIZE = 9.5;
const NUMBER_SIZE = 9;
const PAD = 3;
const LINE = 1.2;
const TABLE_TOP = PAGE.height - MARGIN.top - 8;

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
// tall for one page carried on to the next rather than cut off.
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
  private content: PageContent | null = null;
  private y = 0;

  constructor(doc: PDFDocument, fonts: BookFonts, columns: readonly BookColumn[], runningTitle: string) {
    this.doc = doc;
    this.fonts = fonts;
    this.columns = columns;
    this.runningTitle = runningTitle;
    const total = columns.reduce((n, c) => n + c.share, 0);
    let x = MARGIN.left;
    this.slots = columns.map((c) => {
      const slot = { x, width: (c.share / total) * CONTENT_WIDTH };
      x += slot.width;
      return slot;
    });
    this.headLines = columns.map((c, i) => wrapText(c.title, fonts.bold, HEAD_SIZE, this.inner(i)));
    this.titleHeight = Math.max(...this.headLines.map((l) => l.length)) * HEAD_SIZE * LINE + 2 * PAD;
    this.headHeight = this.titleHeight + NUMBER_SIZE * LINE + 2 * PAD;
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
    const target = addBookPage(this.doc, this.fonts, [PAGE.width, PAGE.height]);
    this.pages.push(target);
    this.content = new PageContent(target, this.fonts);
    this.content.textCentered(this.runningTitle, PAGE.width / 2, PAGE.height - MARGIN.top + 6, 'italic', 9);
    this.y = TABLE_TOP;
    this.drawHeader(this.content);
  }

  private drawHeader(content: PageContent): void {
    this.columns.forEach((c, i) => {
      const lines = this.headLines[i] as readonly string[];
      const offset = (this.titleHeight - 2 * PAD - lines.length * HEAD_SIZE * LINE) / 2;
      this.box(content, i, this.y, this.titleHeight);
      this.lines(content, i, lines, this.y - offset, 'bold', HEAD_SIZE, true);
      this.box(content, i, this.y - this.titleHeight, this.headHeight - this.titleHeight);
      this.lines(content, i, [`(${c.number})`], this.y - this.titleHeight, 'italic', NUMBER_SIZE, true);
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
    return Math.floor((this.y - MARGIN.bottom - 2 * PAD) / (BODY_SIZE * LINE));
  }

  private fullRoom(): number {
    return Math.floor((TABLE_TOP - this.headHeight - MARGIN.bottom - 2 * PAD) / (BODY_SIZE * LINE));
  }

  // A heading across the table where the book moves on to another register (series).
  addHeading(text: string): void {
    if (!this.content || this.room() < 3) this.newPage();
    const height = BODY_SIZE * LINE + 2 * PAD;
    this.page.rect(MARGIN.left, this.y - height, CONTENT_WIDTH, height);
    this.page.text(text, MARGIN.left + PAD, this.y - PAD - BODY_SIZE * 0.9, 'bold', BODY_SIZE);
    this.y -= height;
  }

  addRow(cells: readonly (BookCell | null)[]): void {
    const laid: CellLines[] = cells.map((cell, i) => ({
      lines: wrapText(cellText(cell), this.fonts.regular, BODY_SIZE, this.inner(i)),
      centered: cell !== null && cell.type !== 'text',
    }));
    const total = Math.max(1, ...laid.map((c) => c.lines.length));
    let done = 0;
    while (done < total) {
      const remaining = total - done;
      const room = this.content ? this.room() : 0;
      // Start on a fresh page when the row would fit there whole, or nothing fits here.
      if (room < 1 || (room < remaining && done === 0 && remaining <= this.fullRoom())) {
        this.newPage();
        continue;
      }
      const count = Math.min(room, remaining);
      const height = count * BODY_SIZE * LINE + 2 * PAD;
      laid.forEach((c, i) => {
        this.box(this.page, i, this.y, height);
        this.lines(this.page, i, c.lines.slice(done, done + count), this.y, 'regular', BODY_SIZE, c.centered);
      });
      this.y -= height;
      done += count;
      if (done < total) this.newPage();
    }
  }

  // Writes out the last page; an empty book still prints its table header under the cover.
  finish(): void {
    this.page.commit(this.doc);
    this.content = null;
  }
}
