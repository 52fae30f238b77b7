import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { programResources } from '../program/resources.ts';
import { type FontStyle, LIBERATION_SERIF, locateFamily, TIMES_NEW_ROMAN } from './font-families.ts';
import { Sfnt, SfntError } from './sfnt.ts';
import { oddLengthGlyph } from './truetype-check.ts';

// Books, drafts and the text the signing writes into a PDF all read their fonts through here,
// from one fonts folder passed down from program/resources.ts: the folder of the legal font
// chosen at start (fonts/legal-font.ts), which is either the bundled Liberation Serif
// (resources/fonts, with its licence OFL.txt) or the Windows fonts folder with Times New Roman.

export type { FontStyle };

// The files of a fonts folder: Times New Roman's when all four are there (the Windows folder, or a
// test's fixture), Liberation Serif's otherwise. The choice of folder, and the checks of the
// Windows files, are legal-font.ts's; a folder is never read as half one family, half the other.
// Kept per folder once listed: the Windows fonts folder holds hundreds of files, and a draft
// preview asks for its four faces on every keystroke.
const families = new Map<string, Readonly<Record<FontStyle, string>>>();

export function fontFilesIn(fontsDir: string): Readonly<Record<FontStyle, string>> {
  let files = families.get(fontsDir);
  if (files) return files;
  let entries: string[];
  try {
    entries = readdirSync(fontsDir);
  } catch {
    // A folder that cannot be listed: reading the file says which font is missing.
    return LIBERATION_SERIF.files;
  }
  const times = locateFamily(entries, TIMES_NEW_ROMAN);
  files = times.missing.length === 0 ? (times.files as Record<FontStyle, string>) : LIBERATION_SERIF.files;
  families.set(fontsDir, files);
  return files;
}

// The files are read and checked once per process: a draft preview re-renders on every keystroke.
const cache = new Map<string, Uint8Array>();

// The bytes of one style from a fonts folder (the program's own when none is given).
export async function readFontFile(style: FontStyle, fontsDir: string = programResources().fonts): Promise<Uint8Array> {
  const file = fontFilesIn(fontsDir)[style];
  const path = join(fontsDir, file);
  let bytes = cache.get(path);
  if (bytes) return bytes;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new AppError(
      'FILE_MISSING',
      `Thiếu tệp phông chữ ${file} của chương trình, nên chưa tạo được tệp PDF. Hãy cài đặt lại VanThu Desktop.`,
      `font ${path} unreadable: ${(e as Error).message}`,
    );
  }
  assertSubsettable(bytes, path);
  cache.set(path, bytes);
  return bytes;
}

// @pdf-lib/fontkit writes a subset's glyph offsets in the short format, which corrupts any glyph
// whose record has an odd length. Liberation Serif has none; a replaced font file that does would
// print blank letters silently, so it is refused instead (legal-font.ts refuses such a Windows
// file before it is chosen).
function assertSubsettable(bytes: Uint8Array, path: string): void {
  let odd: number | null;
  try {
    odd = oddLengthGlyph(new Sfnt(bytes));
  } catch (e) {
    if (!(e instanceof SfntError)) throw e;
    throw new AppError('INTERNAL', 'Tệp phông chữ của chương trình không dùng được để tạo tệp PDF.', `font ${path}: ${e.message}`);
  }
  if (odd !== null) {
    throw new AppError('INTERNAL', 'Tệp phông chữ của chương trình không dùng được để tạo tệp PDF.', `font ${path}: odd-length glyph ${odd}`);
  }
}
