import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AppError } from '../../../shared/errors.ts';

// pdf.js reads whole files into memory; placing a signature by anchor text is for documents a
// clerk drafts, not for 200 MB scans, so larger files must be placed by coordinates instead.
export const ANCHOR_SEARCH_MAX_BYTES = 64 * 1024 * 1024;

// Loads pdf.js in the main process without a worker file: registering its worker module on
// globalThis makes pdf.js run the parser in this thread, which also works once the main process
// is bundled into one file, where pdf.js could not find a separate worker script.
async function loadPdfjs(): Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> {
  const holder = globalThis as { pdfjsWorker?: unknown };
  // @ts-expect-error pdf.js ships no types for its worker module; only its presence matters here.
  if (!holder.pdfjsWorker) holder.pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}

export async function openWithPdfjs(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  if (bytes.length > ANCHOR_SEARCH_MAX_BYTES) {
    throw new AppError(
      'INVALID_INPUT',
      `Tệp quá lớn để tìm vị trí theo chữ (trên ${ANCHOR_SEARCH_MAX_BYTES / 1024 / 1024} MB): hãy chọn vị trí bằng tọa độ (trang và khung).`,
      `anchor search refused: ${bytes.length} bytes`,
    );
  }
  const pdfjs = await loadPdfjs();
  try {
    return await pdfjs.getDocument({ data: bytes, useSystemFonts: false, disableFontFace: true, verbosity: 0, stopAtErrors: true }).promise;
  } catch (e) {
    throw new AppError('PDF_UNSUPPORTED', 'Không đọc được nội dung tệp PDF để tìm vị trí ký.', `pdf.js: ${(e as Error).message}`);
  }
}
