import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Rect } from '../../pdf/sign-pdf.ts';

// Where a piece of text sits on a page, in PDF points with the origin at the bottom left.
export interface TextHit {
  readonly page: number; // 0-based
  readonly rect: Rect;
}

interface PositionedRun {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly height: number;
}

function isRun(item: unknown): item is PositionedRun {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

function fold(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('vi');
}

// Finds the first run containing `needle` (case-insensitive, NFC) on the given pages, in page
// order. Horizontal text only: the x of the match is interpolated along the run, which is exact
// enough to place a signature next to a word and wrong only by a glyph or two.
export async function findText(doc: PDFDocumentProxy, needle: string, pages: readonly number[]): Promise<TextHit | null> {
  const wanted = fold(needle.trim());
  if (wanted === '') return null;
  for (const index of pages) {
    if (index < 0 || index >= doc.numPages) continue;
    const page = await doc.getPage(index + 1);
    const content = await page.getTextContent();
    for (const item of content.items) {
      if (!isRun(item)) continue;
      const at = fold(item.str).indexOf(wanted);
      if (at < 0) continue;
      const [, , , , x = 0, y = 0] = item.transform;
      const perChar = item.str.length > 0 ? item.width / item.str.length : 0;
      const x1 = x + perChar * at;
      const height = item.height || Math.abs(item.transform[3] ?? 0);
      return { page: index, rect: [x1, y, x1 + perChar * wanted.length, y + height] };
    }
  }
  return null;
}

// The rectangles of the visible signature widgets on a page, in file order: the agency's seal is
// placed against the leader's signature image.
export async function signatureWidgets(doc: PDFDocumentProxy, pageIndex: number): Promise<Rect[]> {
  if (pageIndex < 0 || pageIndex >= doc.numPages) return [];
  const page = await doc.getPage(pageIndex + 1);
  const annotations = (await page.getAnnotations()) as Array<{ fieldType?: string; rect?: number[] }>;
  return annotations
    .filter((a) => a.fieldType === 'Sig' && Array.isArray(a.rect) && a.rect.length === 4)
    .map((a) => a.rect as unknown as Rect)
    .filter(([x1, y1, x2, y2]) => x2 - x1 > 1 && y2 - y1 > 1);
}
