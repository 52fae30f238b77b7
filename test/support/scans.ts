import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { draftPdf } from './draft-pdf.ts';

// Page images of a paper document as a scanner gives them: a draft laid out like a Decree 30
// document rasterised by poppler's pdftoppm, which writes the resolution into the file (PNG pHYs,
// JPEG JFIF) as a scanner does. `gray` rewrites each PNG as a greyscale PNG (colour type 0) with
// pngjs: this pdftoppm writes RGB whatever -gray says.
export async function scanImages(dir: string, name: string, options: { dpi: number; format: 'png' | 'jpeg'; gray?: boolean; pages?: number }): Promise<string[]> {
  const pdf = await draftPdf(join(dir, `${name}-paper.pdf`), { pages: options.pages ?? 1, place: 'Xã Hòa Tiến,' });
  execFileSync('pdftoppm', ['-r', String(options.dpi), options.format === 'png' ? '-png' : '-jpeg', pdf, join(dir, name)]);
  const files = readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && /\.(png|jpg)$/.test(f))
    .sort()
    .map((f) => join(dir, f));
  if (options.gray) {
    if (options.format !== 'png') throw new Error('grey scans are made as PNG');
    for (const f of files) writeFileSync(f, PNG.sync.write(PNG.sync.read(readFileSync(f)), { colorType: 0 }));
  }
  return files;
}

// A scanned PDF as a scanner's own software writes it: each page one JPEG filling an A4 page.
// `version` rewrites the header (same length) to test the PDF 1.4 rule.
export async function scannedPdf(dir: string, name: string, options: { dpi: number; gray?: boolean; version?: string }): Promise<string> {
  const images = await scanImages(dir, name, { dpi: options.dpi, format: 'jpeg', ...(options.gray ? { gray: true } : {}) });
  const doc = await PDFDocument.create();
  for (const path of images) {
    const jpg = await doc.embedJpg(readFileSync(path));
    const page = doc.addPage([595.28, 841.89]);
    page.drawImage(jpg, { x: 0, y: 0, width: 595.28, height: 841.89 });
  }
  const bytes = Buffer.from(await doc.save());
  if (options.version) bytes.write(`%PDF-${options.version}`, 0, 'latin1');
  const out = join(dir, `${name}.pdf`);
  writeFileSync(out, bytes);
  return out;
}

export function base64Of(path: string): string {
  return readFileSync(path).toString('base64');
}

// pdfimages -list, per image: page, width, height, colour ("rgb", "gray", "cmyk"…), x-ppi, y-ppi.
export function pdfImages(path: string): Array<{ page: number; width: number; height: number; color: string; xPpi: number; yPpi: number }> {
  const out = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '')
    .map((l) => l.trim().split(/\s+/))
    .map((c) => ({ page: Number(c[0]), width: Number(c[3]), height: Number(c[4]), color: c[5] ?? '', xPpi: Number(c[12]), yPpi: Number(c[13]) }));
}

export function pdfText(path: string, options: { first?: number; last?: number } = {}): string {
  return execFileSync('pdftotext', ['-layout', ...(options.first ? ['-f', String(options.first)] : []), ...(options.last ? ['-l', String(options.last)] : []), path, '-'], {
    encoding: 'utf8',
  });
}

export function pageCount(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}
