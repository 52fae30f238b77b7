import { AppError } from '../../shared/errors.ts';
import type { EngineBox, EngineLine } from './hocr-lines.ts';
import type { OcrEngine } from './ocr-engine.ts';
import { assembleSearchablePdf, type SearchablePage } from './searchable-pdf.ts';
import { openScan } from './scan-pages.ts';
import { type BinaryPage, readBinaryPng, strokeWidth } from './stroke-width.ts';

// A scan recognised page by page (docs/ocr.md): the text of each page and its words, each with
// its box in the page image's pixels (origin top left) and the engine's confidence (0–100).
// Progress is reported through each page; an abort stops at once, with the signal's reason.

export interface OcrBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface OcrWord {
  readonly text: string;
  readonly confidence: number;
  readonly bbox: OcrBox;
  // Width of the letters' stems in pixels (stroke-width.ts): bold is about 1.5 times regular.
  readonly strokePx: number | null;
}

export interface OcrLine {
  readonly bbox: OcrBox;
  // Where the line's letters sit, from its left end to its right: a skewed scan has a slope.
  readonly baseline: OcrBox;
  // The line's height from descenders to ascenders, in pixels: about its font size.
  readonly rowHeight: number;
  readonly words: readonly OcrWord[];
}

export interface OcrPage {
  readonly index: number; // 0-based
  // 'no-image': a PDF page with no scan on it (typed text), nothing recognised.
  readonly status: 'recognised' | 'no-image';
  readonly widthPx: number;
  readonly heightPx: number;
  readonly dpi: number;
  readonly dpiAssumed: boolean;
  readonly text: string;
  readonly confidence: number;
  readonly lines: readonly OcrLine[];
  // With `keepBinary`: the page as the engine thresholded it (a PNG), for showing a page whose
  // own image a browser cannot (TIFF).
  readonly binaryPng?: Uint8Array;
}

export interface OcrDocument {
  readonly kind: 'png' | 'jpeg' | 'tiff' | 'pdf';
  readonly pages: readonly OcrPage[];
  // Asked for with `searchablePdf`: the scan as a PDF with the text under each page image.
  readonly searchablePdf?: Uint8Array;
}

export interface OcrProgress {
  readonly page: number; // 1-based
  readonly pages: number;
  readonly pageFraction: number; // 0 to 1
  readonly fraction: number; // of the whole file
}

export interface RecogniseScanOptions {
  readonly engine: OcrEngine;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: OcrProgress) => void;
  readonly searchablePdf?: boolean;
  readonly keepBinary?: boolean;
}

// A hundred pages scanned at 300 dpi as JPEG are about 50 MB.
export const MAX_SCAN_BYTES = 200 * 1024 * 1024;

const box = (b: EngineBox): OcrBox => ({ x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 });
const round1 = (n: number): number => Math.round(n * 10) / 10;

function lineOf(line: EngineLine, binary: BinaryPage | null): OcrLine {
  const words = line.words
    .filter((w) => w.text.trim() !== '')
    .map((w) => {
      const stroke = binary ? strokeWidth(binary, w.bbox) : null;
      return { text: w.text.normalize('NFC'), confidence: round1(w.confidence), bbox: box(w.bbox), strokePx: stroke === null ? null : round1(stroke) };
    });
  return { bbox: box(line.bbox), baseline: box(line.baseline), rowHeight: line.rowHeight, words };
}

export async function recogniseScan(name: string, bytes: Uint8Array, { engine, signal, onProgress, searchablePdf = false, keepBinary = false }: RecogniseScanOptions): Promise<OcrDocument> {
  signal?.throwIfAborted();
  if (bytes.length === 0) throw new AppError('INVALID_INPUT', `Tệp "${name}" rỗng.`, `empty scan ${name}`);
  if (bytes.length > MAX_SCAN_BYTES) throw new AppError('INVALID_INPUT', `Tệp "${name}" lớn quá ${MAX_SCAN_BYTES / 1024 / 1024} MB: hãy tách thành từng văn bản.`, `scan of ${bytes.length} bytes`);
  const scan = await openScan(name, bytes);
  try {
    const total = scan.pages.length;
    const pages: OcrPage[] = [];
    const searchable: SearchablePage[] = [];
    for (const page of scan.pages) {
      signal?.throwIfAborted();
      const progress = (pageFraction: number): void => onProgress?.({ page: page.index + 1, pages: total, pageFraction, fraction: (page.index + pageFraction) / total });
      const image = page.image;
      if (!image) {
        pages.push({ index: page.index, status: 'no-image', widthPx: 0, heightPx: 0, dpi: 0, dpiAssumed: false, text: '', confidence: 0, lines: [] });
        searchable.push({ originalIndex: page.index });
        progress(1);
        continue;
      }
      progress(0);
      const { data } = image.load();
      const result = await engine.recognise(data, { dpi: image.dpi, ...(signal ? { signal } : {}), onProgress: progress, pdf: searchablePdf });
      if (result.pdf) searchable.push({ pdf: result.pdf });
      const binary = result.binary ? readBinaryPng(result.binary) : null;
      const lines = result.lines.map((l) => lineOf(l, binary)).filter((l) => l.words.length > 0);
      pages.push({ index: page.index, status: 'recognised', widthPx: image.widthPx, heightPx: image.heightPx, dpi: image.dpi, dpiAssumed: image.dpiAssumed, text: result.text.normalize('NFC'), confidence: round1(result.confidence), lines, ...(keepBinary && result.binary ? { binaryPng: result.binary } : {}) });
      progress(1);
    }
    if (!searchablePdf || !pages.some((p) => p.status === 'recognised')) return { kind: scan.kind, pages };
    return { kind: scan.kind, pages, searchablePdf: await assembleSearchablePdf(searchable, scan.kind === 'pdf' ? bytes : null) };
  } finally {
    scan.close();
  }
}
