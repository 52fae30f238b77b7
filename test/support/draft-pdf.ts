import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { ROOT } from './cli.ts';

// A one-page document laid out like a Decree 30 draft, made by pdf-lib with Liberation Serif: the
// texts the signing steps anchor to ("Số:", the place before the date, the signer's name) sit
// where a real draft has them, with the number and date left blank.
export const DRAFT_TEXT = {
  number: 'Số:',
  place: 'Xã Thử Nghiệm,',
  signer: 'Nguyễn Văn An',
} as const;

export async function draftPdf(path: string, options: { pages?: number; place?: string } = {}): Promise<string> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(readFileSync(join(ROOT, 'resources', 'fonts', 'LiberationSerif-Regular.ttf')), { subset: true });
  const pages = options.pages ?? 1;
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595.28, 841.89]);
    if (i === 0) {
      page.drawText('ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM', { x: 90, y: 770, size: 12, font });
      page.drawText(DRAFT_TEXT.number, { x: 120, y: 745, size: 13, font });
      page.drawText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { x: 300, y: 770, size: 12, font });
      page.drawText(options.place ?? DRAFT_TEXT.place, { x: 330, y: 745, size: 13, font });
      page.drawText('QUYẾT ĐỊNH về việc thử nghiệm ký số', { x: 180, y: 690, size: 13, font });
    }
    page.drawText(`Nội dung trang ${i + 1}.`, { x: 90, y: 600, size: 13, font });
    if (i === pages - 1) {
      page.drawText('CHỦ TỊCH', { x: 390, y: 300, size: 13, font });
      page.drawText(DRAFT_TEXT.signer, { x: 375, y: 200, size: 13, font });
    }
  }
  writeFileSync(path, await doc.save());
  return path;
}
