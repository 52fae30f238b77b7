import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { programResources } from '../program/resources.ts';

// Liberation Serif: metric-compatible with Times New Roman (what Vietnamese offices print with)
// and complete for Vietnamese; shipped in resources/fonts with its licence (OFL.txt). Books, drafts
// and the text the signing writes into a PDF all read these files, through here.
const FILES = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
  boldItalic: 'LiberationSerif-BoldItalic.ttf',
} as const;

export type FontStyle = keyof typeof FILES;

export function fontFileName(style: FontStyle): string {
  return FILES[style];
}

// The files are read and checked once per process: a draft preview re-renders on every keystroke.
const cache = new Map<string, Uint8Array>();

// The bytes of one style from a fonts folder (the program's own when none is given).
export async function readFontFile(style: FontStyle, fontsDir: string = programResources().fonts): Promise<Uint8Array> {
  const path = join(fontsDir, FILES[style]);
  let bytes = cache.get(path);
  if (bytes) return bytes;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new AppError(
      'FILE_MISSING',
      `Thiếu tệp phông chữ ${FILES[style]} của chương trình, nên chưa tạo được tệp PDF. Hãy cài đặt lại VanThu Desktop.`,
      `font ${path} unreadable: ${(e as Error).message}`,
    );
  }
  await assertSubsettable(bytes, path);
  cache.set(path, bytes);
  return bytes;
}

// @pdf-lib/fontkit writes a subset's glyph offsets in the short format, which corrupts any glyph
// whose record has an odd length. Liberation Serif has none; a replaced font file that does would
// print blank letters silently, so it is refused instead.
// fontkit is loaded on first use: it adds some 45 MB to the process, which an invisible signature
// or a plain verification does not need.
async function assertSubsettable(bytes: Uint8Array, path: string): Promise<void> {
  const fontkit = (await import('@pdf-lib/fontkit')).default;
  const offsets = (fontkit.create(bytes) as unknown as { loca?: { offsets: number[] } }).loca?.offsets ?? [];
  for (let i = 0; i + 1 < offsets.length; i++) {
    if (((offsets[i + 1] as number) - (offsets[i] as number)) % 2 !== 0) {
      throw new AppError('INTERNAL', 'Tệp phông chữ của chương trình không dùng được để tạo tệp PDF.', `font ${path}: odd-length glyph ${i}`);
    }
  }
}
