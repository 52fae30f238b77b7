import { AppError } from '../../shared/errors.ts';

// What the OCR needs to know of a page image before the engine decodes it (docs/ocr.md): its
// format, its size in pixels and its density, read from the file's own header. The engine
// (Leptonica inside tesseract.js-core) decodes PNG, JPEG and TIFF itself; reading the header
// here gives the page's frame for the boxes and refuses a broken or oversized file with a clear
// message before a worker is started.

export type ImageFormat = 'png' | 'jpeg' | 'tiff';

export interface ImageFacts {
  readonly format: ImageFormat;
  readonly widthPx: number;
  readonly heightPx: number;
  // Pixels per inch the file declares, or null.
  readonly dpi: number | null;
}

// An A4 page at 600 dpi is 35 million pixels; more is not a scanned letter, and the engine's
// memory grows with the page.
export const MAX_PAGE_PIXELS = 40_000_000;
// A multi-page TIFF of more pages than this is not one incoming document.
export const MAX_TIFF_PAGES = 500;

export function badImage(name: string, detail: string): AppError {
  return new AppError('INVALID_INPUT', `Tệp "${name}" không phải ảnh quét đọc được (PNG, JPEG, TIFF) hoặc bị hỏng.`, `page image ${name}: ${detail}`);
}

export function sniffFormat(b: Uint8Array): ImageFormat | 'pdf' | null {
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if ((b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a)) return 'tiff';
  if (Buffer.from(b.subarray(0, 1024)).toString('latin1').includes('%PDF-')) return 'pdf';
  return null;
}

function checked(name: string, facts: ImageFacts): ImageFacts {
  const { widthPx: w, heightPx: h } = facts;
  if (!Number.isInteger(w) || !Number.isInteger(h) || w < 16 || h < 16) throw badImage(name, `size ${w}×${h}`);
  if (w * h > MAX_PAGE_PIXELS) {
    throw new AppError('INVALID_INPUT', `Ảnh "${name}" quá lớn (${w}×${h} điểm ảnh): hãy quét lại ở 300 dpi.`, `page image ${name} of ${w}×${h} pixels over ${MAX_PAGE_PIXELS}`);
  }
  const dpi = facts.dpi !== null && facts.dpi >= 50 && facts.dpi <= 2400 ? facts.dpi : null;
  return { ...facts, dpi };
}

function pngFacts(name: string, b: Buffer): ImageFacts {
  if (b.length < 33 || b.toString('latin1', 12, 16) !== 'IHDR') throw badImage(name, 'no PNG IHDR');
  let dpi: number | null = null;
  for (let at = 8; at + 12 <= b.length; ) {
    const length = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT' || type === 'IEND') break;
    // pHYs in pixels per metre, unit 1.
    if (type === 'pHYs' && length === 9 && at + 17 <= b.length && b[at + 16] === 1) dpi = Math.round(b.readUInt32BE(at + 8) * 0.0254);
    at += 12 + length;
  }
  return { format: 'png', widthPx: b.readUInt32BE(16), heightPx: b.readUInt32BE(20), dpi };
}

function jpegFacts(name: string, b: Buffer): ImageFacts {
  let dpi: number | null = null;
  for (let at = 2; at + 4 <= b.length; ) {
    if (b[at] !== 0xff) throw badImage(name, `no JPEG marker at ${at}`);
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const length = b.readUInt16BE(at + 2);
    if (marker === 0xe0 && at + 16 <= b.length && b.toString('latin1', at + 4, at + 9) === 'JFIF\u0000') {
      const unit = b[at + 11];
      const x = b.readUInt16BE(at + 12);
      if (unit === 1) dpi = x;
      if (unit === 2) dpi = Math.round(x * 2.54);
    }
    // A start of frame (baseline, progressive…) gives the size; C4, C8 and CC are not frames.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc && at + 9 <= b.length) {
      return { format: 'jpeg', heightPx: b.readUInt16BE(at + 5), widthPx: b.readUInt16BE(at + 7), dpi };
    }
    at += 2 + length;
  }
  throw badImage(name, 'no JPEG frame header');
}

