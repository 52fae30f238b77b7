import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FONT_STYLES, type FamilyName, LIBERATION_SERIF, locateFamily, TIMES_NEW_ROMAN } from './font-families.ts';
import { checkFace } from './truetype-check.ts';

// Which family drafts, stamps and register books are set in. Decree 30 Appendix I requires Times
// New Roman; it is Microsoft's, so it cannot be shipped, but every Windows has it. On Windows the
// system's own four files are used when all four are there and each passes checkFace; otherwise,
// and on any other system, the bundled Liberation Serif, which has the same metrics, with the
// reason kept for the settings screen and the log.
// All four styles are required, not just those one document uses: a draft uses all four, and a
// document must not mix Times New Roman with Liberation Serif because one file was missing.

// What the choice reads: the system it runs on and its files. Tests pass a fixture folder.
export interface FontHost {
  readonly platform: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  listDir(dir: string): readonly string[];
  readFile(path: string): Uint8Array;
}

export interface LegalFont {
  readonly family: FamilyName;
  readonly source: 'windows' | 'bundled';
  // The folder every PDF writer reads its fonts from (the fontsDir passed down); the files of the
  // family in it are found by font-files.ts.
  readonly dir: string;
  readonly labelVi: string;
  // Why Times New Roman was not taken (null when it was): Vietnamese for the clerk, English for
  // the log.
  readonly fallbackVi: string | null;
  readonly fallbackDetail: string | null;
}

export const TIMES_LABEL = 'Times New Roman của Windows';
export const LIBERATION_LABEL = 'Liberation Serif (thay thế, cùng kích thước chữ)';

interface Reason {
  readonly vi: string;
  readonly en: string;
}

// Windows's environment ignores case (windir, WINDIR); a copied object does not.
function envValue(env: FontHost['env'], name: string): string | undefined {
  const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
  const value = key === undefined ? undefined : env[key];
  return value ? value : undefined;
}

export function chooseLegalFont(bundledDir: string, host: FontHost): LegalFont {
  const found = findTimes(bundledDir, host);
  if ('dir' in found) {
    return { family: TIMES_NEW_ROMAN.name, source: 'windows', dir: found.dir, labelVi: TIMES_LABEL, fallbackVi: null, fallbackDetail: null };
  }
  return { family: LIBERATION_SERIF.name, source: 'bundled', dir: bundledDir, labelVi: LIBERATION_LABEL, fallbackVi: found.vi, fallbackDetail: found.en };
}

// The Windows fonts folder when it holds four usable Times New Roman files, else why not.
function findTimes(bundledDir: string, host: FontHost): { readonly dir: string } | Reason {
  if (host.platform !== 'win32') {
    return { vi: 'Máy này không chạy Windows nên không có Times New Roman của hệ thống.', en: `platform ${host.platform}: Times New Roman is taken only from Windows` };
  }
  const windir = envValue(host.env, 'WINDIR') ?? envValue(host.env, 'SystemRoot');
  if (!windir) return { vi: 'Không biết thư mục Windows (thiếu biến môi trường WINDIR).', en: 'neither WINDIR nor SystemRoot is set' };
  const dir = join(windir, 'Fonts');
  let entries: readonly string[];
  try {
    entries = host.listDir(dir);
  } catch (e) {
    return { vi: `Không đọc được thư mục phông chữ ${dir}.`, en: `cannot list ${dir}: ${(e as Error).message}` };
  }
  const { files, missing } = locateFamily(entries, TIMES_NEW_ROMAN);
  if (missing.length > 0) {
    return {
      vi: `Thư mục ${dir} thiếu ${missing.join(', ')}: cần đủ bốn kiểu chữ Times New Roman (thường, đậm, nghiêng, đậm nghiêng).`,
      en: `${dir} lacks ${missing.join(', ')}`,
    };
  }
  for (const style of FONT_STYLES) {
    const path = join(dir, files[style] as string);
    let bytes: Uint8Array;
    let reference: Uint8Array;
    try {
      bytes = host.readFile(path);
    } catch (e) {
      return { vi: `Không đọc được tệp ${path}.`, en: `cannot read ${path}: ${(e as Error).message}` };
    }
    try {
      reference = host.readFile(join(bundledDir, LIBERATION_SERIF.files[style]));
    } catch (e) {
      // Without the bundled face there is nothing to compare with; writing a PDF will then say
      // that the program's fonts are missing (font-files.ts).
      return { vi: 'Thiếu phông chữ của chương trình để đối chiếu.', en: `cannot read the bundled ${LIBERATION_SERIF.files[style]}: ${(e as Error).message}` };
    }
    const problem = checkFace(bytes, { family: TIMES_NEW_ROMAN.name, style }, reference);
    if (problem) return { vi: `Tệp ${path} chưa dùng được: ${problem.vi}.`, en: `${path}: ${problem.en}` };
  }
  return { dir };
}

export const systemFontHost: FontHost = {
  platform: process.platform,
  env: process.env,
  listDir: (dir) => readdirSync(dir),
  readFile: (path) => readFileSync(path),
};

// The system's choice is made once per process and bundled folder: it reads some 3 MB of fonts on
// Windows, and every PDF writer asks for it. A font installed later counts from the next start.
const chosen = new Map<string, LegalFont>();

export function systemLegalFont(bundledDir: string): LegalFont {
  let font = chosen.get(bundledDir);
  if (!font) {
    font = chooseLegalFont(bundledDir, systemFontHost);
    chosen.set(bundledDir, font);
  }
  return font;
}
