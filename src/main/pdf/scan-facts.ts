import { closeSync, openSync, readSync } from 'node:fs';
import type { ScanFacts, ScannedImage, ScannedPage } from '../../shared/domain/scan-standard.ts';
import { readPageSizes } from './page-sizes.ts';
import { listPages } from './page-tree.ts';
import { withReader, type PdfReader } from './pdf-reader.ts';
import { type PageImageStream, pageImageStreams } from './page-images.ts';
import { isName, PdfName, PdfStream, type PdfValue } from './pdf-values.ts';

// What the digitisation rules look at in a PDF (shared/domain/scan-standard.ts): its version and,
// per page, the images it draws (page-images.ts) with their pixel size and colour space. The
// pages' placed sizes come from readPageSizes.

// The header's version, raised by the catalog's /Version when that is later (PDF 32000 §7.5.2).
function headerVersion(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(1024);
    const n = readSync(fd, head, 0, head.length, 0);
    const m = /%PDF-(\d\.\d)/.exec(head.subarray(0, n).toString('latin1'));
    return m?.[1] ?? '0';
  } finally {
    closeSync(fd);
  }
}

// The colour space family of an image, and whether it holds colour (three or four components,
// or an indexed palette over such a space).
function colourOf(reader: PdfReader, value: PdfValue | undefined, depth = 0): { name: string; colour: boolean } {
  const v = reader.resolve(value);
  if (v instanceof PdfName) {
    const colour = ['DeviceRGB', 'DeviceCMYK', 'CalRGB', 'Lab', 'RGB', 'CMYK'].includes(v.name);
    return { name: v.name, colour };
  }
  const list = reader.array(v);
  if (list && list[0] instanceof PdfName && depth < 4) {
    const family = list[0].name;
    if (family === 'ICCBased') {
      const stream = reader.resolve(list[1]);
      const n = stream instanceof PdfStream ? reader.resolve(stream.dict.get('N')) : undefined;
      return { name: `ICCBased/${String(n)}`, colour: typeof n === 'number' && n >= 3 };
    }
    if (family === 'Indexed' || family === 'I') {
      const base = colourOf(reader, list[1], depth + 1);
      return { name: `Indexed/${base.name}`, colour: base.colour };
    }
    if (family === 'CalRGB' || family === 'Lab') return { name: family, colour: true };
    if (family === 'DeviceN') {
      const names = reader.array(list[1]);
      return { name: 'DeviceN', colour: (names?.length ?? 0) >= 3 };
    }
    return { name: family, colour: false };
  }
  return { name: 'none', colour: false };
}

function scannedImage(reader: PdfReader, { stream, widthPx, heightPx }: PageImageStream): ScannedImage {
  const d = stream.dict;
  const mask = reader.resolve(d.get('ImageMask')) === true;
  const filter = reader.resolve(d.get('Filter'));
  const jpx = isName(filter, 'JPXDecode') || (reader.array(filter) ?? []).some((f) => isName(f, 'JPXDecode'));
  // A JPEG 2000 image may leave its colour space to the codestream: we do not decode it, and
  // take it as colour rather than refuse a scan we cannot judge.
  const space = mask ? { name: 'ImageMask', colour: false } : d.get('ColorSpace') === undefined && jpx ? { name: 'JPX', colour: true } : colourOf(reader, d.get('ColorSpace'));
  return { widthPx, heightPx, colourSpace: space.name, colour: space.colour };
}

export async function readScanFacts(path: string): Promise<ScanFacts> {
  const sizes = await readPageSizes(path);
  return withReader(path, (reader) => {
    const catalogVersion = reader.resolve(reader.catalog().get('Version'));
    const header = headerVersion(path);
    const fromCatalog = catalogVersion instanceof PdfName ? catalogVersion.name : null;
    const pdfVersion = fromCatalog && Number.parseFloat(fromCatalog) > Number.parseFloat(header) ? fromCatalog : header;
    const pages: ScannedPage[] = listPages(reader).map((page, i) => {
      const images = pageImageStreams(reader, page.dict).map((image) => scannedImage(reader, image));
      const size = sizes[i] ?? { width: 0, height: 0, rotate: 0 };
      return { widthPt: size.width, heightPt: size.height, images };
    });
    return { pdfVersion, pages };
  });
}
