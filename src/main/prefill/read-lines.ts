import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { groupLines, type PageLines, type TextRun } from './text-lines.ts';

interface PositionedItem {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly fontName?: string;
}

interface FreeText {
  readonly subtype?: string;
  readonly rect?: readonly number[];
  readonly contentsObj?: { readonly str?: string };
}

// A page holding more text runs than this is not a letter: reading stops there, so a hostile
// file cannot make the form wait on millions of runs.
const MAX_RUNS = 20_000;

function isItem(item: unknown): item is PositionedItem {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

// Horizontal text only: the size is the transform's vertical scale.
function contentRuns(items: readonly unknown[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const item of items.slice(0, MAX_RUNS)) {
    if (!isItem(item) || item.str.trim() === '') continue;
    const [a = 0, b = 0, , d = 0, x = 0, y = 0] = item.transform;
    if (Math.abs(b) > Math.abs(a) * 0.05) continue; // rotated or vertical text: not the layout read here
    runs.push({ text: item.str, x, y, width: item.width, size: Math.abs(d) || Math.abs(a), font: item.fontName ?? '' });
  }
  return runs;
}

// The number and date this app writes into an approved PDF are FreeText annotations
// (signing/fill-number.ts), not page content: their text and box are read as runs too, the
// baseline a fifth of the box above its bottom (the font's descent).
function annotationRuns(annotations: readonly FreeText[]): TextRun[] {
  const runs: TextRun[] = [];
  for (const a of annotations) {
    const text = a.contentsObj?.str ?? '';
    if (a.subtype !== 'FreeText' || !a.rect || a.rect.length !== 4 || text.trim() === '' || /[\r\n]/.test(text.trim())) continue;
    const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = a.rect;
    const height = Math.abs(y2 - y1);
    runs.push({ text, x: Math.min(x1, x2), y: Math.min(y1, y2) + height * 0.195, width: Math.abs(x2 - x1), size: height / 1.107, font: 'annotation' });
  }
  return runs;
}

export async function readPageLines(doc: PDFDocumentProxy, index: number): Promise<PageLines> {
  const page = await doc.getPage(index + 1);
  try {
    const [, , width = 595, height = 842] = page.view;
    const content = await page.getTextContent();
    const annotations = (await page.getAnnotations()) as FreeText[];
    return { index, width, height, lines: groupLines([...contentRuns(content.items), ...annotationRuns(annotations)]) };
  } finally {
    page.cleanup();
  }
}
