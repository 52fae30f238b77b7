import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';
import { AppError } from '../../shared/errors.ts';
import { resolveFontsDir } from '../books/pdf/book-fonts.ts';
import { FontFace } from '../books/pdf/font-face.ts';

// Liberation Serif (metric-compatible with Times New Roman, complete for Vietnamese), the four
// styles a draft uses: bold italic is "Nơi nhận:".
const FILES = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
  boldItalic: 'LiberationSerif-BoldItalic.ttf',
} as const;

export type DraftStyle = keyof typeof FILES;
export const DRAFT_STYLES = Object.keys(FILES) as DraftStyle[];
export type DraftFonts = Readonly<Record<DraftStyle, FontFace>>;

// The files are read once per process: a preview re-renders on every keystroke.
const cache = new Map<string, Uint8Array>();

function fontBytes(dir: string, file: string): Uint8Array {
  const path = join(dir, file);
  let bytes = cache.get(path);
  if (bytes) return bytes;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new AppError('FILE_MISSING', `Thiếu tệp phông chữ ${file} của chương trình, nên chưa tạo được văn bản. Hãy cài đặt lại VanThu Desktop.`, `font ${path} unreadable: ${(e as Error).message}`);
  }
  assertSubsettable(bytes, path);
  cache.set(path, bytes);
  return bytes;
}

// @pdf-lib/fontkit writes a subset's glyph offsets in the short format, which corrupts glyphs
// whose record has an odd length (see book-fonts.ts). Liberation Serif has none; a replaced font
// file that does would print blank letters, so it is refused.
function assertSubsettable(bytes: Uint8Array, path: string): void {
  const offsets = (fontkit.create(bytes) as unknown as { loca?: { offsets: number[] } }).loca?.offsets ?? [];
  for (let i = 0; i + 1 < offsets.length; i++) {
    if (((offsets[i + 1] as number) - (offsets[i] as number)) % 2 !== 0) {
      throw new AppError('INTERNAL', 'Tệp phông chữ của chương trình không dùng được để tạo văn bản.', `font ${path}: odd-length glyph ${i}`);
    }
  }
}

// A subset font's name starts with a six-letter tag (PDF 32000 §9.6.4). Books draw a random one;
// a draft's is derived from its content so the same draft gives the same bytes.
function subsetTag(seed: string, style: DraftStyle): string {
  const digest = createHash('sha256').update(`${seed}\u0000${style}`).digest();
  return Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}

export async function embedDraftFonts(doc: PDFDocument, seed: string, fontsDir?: string): Promise<DraftFonts> {
  const dir = resolveFontsDir(fontsDir);
  doc.registerFontkit(fontkit);
  const faces = {} as Record<DraftStyle, FontFace>;
  for (const style of DRAFT_STYLES) {
    const name = `${subsetTag(seed, style)}+${FILES[style].replace('.ttf', '')}`;
    faces[style] = new FontFace(await doc.embedFont(fontBytes(dir, FILES[style]), { subset: true, customName: name }));
  }
  return faces;
}
