import { PDFDocument } from 'pdf-lib';
import { placeDateLine } from '../../../shared/domain/signature-kinds.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Profile } from '../../profile/open-profile.ts';
import { getAgencyProfile } from '../../registry/agency-repo.ts';
import { today } from '../../registry/clock.ts';
import { processingHistory } from '../../registry/processing-record.ts';
import { writeWholeFile } from '../output-file.ts';
import { embedBookFonts } from '../pdf/book-fonts.ts';
import { FlowWriter } from '../pdf/flow-writer.ts';
import { drawFormHeader } from '../pdf/form-header.ts';
import { LEGAL_PORTRAIT } from '../pdf/page-layout.ts';
import { slipText } from './slip-text.ts';

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
  // A4 portrait with the margins of Appendix I.
  const w = new FlowWriter(doc, fonts, LEGAL_PORTRAIT);
  drawFormHeader(w, text);
  w.paragraph('PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN', 'bold', 14, { centre: true, gap: 4 });
  w.paragraph(text.about, 'regular', 13, { centre: true });
  w.paragraph(text.subject, 'regular', 13, { centre: true });
  w.paragraph(text.arrival, 'italic', 12, { centre: true, gap: 4 });
  const centre = w.left + w.width / 2;
  w.page.line(centre - 40, w.cursor - 6, centre + 40, w.cursor - 6);
  w.at(w.cursor - 16);
  for (const section of text.sections) {
    w.paragraph(section.heading, 'bold', 13, { gap: 2 });
    if (section.lines.length === 0) w.dottedLines(3, 13);
    for (const line of section.lines) w.paragraph(line, 'regular', 13, { indent: 14 });
    w.at(w.cursor - 10);
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
