import { AppError } from '../../shared/errors.ts';
import type { PageSize } from '../pdf/page-sizes.ts';
import { type PageImageStream, pageImageStreams } from '../pdf/page-images.ts';
import { listPages } from '../pdf/page-tree.ts';
import type { PdfReader } from '../pdf/pdf-reader.ts';
import { isArray, isName, PdfDict, PdfName, type PdfValue } from '../pdf/pdf-values.ts';
import { decodeStreamData } from '../pdf/stream-decode.ts';
import { MAX_PAGE_PIXELS } from './image-facts.ts';
import { encodePng } from './png-encode.ts';

// The scanned image of each page of a PDF (docs/ocr.md "Scanned PDFs"). A scanner or an
// image-to-PDF tool writes each page as one image drawn over the page: the largest image of the
// page is its scan. Its pixels are handed to the engine as they are stored, with no rendering:
// a JPEG (DCTDecode) stream IS a JPEG file; Flate-compressed grey or RGB samples become a PNG.
// The page's density is the image's width over the page's width. Rendering with pdftoppm would
// need poppler, which Windows does not have; pdf.js would need a canvas (a native module).

export type PdfPageImage = PageImageStream;

// The scan of each page, or null for a page that draws no image.
export function pageImages(reader: PdfReader): (PdfPageImage | null)[] {
  return listPages(reader).map((page) => {
    // A stencil mask is no scan; an image of no pixels reads nothing.
    const images = pageImageStreams(reader, page.dict).filter((i) => i.widthPx > 0 && i.heightPx > 0 && reader.resolve(i.stream.dict.get('ImageMask')) !== true);
    return images.sort((a, b) => b.widthPx * b.heightPx - a.widthPx * a.heightPx)[0] ?? null;
  });
}

export function densityOf(image: PdfPageImage, size: PageSize | undefined): number | null {
  if (!size || size.width <= 0) return null;
  const across = size.rotate % 180 === 0 ? size.width : size.height;
  return Math.round((image.widthPx * 72) / across);
}

function unsupported(page: number, detail: string): AppError {
  return new AppError(
    'INVALID_INPUT',
    `Trang ${page} của tệp PDF lưu ảnh quét theo cách chương trình chưa đọc được (${detail}): hãy quét lại dạng JPEG hoặc PNG.`,
    `scanned PDF page ${page}: unsupported image (${detail})`,
  );
}

const namesOf = (value: PdfValue | undefined): string[] => (value === undefined || value === null ? [] : isArray(value) ? value : [value]).map((f) => (f instanceof PdfName ? f.name : String(f)));

// Components per pixel of the colour spaces scanners write.
function channelsOf(reader: PdfReader, space: PdfValue | undefined): number | null {
  const v = reader.resolve(space);
  if (isName(v, 'DeviceGray') || isName(v, 'CalGray') || isName(v, 'G')) return 1;
  if (isName(v, 'DeviceRGB') || isName(v, 'CalRGB') || isName(v, 'RGB')) return 3;
  const list = reader.array(v);
  if (list && isName(list[0], 'ICCBased')) {
    const n = reader.dict(list[1])?.get('N');
    return n === 1 || n === 3 ? n : null;
  }
  if (list && isName(list[0], 'CalGray')) return 1;
  if (list && isName(list[0], 'CalRGB')) return 3;
  return null;
}

// The page's image as a file the engine decodes: JPEG or PNG bytes.
export function imageFile(reader: PdfReader, image: PdfPageImage, page: number): { format: 'jpeg' | 'png'; data: Uint8Array } {
  const { stream, widthPx: w, heightPx: h } = image;
  if (w * h > MAX_PAGE_PIXELS) throw new AppError('INVALID_INPUT', `Ảnh quét trang ${page} quá lớn (${w}×${h} điểm ảnh): hãy quét lại ở 300 dpi.`, `scanned PDF page ${page}: ${w}×${h} pixels`);
  const filters = namesOf(reader.resolve(stream.dict.get('Filter')));
  if (filters.length === 1 && filters[0] === 'DCTDecode') return { format: 'jpeg', data: reader.rawStreamData(stream) };
  if (filters.length > 1 || (filters.length === 1 && filters[0] !== 'FlateDecode')) throw unsupported(page, filters.join(', '));
  const channels = channelsOf(reader, stream.dict.get('ColorSpace'));
  const bits = reader.resolve(stream.dict.get('BitsPerComponent'));
  if (channels === null || (bits !== 8 && !(bits === 1 && channels === 1))) throw unsupported(page, `${String(bits)}-bit samples in this colour space`);
  const parms = reader.dict(stream.dict.get('DecodeParms'));
  const raw = reader.rawStreamData(stream);
  const samples = filters.length === 0 ? raw : decodeStreamData(new PdfDict([['Filter', new PdfName('FlateDecode')]]), raw, parms);
  const decode = reader.array(stream.dict.get('Decode'));
  const inverted = decode?.[0] === 1 && decode[1] === 0;
  const grey = bits === 1 ? expandBits(samples, w, h, inverted) : inverted ? samples.map((v) => 255 - v) : samples;
  if (grey.length < w * h * channels) throw unsupported(page, 'fewer samples than the image size');
  return { format: 'png', data: encodePng(w, h, channels as 1 | 3, grey) };
}

// One bit a pixel, rows padded to a byte, 1 white unless /Decode [1 0]: to 8-bit grey.
function expandBits(bits: Uint8Array, w: number, h: number, inverted: boolean): Uint8Array {
  const stride = Math.ceil(w / 8);
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const on = (((bits[y * stride + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1) === 1;
      out[y * w + x] = on !== inverted ? 255 : 0;
    }
  }
  return out;
}
