import { readFile, stat } from 'node:fs/promises';
import { AppError } from '../../../shared/errors.ts';
import type { SignatureKind } from '../../../shared/domain/signature-kinds.ts';
import type { Rect } from '../../pdf/sign-pdf.ts';
import { findText, signatureWidgets } from './page-text.ts';
import { ANCHOR_SEARCH_MAX_BYTES, openWithPdfjs } from './pdfjs-node.ts';

const MM = 72 / 25.4;
// The attachment and copy lines sit in the top margin (20–25 mm), right-aligned to the right
// margin (15–20 mm): 20 mm from the right edge, their top 10 mm below the top edge.
const LINE_RIGHT = 20 * MM;
const LINE_TOP = 10 * MM;
// The leader's image: a box of about 53 × 25 mm above the signer's name, as the space between
// the position line and the name usually is.
const IMAGE_WIDTH = 150;
const IMAGE_HEIGHT = 70;
const IMAGE_GAP = 6;
// A commune's seal is 35–36 mm across; the clerk sets another size in the settings or the CLI.
export const DEFAULT_SEAL_MM = 36;

export interface PageSize {
  readonly width: number;
  readonly height: number;
}

export interface PlacementRequest {
  readonly path: string;
  readonly kind: SignatureKind;
  readonly pages: readonly PageSize[];
  // Chosen by the clerk (the preview, or --page/--rect): used as given.
  readonly explicit?: { readonly page: number; readonly rect: Rect } | null;
  // Text to place the approval image above (the signer's name, for example).
  readonly anchor?: string | null;
  // When the anchor is a guess (the app tries the document's signer name), a page without it
  // falls back to the default place instead of failing.
  readonly anchorOptional?: boolean;
  // For the text kinds: the width and size of the line to place.
  readonly line?: { readonly width: number; readonly size: number } | null;
  readonly sealMm?: number;
}

export interface Placement {
  readonly page: number;
  readonly rect: Rect;
  readonly basis: 'explicit' | 'anchor' | 'approval-signature' | 'rule' | 'default';
}

function checkExplicit(pages: readonly PageSize[], page: number, rect: Rect): Placement {
  const size = pages[page];
  const [x1, y1, x2, y2] = rect;
  if (!size) throw new AppError('INVALID_INPUT', `Tệp không có trang ${page + 1}.`, `page ${page} of ${pages.length}`);
  if (!(x2 > x1 && y2 > y1) || x1 < 0 || y1 < 0 || x2 > size.width || y2 > size.height) {
    throw new AppError(
      'INVALID_INPUT',
      `Khung chữ ký nằm ngoài trang ${page + 1} (trang rộng ${Math.round(size.width)}, cao ${Math.round(size.height)} điểm).`,
      `rect ${rect.join(',')} outside page ${page} ${size.width}x${size.height}`,
    );
  }
  return { page, rect, basis: 'explicit' };
}

function lastPages(count: number): number[] {
  return Array.from({ length: count }, (_, i) => count - 1 - i);
}

function imageAbove(anchor: Rect): Rect {
  const cx = (anchor[0] + anchor[2]) / 2;
  const bottom = anchor[3] + IMAGE_GAP;
  return [cx - IMAGE_WIDTH / 2, bottom, cx + IMAGE_WIDTH / 2, bottom + IMAGE_HEIGHT];
}

// With nothing to go by: the signature block's usual place, the right half of the last page.
function defaultImage(pages: readonly PageSize[]): Placement {
  const page = pages.length - 1;
  const size = pages[page] as PageSize;
  const cx = size.width * 0.72;
  return { page, rect: [cx - IMAGE_WIDTH / 2, 150, cx + IMAGE_WIDTH / 2, 150 + IMAGE_HEIGHT], basis: 'default' };
}

// The seal overlaps about one third of the signer's image on its left (nd30-rules §7): its
// right edge at a third of the image's width, centred on the image vertically.
function sealOver(image: Rect, diameter: number): Rect {
  const right = image[0] + (image[2] - image[0]) / 3;
  const cy = (image[1] + image[3]) / 2;
  return [right - diameter, cy - diameter / 2, right, cy + diameter / 2];
}

function topRightLine(pages: readonly PageSize[], line: { width: number; size: number }): Placement {
  const size = pages[0] as PageSize;
  const x2 = size.width - LINE_RIGHT;
  const y2 = size.height - LINE_TOP;
  return { page: 0, rect: [x2 - line.width - 2, y2 - line.size * 1.4, x2, y2], basis: 'rule' };
}

export async function placeSignature(request: PlacementRequest): Promise<Placement> {
  const { pages, kind } = request;
  if (pages.length === 0) throw new AppError('PDF_UNSUPPORTED', 'Tệp PDF không có trang nào.', 'no pages');
  if (request.explicit) return checkExplicit(pages, request.explicit.page, request.explicit.rect);
  if (kind === 'attachment' || kind === 'copy') {
    if (!request.line) throw new Error('a text signature needs its line measured');
    return topRightLine(pages, request.line);
  }
  const needsPdfjs = kind === 'agency' || (request.anchor ?? '').trim() !== '';
  if (!needsPdfjs) return defaultImage(pages);
  // A guessed anchor is not worth reading a very large file into memory for.
  if (request.anchorOptional && kind === 'approval' && (await stat(request.path)).size > ANCHOR_SEARCH_MAX_BYTES) return defaultImage(pages);
  const doc = await openWithPdfjs(new Uint8Array(await readFile(request.path)));
  try {
    if (kind === 'agency') {
      const diameter = (request.sealMm ?? DEFAULT_SEAL_MM) * MM;
      for (const page of lastPages(pages.length)) {
        const widgets = await signatureWidgets(doc, page);
        const image = widgets.at(-1);
        if (image) return { page, rect: sealOver(image, diameter), basis: 'approval-signature' };
      }
    }
    if (request.anchor) {
      const hit = await findText(doc, request.anchor, lastPages(pages.length));
      if (!hit && request.anchorOptional) return defaultImage(pages);
      if (!hit) {
        throw new AppError('INVALID_INPUT', `Không tìm thấy chữ "${request.anchor}" trong tệp để đặt chữ ký.`, `anchor not found: ${request.anchor}`);
      }
      const image = imageAbove(hit.rect);
      if (kind === 'agency') return { page: hit.page, rect: sealOver(image, (request.sealMm ?? DEFAULT_SEAL_MM) * MM), basis: 'anchor' };
      return { page: hit.page, rect: image, basis: 'anchor' };
    }
    return defaultImage(pages);
  } finally {
    await doc.loadingTask.destroy();
  }
}