interface TiffReader {
  readonly u16: (at: number) => number;
  readonly u32: (at: number) => number;
}

function tiffReader(name: string, b: Buffer): TiffReader {
  const little = b[0] === 0x49;
  const bound = (at: number, n: number): number => {
    if (at < 0 || at + n > b.length) throw badImage(name, `TIFF offset ${at} outside the file`);
    return at;
  };
  return {
    u16: (at) => (little ? b.readUInt16LE(bound(at, 2)) : b.readUInt16BE(bound(at, 2))),
    u32: (at) => (little ? b.readUInt32LE(bound(at, 4)) : b.readUInt32BE(bound(at, 4))),
  };
}

// The offsets of a TIFF's image file directories, one per page, in order.
export function tiffDirectories(name: string, bytes: Uint8Array): number[] {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const r = tiffReader(name, b);
  const offsets: number[] = [];
  const seen = new Set<number>();
  for (let at = r.u32(4); at !== 0; ) {
    if (seen.has(at)) throw badImage(name, `TIFF directory loop at ${at}`);
    if (offsets.length >= MAX_TIFF_PAGES) {
      throw new AppError('INVALID_INPUT', `Tệp "${name}" có hơn ${MAX_TIFF_PAGES} trang: hãy tách thành từng văn bản.`, `TIFF of more than ${MAX_TIFF_PAGES} pages`);
    }
    seen.add(at);
    offsets.push(at);
    at = r.u32(at + 2 + r.u16(at) * 12);
  }
  if (offsets.length === 0) throw badImage(name, 'TIFF without an image directory');
  return offsets;
}

function tiffFacts(name: string, b: Buffer, directory: number): ImageFacts {
  const r = tiffReader(name, b);
  const count = r.u16(directory);
  const tags = new Map<number, { type: number; at: number }>();
  for (let i = 0; i < count; i++) {
    const at = directory + 2 + i * 12;
    tags.set(r.u16(at), { type: r.u16(at + 2), at: at + 8 });
  }
  // SHORT (3) or LONG (4) held in the entry itself.
  const int = (tag: number): number | null => {
    const t = tags.get(tag);
    if (!t) return null;
    return t.type === 3 ? r.u16(t.at) : t.type === 4 ? r.u32(t.at) : null;
  };
  // RATIONAL (5): two LONGs at the offset the entry holds.
  const rational = (tag: number): number | null => {
    const t = tags.get(tag);
    if (!t || t.type !== 5) return null;
    const at = r.u32(t.at);
    const den = r.u32(at + 4);
    return den === 0 ? null : r.u32(at) / den;
  };
  const width = int(256);
  const height = int(257);
  if (width === null || height === null) throw badImage(name, 'TIFF directory without width or height');
  const x = rational(282);
  const unit = int(296) ?? 2; // 2: inch, 3: centimetre
  const dpi = x === null || unit === 1 ? null : Math.round(unit === 3 ? x * 2.54 : x);
  return { format: 'tiff', widthPx: width, heightPx: height, dpi };
}

// The header of one page image. For a TIFF, `directory` is the page's image file directory.
export function readImageFacts(name: string, bytes: Uint8Array, directory?: number): ImageFacts {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = sniffFormat(bytes);
  try {
    if (format === 'png') return checked(name, pngFacts(name, b));
    if (format === 'jpeg') return checked(name, jpegFacts(name, b));
    if (format === 'tiff') return checked(name, tiffFacts(name, b, directory ?? tiffDirectories(name, bytes)[0] as number));
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw badImage(name, (e as Error).message);
  }
  throw badImage(name, 'not a PNG, JPEG or TIFF signature');
}

// The TIFF with page `directory` as its first: the header's pointer to the first directory is the
// only change (every offset in a TIFF is from the start of the file), and the engine reads the
// first page of what it is given.
export function tiffPage(bytes: Uint8Array, directory: number): Uint8Array {
  const out = Buffer.from(bytes);
  if (out[0] === 0x49) out.writeUInt32LE(directory, 4);
  else out.writeUInt32BE(directory, 4);
  return out;
}
