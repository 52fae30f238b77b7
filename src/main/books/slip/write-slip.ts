import { PDFDocument } from 'pdf-lib';
import { placeDateLine } from '../../../shared/domain/signature-kinds.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Profile } from '../../profile/open-profile.ts';
import { getAgencyProfile } from '../../registry/agency-repo.ts';
import { today } from '../../registry/clock.ts';
import { processingHistory } from '../../registry/processing-record.ts';
import { writeWholeFile } from '../output-file.ts';
import { type BookFonts, embedBookFonts, type FontStyle } from '../pdf/book-fonts.ts';
import { addBookPage, PageContent } from '../pdf/page-content.ts';
import { slipText } from './slip-text.ts';

// A4 portrait with the margins of Appendix I (left 30 mm, right 15 mm, top and bottom 20 mm).
const PAGE = { width: 595.28, height: 841.89 } as const;
const MM = 72 / 25.4;
const LEFT = 30 * MM;
const RIGHT = PAGE.width - 15 * MM;
const TOP = PAGE.height - 20 * MM;
const BOTTOM = 20 * MM;
const WIDTH = RIGHT - LEFT;

// Lines drawn down the page, onto a new page when one is full.
class SlipWriter {
  private readonly doc: PDFDocument;
  private readonly fonts: BookFonts;
  private content: PageContent;
  private y = TOP;
  constructor(doc: PDFDocument, fonts: BookFonts) {
    this.doc = doc;
    this.fonts = fonts;
    this.content = this.newPage();
  }

  private newPage(): PageContent {
    return new PageContent(addBookPage(this.doc, this.fonts, [PAGE.width, PAGE.height]), this.fonts);
  }

  get page(): PageContent {
    return this.content;
  }

  at(y: number): void {
    this.y = y;
  }

  get top(): number {
    return this.y;
  }

  private room(height: number): void {
    if (this.y - height >= BOTTOM) return;
    this.content.commit(this.doc);
    this.content = this.newPage();
    this.y = TOP;
  }

  paragraph(text: string, style: FontStyle, size: number, options: { centre?: boolean; indent?: number; gap?: number } = {}): void {
    const indent = options.indent ?? 0;
    for (const line of this.content.wrap(text, style, size, WIDTH - indent)) {
      this.room(size * 1.35);
      this.y -= size * 1.35;
      if (options.centre) this.content.textCentered(line, LEFT + WIDTH / 2, this.y, style, size);
      else this.content.text(line, LEFT + indent, this.y, style, size);
    }
    this.y -= options.gap ?? 0;
  }

  dottedLines(count: number, size: number): void {
    for (let i = 0; i < count; i++) {
      this.room(size * 1.6);
      this.y -= size * 1.6;
      this.content.text('.'.repeat(Math.floor(WIDTH / this.content.width('.', 'regular', size))), LEFT, this.y, 'regular', size);
    }
  }

  finish(): void {
    this.content.commit(this.doc);
  }
}

// The two-column header of the form (Appendix I): the agency on the left (about 44% of the
// width, each name wrapped within it), the national motto on the right, the place and date under it.
function drawHeader(w: SlipWriter, text: ReturnType<typeof slipText>): void {
  const c = w.page;
  const leftWidth = WIDTH * 0.44;
  const leftCentre = LEFT + leftWidth / 2;
  const rightCentre = LEFT + leftWidth + (WIDTH - leftWidth) / 2;
  let y = TOP - 13;
  const block = (name: string, style: FontStyle): void => {
    for (const line of c.wrap(name.toUpperCase(), style, 12, leftWidth - 6)) {
      c.textCentered(line, leftCentre, y, style, 12);
      y -= 15;
    }
  };
  if (text.parentAgency) block(text.parentAgency, 'regular');
  block(text.agency, 'bold');
  c.line(leftCentre - 30, y + 10, leftCentre + 30, y + 10);
  c.textCentered('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', rightCentre, TOP - 13, 'bold', 12);
  c.textCentered('Độc lập - Tự do - Hạnh phúc', rightCentre, TOP - 28, 'bold', 13);
  const motto = c.width('Độc lập - Tự do - Hạnh phúc', 'bold', 13);
  c.line(rightCentre - motto / 2, TOP - 32, rightCentre + motto / 2, TOP - 32);
  c.textCentered(text.placeDate, rightCentre, TOP - 50, 'italic', 13);
  w.at(Math.min(y, TOP - 50) - 30);
}

export async function writeProcessingSlip(p: Profile, documentId: number, outPath: string, fontsDir?: string): Promise<number> {
  const agency = getAgencyProfile(p);
  if (!agency) throw new AppError('PROFILE_NOT_INITIALIZED', 'Chưa khai báo thông tin cơ quan.', 'agency profile missing');
  const history = processingHistory(p, documentId);
  if (history.document.direction !== 'incoming') {
    throw new AppError('INVALID_INPUT', 'Phiếu giải quyết chỉ in cho văn bản đến.', `document ${documentId} is outgoing`);
  }
  const text = slipText(agency, history, today(p.clock), placeDateLine);
  const doc = await PDFDocument.create();
  const fonts = await embedBookFonts(doc, fontsDir);
  const w = new SlipWriter(doc, fonts);
  drawHeader(w, text);
  w.paragraph('PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN', 'bold', 14, { centre: true, gap: 4 });
  w.paragraph(text.about, 'regular', 13, { centre: true });
  w.paragraph(text.subject, 'regular', 13, { centre: true });
  w.paragraph(text.arrival, 'italic', 12, { centre: true, gap: 4 });
  w.page.line(LEFT + WIDTH / 2 - 40, w.top - 6, LEFT + WIDTH / 2 + 40, w.top - 6);
  w.at(w.top - 16);
  for (const section of text.sections) {
    w.paragraph(section.heading, 'bold', 13, { gap: 2 });
    if (section.lines.length === 0) w.dottedLines(3, 13);
    for (const line of section.lines) w.paragraph(line, 'regular', 13, { indent: 14 });
    w.at(w.top - 10);
  }
  w.finish();
  doc.setTitle(`Phiếu giải quyết văn bản đến số ${history.document.number}/${history.document.year} - ${agency.name}`);
  doc.setAuthor(agency.name);
  doc.setCreator('VanThu Desktop');
  doc.setProducer('VanThu Desktop (pdf-lib)');
  doc.setLanguage('vi-VN');
  const now = p.clock.now();
  doc.setCreationDate(now);
  doc.setModificationDate(now);
  return writeWholeFile(outPath, await doc.save());
}
