import { deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { AppError } from '../../shared/errors.ts';
import { streamBody, type ObjectNumbers, type UpdateObject } from './incremental-writer.ts';
import { PdfDict, pdfName, PdfRef } from './pdf-values.ts';

// A signature or seal image is a few hundred pixels; this bounds what a bad file can make us
// allocate.
const MAX_PIXELS = 16_000_000;

export interface ImageXObject {
  readonly ref: PdfRef;
  readonly width: number;
  readonly height: number;
  readonly objects: UpdateObject[];
}

function badImage(detail: string): AppError {
  return new AppError('INVALID_INPUT', 'Ảnh chữ ký hoặc con dấu không phải tệp PNG hợp lệ. Hãy chọn lại ảnh PNG nền trong suốt.', detail);
}

// The PNG as an RGB image XObject; its alpha channel, when it has any transparency, as a
// /DeviceGray soft mask so the signature or seal keeps its transparent background.
export function pngToXObject(png: Uint8Array, numbers: ObjectNumbers): ImageXObject {
  const bytes = Buffer.from(png);
  if (bytes.length < 24 || bytes.toString('latin1', 1, 4) !== 'PNG') throw badImage('not a PNG signature');
  const declared = bytes.readUInt32BE(16) * bytes.readUInt32BE(20);
  if (declared === 0 || declared > MAX_PIXELS) throw badImage(`PNG of ${declared} pixels`);
  let image: PNG;
  try {
    image = PNG.sync.read(bytes);
  } catch (e) {
    throw badImage(`PNG decode failed: ${(e as Error).message}`);
  }
  const { width, height, data } = image;
  const rgb = Buffer.alloc(width * height * 3);
  const alpha = Buffer.alloc(width * height);
  let transparent = false;
  for (let p = 0; p < width * height; p++) {
    rgb[p * 3] = data[p * 4] as number;
    rgb[p * 3 + 1] = data[p * 4 + 1] as number;
    rgb[p * 3 + 2] = data[p * 4 + 2] as number;
    const a = data[p * 4 + 3] as number;
    alpha[p] = a;
    if (a !== 255) transparent = true;
  }
  const ref = new PdfRef(numbers.allocate(), 0);
  const objects: UpdateObject[] = [];
  const dict = new PdfDict()
    .set('Type', pdfName('XObject'))
    .set('Subtype', pdfName('Image'))
    .set('Width', width)
    .set('Height', height)
    .set('ColorSpace', pdfName('DeviceRGB'))
    .set('BitsPerComponent', 8)
    .set('Filter', pdfName('FlateDecode'));
  if (transparent) {
    const mask = numbers.allocate();
    dict.set('SMask', new PdfRef(mask, 0));
    const maskDict = new PdfDict()
      .set('Type', pdfName('XObject'))
      .set('Subtype', pdfName('Image'))
      .set('Width', width)
      .set('Height', height)
      .set('ColorSpace', pdfName('DeviceGray'))
      .set('BitsPerComponent', 8)
      .set('Filter', pdfName('FlateDecode'));
    objects.push({ num: mask, gen: 0, body: streamBody(maskDict, deflateSync(alpha)) });
  }
  objects.unshift({ num: ref.num, gen: 0, body: streamBody(dict, deflateSync(rgb)) });
  return { ref, width, height, objects };
}
