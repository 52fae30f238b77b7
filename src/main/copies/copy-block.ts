import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import type { CopyLabel } from '../../shared/domain/copy-rules.ts';
import { placeDateLine } from '../../shared/domain/signature-kinds.ts';
import { toPlacesLines } from '../../shared/domain/draft-text.ts';
import { AppError } from '../../shared/errors.ts';
import { DraftCanvas } from '../drafting/draft-canvas.ts';
import { embedDraftFonts } from '../drafting/draft-fonts.ts';
import { baselineIn } from '../drafting/draft-flow.ts';
import { CONTENT, HEADER_LEFT_SHARE, lineHeight, RULE_WIDTH, SIGNATURE_GAP, SIZE } from '../drafting/draft-layout.ts';

// The copy block of a paper copy (Decree 30/2020 Appendix I, Part II, II; Appendix III Mẫu 3.1),
// printed on an A4 page added after the last page of what is copied: under a solid rule across
// the text area, the agency that copies (caps, bold; II.1.b names it alone, without the parent
// agency) with "Số: 05/SY-UBND" under it on the
// left, the form of copy (caps, bold, 14) with the place and date (italic) under it on the
// right; then the signer's block on the right (authority and position caps bold, room for the
// hand signature and the red seal, the name in bold) and "Nơi nhận:" on the left. The clerk
// prints it, the person with authority signs, the seal is pressed (docs/copies.md).

export interface CopyBlock {
  readonly label: CopyLabel;
  readonly agencyName: string;
  readonly numberNotation: string;
  readonly place: string;
  readonly date: string;
  readonly signerCompetence: string | null;
  readonly signerPosition: string;
  readonly signerName: string;
  readonly recipients: readonly string[];
}

const upper = (s: string): string => s.toLocaleUpperCase('vi');

async function sourcePages(doc: PDFDocument, path: string): Promise<void> {
  let source: PDFDocument;
  try {
    source = await PDFDocument.load(readFileSync(path), { updateMetadata: false });
  } catch {
    throw new AppError('INVALID_INPUT', 'Không đọc được tệp PDF để in bản sao (tệp hỏng hoặc có mật khẩu).', `pdf-lib cannot load ${path} for a paper copy`);
  }
  const pages = await doc.copyPages(source, source.getPageIndices());
  for (const p of pages) doc.addPage(p);
}

function drawBlock(c: DraftCanvas, b: CopyBlock): void {
  const leftWidth = CONTENT.width * HEADER_LEFT_SHARE;
  const leftCentre = CONTENT.left + leftWidth / 2;
  const rightCentre = CONTENT.left + leftWidth + (CONTENT.width - leftWidth) / 2;
  // Appendix I, Part II, II.2.a: the rule across the whole width of the text area.
  c.rule(CONTENT.left, CONTENT.right, c.y, RULE_WIDTH);
  let top = c.y - 10;
  let left = top;
  for (const part of c.wrap(upper(b.agencyName), 'bold', SIZE.agency, leftWidth - 8)) {
    c.centred(part.words.join(' '), leftCentre, baselineIn(left, SIZE.agency), 'bold', SIZE.agency);
    left -= lineHeight(SIZE.agency);
  }
  c.centred(`Số: ${b.numberNotation}`, leftCentre, baselineIn(left, SIZE.number), 'regular', SIZE.number);
  left -= lineHeight(SIZE.number);
  let right = top;
  c.centred(b.label, rightCentre, baselineIn(right, SIZE.title), 'bold', SIZE.title);
  right -= lineHeight(SIZE.title);
  c.centred(placeDateLine(b.place, b.date), rightCentre, baselineIn(right, SIZE.placeDate), 'italic', SIZE.placeDate);
  right -= lineHeight(SIZE.placeDate);
  top = Math.min(left, right) - 18;

  const signerLines = [b.signerCompetence ? `${upper(b.signerCompetence)}` : null, upper(b.signerPosition)].filter((l): l is string => l !== null);
  let y = top;
  const firstBaseline = baselineIn(y, SIZE.signer);
  for (const line of signerLines) {
    for (const part of c.wrap(line, 'bold', SIZE.signer, CONTENT.width - leftWidth - 8)) {
      c.centred(part.words.join(' '), rightCentre, baselineIn(y, SIZE.signer), 'bold', SIZE.signer);
      y -= lineHeight(SIZE.signer);
    }
  }
  c.centred(b.signerName, rightCentre, baselineIn(y - SIGNATURE_GAP, SIZE.signer), 'bold', SIZE.signer);

  c.text('Nơi nhận:', CONTENT.left, firstBaseline, 'boldItalic', SIZE.toPlacesLabel);
  let list = top - lineHeight(SIZE.toPlacesLabel);
  for (const line of toPlacesLines(b.recipients, null)) {
    for (const part of c.wrap(line, 'regular', SIZE.toPlaces, leftWidth - 8)) {
      c.text(part.words.join(' '), CONTENT.left, baselineIn(list, SIZE.toPlaces), 'regular', SIZE.toPlaces);
      list -= lineHeight(SIZE.toPlaces);
    }
  }
}

// The pages of `sourcePath` (nothing when null) followed by the copy block's page, as a new PDF
// for printing. Signatures of the source do not carry over: a paper copy is the printed pages,
// certified by the block's hand signature and seal.
export async function paperCopyPdf(sourcePath: string, block: CopyBlock, fontsDir?: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  await sourcePages(doc, sourcePath);
  const fonts = await embedDraftFonts(doc, JSON.stringify(block), fontsDir);
  const canvas = new DraftCanvas(doc, fonts);
  drawBlock(canvas, block);
  canvas.finish();
  doc.setTitle(`${block.label} ${block.numberNotation}`);
  doc.setAuthor(block.agencyName);
  doc.setCreator('VanThu Desktop');
  doc.setProducer('VanThu Desktop (pdf-lib)');
  doc.setLanguage('vi-VN');
  return doc.save({ useObjectStreams: false });
}
