import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';
import { AppError } from '../../../shared/errors.ts';
import { FontFace } from './font-face.ts';

// Liberation Serif: metric-compatible with Times New Roman (what Vietnamese offices print with)
// and complete for Vietnamese. Shipped in resources/fonts with its licence (OFL.txt).
const FILES = {
  regular: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italic: 'LiberationSerif-Italic.ttf',
} as const;

export type FontStyle = keyof typeof FILES;
export type BookFonts = Readonly<Record<FontStyle, FontFace>>;

// From the source tree (and tests) the fonts sit at <repo>/resources/fonts; the packaged app
// passes its own folder (under process.resourcesPath) instead.
export function resolveFontsDir(override?: string): string {
  return override ?? fileURLToPath(new URL('../../../../resources/fonts/', import.meta.url));
}

function readFont(dir: string, file: string): Uint8Array {
  try {
    return readFileSync(join(dir, file));
  } catch (e) {
    throw new AppError(
      'FILE_MISSING',
      `Thiếu tệp phông chữ ${file} của chương trình, nên chưa in được sổ. Hãy cài đặt lại VanThu Desktop.`,
      `font ${join(dir, file)} unreadable: ${(e as Error).message}`,
    );
  }
}

// PDF readers recognise a subset font by a six-letter tag before its name (PDF 32000 §9.6.4);
// pdf-lib does not add one, so we name the subsets ourselves.
function subsetTag(): string {
  return Array.from({ length: 6 }, () => String.fromCharCode(65 + randomInt(26))).join('');
}

// @pdf-lib/fontkit writes a subset's glyph offsets in the short format, which corrupts any glyph
// whose record has an odd length. Liberation Serif has none; a replaced font file that does would
// print blank letters silently, so it is refused instead.
const subsettable = new Set<string>();

function assertSubsettable(bytes: Uint8Array, path: string): void {
  if (subsettable.has(path)) return;
  const font = fontkit.create(bytes);
  const offsets = (font as unknown as { loca?: { offsets: number[] } }).loca?.offsets ?? [];
  for (let i = 0; i + 1 < offsets.length; i++) {
    if (((offsets[i + 1] as number) - (offsets[i] as number)) % 2 !== 0) {
      throw new AppError('INTERNAL', 'Tệp phông chữ của chương trình không dùng được để in sổ.', `font ${path}: odd-length glyph ${i}`);
    }
  }
  subsettable.add(path);
}

export async function embedBookFonts(doc: PDFDocument, fontsDir?: string): Promise<BookFonts> {
  const dir = resolveFontsDir(fontsDir);
  doc.registerFontkit(fontkit);
  const embed = async (style: FontStyle): Promise<FontFace> => {
    const bytes = readFont(dir, FILES[style]);
    assertSubsettable(bytes, join(dir, FILES[style]));
    const name = FILES[style].replace('.ttf', '');
    return new FontFace(await doc.embedFont(bytes, { subset: true, customName: `${subsetTag()}+${name}` }));
  };
  return { regular: await embed('regular'), bold: await embed('bold'), italic: await embed('italic') };
}
