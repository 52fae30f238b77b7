import { AppError } from '../../shared/errors.ts';
import { brokenPdf } from './pdf-errors.ts';
import type { PdfReader } from './pdf-reader.ts';
import { isName, PdfDict, PdfRef, type PdfValue } from './pdf-values.ts';

export interface PageEntry {
  readonly ref: PdfRef;
  readonly dict: PdfDict;
  // Attributes a page inherits from its ancestors (PDF 32000 §7.7.3.4), resolved here once.
  readonly mediaBox: PdfValue | undefined;
  readonly cropBox: PdfValue | undefined;
  readonly rotate: PdfValue | undefined;
}

const MAX_DEPTH = 64;
const INHERITED = ['MediaBox', 'CropBox', 'Rotate'] as const;

// Every page in order, walking /Kids with loop and depth guards.
export function listPages(reader: PdfReader): PageEntry[] {
  const rootRef = reader.catalog().get('Pages');
  if (!(rootRef instanceof PdfRef)) throw brokenPdf('catalog /Pages is not a reference');
  const pages: PageEntry[] = [];
  const seen = new Set<number>();
  const walk = (ref: PdfRef, inherited: Partial<Record<(typeof INHERITED)[number], PdfValue>>, depth: number): void => {
    if (depth > MAX_DEPTH) throw brokenPdf('page tree too deep');
    if (seen.has(ref.num)) throw brokenPdf(`page tree loop at object ${ref.num}`);
    seen.add(ref.num);
    const node = reader.dict(ref);
    if (!node) throw brokenPdf(`page tree node ${ref.num} is not a dictionary`);
    const own = { ...inherited };
    for (const key of INHERITED) {
      const v = node.get(key);
      if (v !== undefined) own[key] = reader.resolve(v);
    }
    const kids = node.get('Kids');
    if (isName(node.get('Type'), 'Pages') || (kids !== undefined && !isName(node.get('Type'), 'Page'))) {
      const list = reader.array(kids);
      if (!list) throw brokenPdf(`page tree node ${ref.num} has no /Kids array`);
      for (const kid of list) {
        if (!(kid instanceof PdfRef)) throw brokenPdf(`page tree node ${ref.num} has a direct kid`);
        walk(kid, own, depth + 1);
      }
      return;
    }
    pages.push({ ref, dict: node, mediaBox: own.MediaBox, cropBox: own.CropBox, rotate: own.Rotate });
  };
  walk(rootRef, {}, 0);
  return pages;
}

export function pageAt(reader: PdfReader, index: number): PageEntry {
  const pages = listPages(reader);
  const page = pages[index];
  if (!Number.isInteger(index) || !page) {
    throw new AppError(
      'INVALID_INPUT',
      `Trang ${index + 1} không có trong tài liệu (tài liệu có ${pages.length} trang).`,
      `page index ${index} requested, the document has ${pages.length} pages`,
    );
  }
  return page;
}
