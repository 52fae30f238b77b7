import { PDFDocument } from 'pdf-lib';
import type { ScanFacts, ScannedPage } from '../../shared/domain/scan-standard.ts';
import { AppError } from '../../shared/errors.ts';

// Page images of a paper document (PNG or JPEG, one per page, in order) made into one PDF for
// digitising (docs/copies.md "Digitising"). Each page is the image at its real size, 100% scale
// (Appendix I, Part II, I.2.d), from the density the scanner wrote in the file (PNG pHYs, JPEG
// JFIF); an image without one is taken as a scan of an A4 sheet. The facts the digitisation
// standard checks are read from the images themselves: pdf-lib may write a grey PNG as RGB, and
// a grey scan must not pass as colour for that.

const A4_SHORT_IN = 210 / 25.4;
const A4_LONG_IN = 297 / 25.4;

export interface PageImage {
  readonly name: string;
  readonly data: Uint8Array;
}

interface ImageHeader {
  readonly type: 'png' | 'jpeg';
  readonly widthPx: number;
  readonly heightPx: number;
  readonly colour: boolean;
  readonly colourSpace: string;
  // Pixels per inch, when the file says.
  readonly density: { x: number; y: number } | null;
}

function notAnImage(name: string): AppError {
  return new AppError('INVALID_INPUT', `Tệp "${name}" không phải ảnh PNG hoặc JPEG đọc được.`, `page image ${name} is not a readable PNG or JPEG`);
}

function pngHeader(name: string, b: Buffer): ImageHeader {
  if (b.length < 33 || b.readUInt32BE(12) !== 0x49484452) throw notAnImage(name);
  const colourType = b[25] ?? 0;
  let density: ImageHeader['density'] = null;
  // Chunks after IHDR, up to the first image data: pHYs must come before IDAT.
  for (let at = 8; at + 12 <= b.length; ) {
    const length = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT' || type === 'IEND') break;
    if (type === 'pHYs' && length === 9 && b[at + 16] === 1) {
      // Pixels per metre.
      density = { x: b.readUInt32BE(at + 8) * 0.0254, y: b.readUInt32BE(at + 12) * 0.0254 };
    }
    at += 12 + length;
  }
  // 2 truecolour, 3 palette, 6 truecolour with alpha; 0 and 4 are grey.
  const colour = colourType === 2 || colourType === 3 || colourType === 6;
  return { type: 'png', widthPx: b.readUInt32BE(16), heightPx: b.readUInt32BE(20), colour, colourSpace: colour ? 'DeviceRGB' : 'DeviceGray', density };
}

function jpegHeader(name: string, b: Buffer): ImageHeader {
  let density: ImageHeader['density'] = null;
  for (let at = 2; at + 4 <= b.length; ) {
    if (b[at] !== 0xff) throw notAnImage(name);
    const marker = b[at + 1] ?? 0;
    const length = b.readUInt16BE(at + 2);
    if (marker === 0xe0 && b.toString('latin1', at + 4, at + 9) === 'JFIF\u0000') {
      const unit = b[at + 11];
      const x = b.readUInt16BE(at + 12);
      const y = b.readUInt16BE(at + 14);
      if (unit === 1 && x > 0 && y > 0) density = { x, y };
      if (unit === 2 && x > 0 && y > 0) density = { x: x * 2.54, y: y * 2.54 };
    }
    // Start of frame (baseline, progressive…): height, width, then the number of components.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const components = b[at + 9] ?? 0;
      return {
        type: 'jpeg',
        heightPx: b.readUInt16BE(at + 5),
        widthPx: b.readUInt16BE(at + 7),
        colour: components >= 3,
        colourSpace: components === 4 ? 'DeviceCMYK' : components === 3 ? 'DeviceRGB' : 'DeviceGray',
        density,
      };
    }
    at += 2 + length;
  }
  throw notAnImage(name);
}

function headerOf(image: PageImage): ImageHeader {
  const b = Buffer.from(image.data);
  if (b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return pngHeader(image.name, b);
  if (b[0] === 0xff && b[1] === 0xd8) return jpegHeader(image.name, b);
  throw notAnImage(image.name);
}

// The page in points: the image's real size from its density, else the A4 sheet it fits.
function pageSize(h: ImageHeader): { width: number; height: number } {
  if (h.density && h.density.x >= 1 && h.density.y >= 1) return { width: (h.widthPx / h.density.x) * 72, height: (h.heightPx / h.density.y) * 72 };
  const portrait = h.heightPx >= h.widthPx;
  const [wIn, hIn] = portrait ? [A4_SHORT_IN, A4_LONG_IN] : [A4_LONG_IN, A4_SHORT_IN];
  const scale = Math.min(wIn / h.widthPx, hIn / h.heightPx);
  return { width: h.widthPx * scale * 72, height: h.heightPx * scale * 72 };
}

export async function imagesToPdf(images: readonly PageImage[]): Promise<{ pdf: Uint8Array; facts: ScanFacts }> {
  if (images.length === 0) throw new AppError('INVALID_INPUT', 'Chưa chọn ảnh trang nào.', 'no page images');
  const doc = await PDFDocument.create();
  doc.setProducer('VanThu Desktop');
  doc.setCreator('VanThu Desktop (số hóa văn bản giấy)');
  const pages: ScannedPage[] = [];
  for (const image of images) {
    const header = headerOf(image);
    let embedded;
    try {
      embedded = header.type === 'png' ? await doc.embedPng(image.data) : await doc.embedJpg(image.data);
    } catch {
      throw notAnImage(image.name);
    }
    const size = pageSize(header);
    const page = doc.addPage([size.width, size.height]);
    page.drawImage(embedded, { x: 0, y: 0, width: size.width, height: size.height });
    pages.push({
      widthPt: size.width,
      heightPt: size.height,
      images: [{ widthPx: header.widthPx, heightPx: header.heightPx, colour: header.colour, colourSpace: header.colourSpace }],
    });
  }
  const pdf = await doc.save({ useObjectStreams: false });
  const version = /%PDF-(\d\.\d)/.exec(Buffer.from(pdf.subarray(0, 16)).toString('latin1'))?.[1] ?? '0';
  return { pdf, facts: { pdfVersion: version, pages } };
}
