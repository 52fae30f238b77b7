import { listPages } from './page-tree.ts';
import { withReader } from './pdf-reader.ts';
import type { PdfValue } from './pdf-values.ts';

export interface PageSize {
  readonly width: number;
  readonly height: number;
  // Normalised to 0, 90, 180 or 270; width and height are of the unrotated box.
  readonly rotate: number;
}

// US Letter is what PDF 32000 assumes when a broken file has no /MediaBox anywhere in its tree.
const DEFAULT_BOX = [0, 0, 612, 792] as const;

function box(value: PdfValue | undefined): readonly number[] | undefined {
  if (!Array.isArray(value) || value.length !== 4 || !value.every((v) => typeof v === 'number' && Number.isFinite(v))) return undefined;
  return value as readonly number[];
}

// The visible size of each page: the CropBox (clipped to the MediaBox) when there is one.
export async function readPageSizes(path: string): Promise<PageSize[]> {
  return withReader(path, (reader) =>
    listPages(reader).map((page) => {
      const media = box(page.mediaBox) ?? DEFAULT_BOX;
      const crop = box(page.cropBox) ?? media;
      const [mx1, my1, mx2, my2] = [Math.min(media[0]!, media[2]!), Math.min(media[1]!, media[3]!), Math.max(media[0]!, media[2]!), Math.max(media[1]!, media[3]!)];
      const x1 = Math.max(mx1, Math.min(crop[0]!, crop[2]!));
      const y1 = Math.max(my1, Math.min(crop[1]!, crop[3]!));
      const x2 = Math.min(mx2, Math.max(crop[0]!, crop[2]!));
      const y2 = Math.min(my2, Math.max(crop[1]!, crop[3]!));
      const rotate = typeof page.rotate === 'number' && Number.isInteger(page.rotate) ? (((page.rotate % 360) + 360) % 360) : 0;
      return { width: Math.max(0, x2 - x1), height: Math.max(0, y2 - y1), rotate: rotate % 90 === 0 ? rotate : 0 };
    }),
  );
}
