import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { readPageSizes } from '../pdf/page-sizes.ts';
import { PdfReader } from '../pdf/pdf-reader.ts';
import { badImage, type ImageFormat, readImageFacts, sniffFormat, tiffDirectories, tiffPage } from './image-facts.ts';
import { densityOf, imageFile, pageImages } from './pdf-page-images.ts';

// A scan as pages for the engine, whatever came in: one PNG or JPEG, a TIFF of one or more
// pages, or a scanned PDF. Each page's image is made only when its turn comes, so a long TIFF
// or PDF is never held decoded all at once.

export interface ScanPage {
  readonly index: number; // 0-based
  // Null: a PDF page that draws no image (a page of typed text), which has nothing to recognise.
  readonly image: null | {
    readonly widthPx: number;
    readonly heightPx: number;
    readonly dpi: number;
    // The file declared no density: it is taken as a scan of an A4 sheet.
    readonly dpiAssumed: boolean;
    readonly load: () => { format: ImageFormat; data: Uint8Array };
  };
}

export interface OpenedScan {
  readonly kind: ImageFormat | 'pdf';
  readonly pages: readonly ScanPage[];
  close(): void;
}

const A4_SHORT_INCHES = 210 / 25.4;

function density(dpi: number | null, widthPx: number, heightPx: number): { dpi: number; dpiAssumed: boolean } {
  return dpi ? { dpi, dpiAssumed: false } : { dpi: Math.round(Math.min(widthPx, heightPx) / A4_SHORT_INCHES), dpiAssumed: true };
}

function unreadablePdf(detail: string): AppError {
  return new AppError('INVALID_INPUT', 'Tệp PDF bị hỏng, đặt mật khẩu hoặc không đọc được: không nhận dạng được chữ.', `scanned PDF: ${detail}`);
}

async function openPdf(bytes: Uint8Array): Promise<OpenedScan> {
  // The hand-written reader works on a file: the scan goes to a private temporary folder.
  const dir = mkdtempSync(join(tmpdir(), 'vanthu-ocr-'));
  const path = join(dir, 'scan.pdf');
  let reader: PdfReader | null = null;
  try {
    writeFileSync(path, bytes);
    const sizes = await readPageSizes(path);
    const opened = PdfReader.open(path);
    reader = opened;
    const pages = pageImages(opened).map((image, index): ScanPage => {
      if (!image) return { index, image: null };
      return {
        index,
        image: {
          widthPx: image.widthPx,
          heightPx: image.heightPx,
          ...density(densityOf(image, sizes[index]), image.widthPx, image.heightPx),
          load: () => imageFile(opened, image, index + 1),
        },
      };
    });
    return {
      kind: 'pdf',
      pages,
      close: () => {
        opened.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    reader?.close();
    rmSync(dir, { recursive: true, force: true });
    if (e instanceof AppError && e.code === 'INVALID_INPUT') throw e;
    throw unreadablePdf((e as Error).message);
  }
}

export async function openScan(name: string, bytes: Uint8Array): Promise<OpenedScan> {
  const kind = sniffFormat(bytes);
  if (kind === 'pdf') return openPdf(bytes);
  if (kind === 'tiff') {
    const directories = tiffDirectories(name, bytes);
    const pages = directories.map((directory, index): ScanPage => {
      const facts = readImageFacts(name, bytes, directory);
      return { index, image: { widthPx: facts.widthPx, heightPx: facts.heightPx, ...density(facts.dpi, facts.widthPx, facts.heightPx), load: () => ({ format: 'tiff', data: index === 0 ? bytes : tiffPage(bytes, directory) }) } };
    });
    return { kind, pages, close: () => undefined };
  }
  if (kind === 'png' || kind === 'jpeg') {
    const facts = readImageFacts(name, bytes);
    const page: ScanPage = { index: 0, image: { widthPx: facts.widthPx, heightPx: facts.heightPx, ...density(facts.dpi, facts.widthPx, facts.heightPx), load: () => ({ format: kind, data: bytes }) } };
    return { kind, pages: [page], close: () => undefined };
  }
  throw badImage(name, 'not a PNG, JPEG, TIFF or PDF signature');
}
