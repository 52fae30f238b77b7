import { PDFDocument } from 'pdf-lib';

// The searchable PDF of a scan (docs/ocr.md "Searchable"): one PDF that the engine wrote per
// page (the page image with the recognised text invisible under it), put together in order. A
// page of a scanned PDF that drew no image (typed text, already searchable) is taken from the
// original as it is. The original file is only read.

export type SearchablePage = { readonly pdf: Uint8Array } | { readonly originalIndex: number };

export async function assembleSearchablePdf(pages: readonly SearchablePage[], original: Uint8Array | null): Promise<Uint8Array> {
  const out = await PDFDocument.create();
  out.setProducer('VanThu Desktop (tesseract.js)');
  const source = pages.some((p) => 'originalIndex' in p) && original ? await PDFDocument.load(original, { updateMetadata: false }) : null;
  for (const page of pages) {
    if ('pdf' in page) {
      const one = await PDFDocument.load(page.pdf, { updateMetadata: false });
      for (const copied of await out.copyPages(one, one.getPageIndices())) out.addPage(copied);
    } else if (source) {
      const [copied] = await out.copyPages(source, [page.originalIndex]);
      if (copied) out.addPage(copied);
    }
  }
  return out.save({ useObjectStreams: false });
}
