import type { PdfReader } from './pdf-reader.ts';
import { isName, type PdfDict, PdfStream } from './pdf-values.ts';

// The images a page draws, as scanners and image-to-PDF tools write them: the image XObjects of
// the page's /Resources (inherited from its ancestors, PDF 32000 §7.7.3.4) and of the forms it
// draws, two levels deep. Read by the digitisation check (scan-facts.ts) and by OCR
// (ocr/pdf-page-images.ts). Only images with a numeric size are returned.

const MAX_FORM_DEPTH = 2;

export interface PageImageStream {
  readonly stream: PdfStream;
  readonly widthPx: number;
  readonly heightPx: number;
}

function resourcesOf(reader: PdfReader, dict: PdfDict): PdfDict | undefined {
  let node: PdfDict | undefined = dict;
  for (let i = 0; node && i < 64; i += 1) {
    const res = reader.dict(node.get('Resources'));
    if (res) return res;
    node = reader.dict(node.get('Parent'));
  }
  return undefined;
}

function imagesIn(reader: PdfReader, resources: PdfDict | undefined, depth: number, out: PageImageStream[]): void {
  const xobjects = reader.dict(resources?.get('XObject'));
  if (!xobjects) return;
  for (const value of xobjects.entries.values()) {
    const stream = reader.resolve(value);
    if (!(stream instanceof PdfStream)) continue;
    const subtype = reader.resolve(stream.dict.get('Subtype'));
    if (isName(subtype, 'Image')) {
      const widthPx = reader.resolve(stream.dict.get('Width'));
      const heightPx = reader.resolve(stream.dict.get('Height'));
      if (typeof widthPx === 'number' && typeof heightPx === 'number') out.push({ stream, widthPx, heightPx });
    } else if (isName(subtype, 'Form') && depth < MAX_FORM_DEPTH) {
      imagesIn(reader, reader.dict(stream.dict.get('Resources')), depth + 1, out);
    }
  }
}

export function pageImageStreams(reader: PdfReader, pageDict: PdfDict): PageImageStream[] {
  const out: PageImageStream[] = [];
  imagesIn(reader, resourcesOf(reader, pageDict), 0, out);
  return out;
}
