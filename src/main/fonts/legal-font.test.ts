import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED_FONTS, timesFace, windowsFontsFolder, withTable } from '../../../test/support/times-fixture.ts';
import { tempDir } from '../../../test/support/temp-profile.ts';
import { LIBERATION_SERIF } from './font-families.ts';
import { fontFilesIn } from './font-files.ts';
import { chooseLegalFont, type FontHost, LIBERATION_LABEL, systemFontHost, TIMES_LABEL } from './legal-font.ts';

// The choice runs on the real file system, against a fixture Windows folder in a temporary
// directory (test/support/times-fixture.ts); only the platform and the environment are given.
let work: { dir: string; cleanup: () => void };
let windir: string;
beforeEach(() => {
  work = tempDir('vanthu-legal-font-');
  windir = join(work.dir, 'Windows');
});
afterEach(() => work.cleanup());

const onWindows = (env: Record<string, string | undefined> = { WINDIR: windir }): FontHost => ({ ...systemFontHost, platform: 'win32', env });
const choose = (host: FontHost = onWindows()) => chooseLegalFont(BUNDLED_FONTS, host);

// The fallback as the settings show it: Liberation Serif from the bundled folder, with a reason.
function expectFallback(host: FontHost, vi: RegExp, en: RegExp) {
  const font = choose(host);
  expect(font).toMatchObject({ family: 'Liberation Serif', source: 'bundled', dir: BUNDLED_FONTS, labelVi: LIBERATION_LABEL });
  expect(font.fallbackVi).toMatch(vi);
  expect(font.fallbackDetail).toMatch(en);
}

describe('the legal font', () => {
  it("takes Windows's Times New Roman when its four files are there and sound", () => {
    const fonts = windowsFontsFolder(windir);
    expect(choose()).toEqual({ family: 'Times New Roman', source: 'windows', dir: fonts, labelVi: TIMES_LABEL, fallbackVi: null, fallbackDetail: null });
    // The folder the PDF writers are then given is read as Times New Roman.
    expect(fontFilesIn(fonts)).toEqual({ regular: 'times.ttf', bold: 'timesbd.ttf', italic: 'timesi.ttf', boldItalic: 'timesbi.ttf' });
  });

  it('finds the Windows folder through windir or SystemRoot in any case, and files named in capitals', () => {
    const fonts = windowsFontsFolder(windir);
    for (const name of readdirSync(fonts)) renameSync(join(fonts, name), join(fonts, name.toUpperCase()));
    expect(choose(onWindows({ windir })).family).toBe('Times New Roman');
    expect(choose(onWindows({ SystemRoot: windir })).family).toBe('Times New Roman');
    expect(fontFilesIn(fonts).boldItalic).toBe('TIMESBI.TTF');
  });

  it('uses Liberation Serif on every other system, saying why', () => {
    windowsFontsFolder(windir);
    expectFallback({ ...onWindows(), platform: 'linux' }, /không chạy Windows/, /platform linux/);
    expectFallback({ ...onWindows(), platform: 'darwin' }, /không chạy Windows/, /platform darwin/);
  });

  it('falls back when Windows has no WINDIR, or no fonts folder', () => {
    expectFallback(onWindows({ PATH: '/bin' }), /WINDIR/, /neither WINDIR nor SystemRoot/);
    expectFallback(onWindows(), /Không đọc được thư mục phông chữ/, /cannot list/);
  });

  it('falls back when one of the four styles is missing, naming it: a document never mixes the two families', () => {
    windowsFontsFolder(windir, {}, ['regular', 'bold', 'italic']);
    expectFallback(onWindows(), /thiếu timesbi\.ttf/, /lacks timesbi\.ttf/);
    expect(fontFilesIn(join(windir, 'Fonts'))).toEqual(LIBERATION_SERIF.files);
  });

  it('falls back when a file is not a sound TrueType font: text, truncated, unreadable', () => {
    const fonts = windowsFontsFolder(windir, { bold: Buffer.from('this is not a font, it is a text file\n') });
    expectFallback(onWindows(), /timesbd\.ttf chưa dùng được: không phải tệp phông chữ TrueType nguyên vẹn/, /not a TrueType file/);
    writeFileSync(join(fonts, 'timesbd.ttf'), timesFace('bold').subarray(0, 50_000));
    expectFallback(onWindows(), /timesbd\.ttf chưa dùng được/, /runs past the end of the file/);
    rmSync(join(fonts, 'timesbd.ttf'));
    writeFileSync(join(fonts, 'timesbd.ttf'), ''); // present in the listing, then unreadable as a font
    expectFallback(onWindows(), /timesbd\.ttf chưa dùng được/, /too short/);
  });

  it('falls back when times.ttf is another font under that name', () => {
    windowsFontsFolder(windir, { regular: readFileSync(join(BUNDLED_FONTS, LIBERATION_SERIF.files.regular)) });
    expectFallback(onWindows(), /là phông "Liberation Serif", không phải Times New Roman/, /family name "Liberation Serif"/);
  });

  it('falls back when a file holds another style than its name says', () => {
    windowsFontsFolder(windir, { italic: timesFace('regular') });
    expectFallback(onWindows(), /timesi\.ttf chưa dùng được: không phải kiểu chữ nghiêng/, /macStyle bold=false italic=false/);
  });

  it("falls back when the font's licence forbids embedding or subsetting it", () => {
    const restricted = withTable(timesFace('regular'), 'OS/2', (t) => t.writeUInt16BE(0x0002, 8));
    windowsFontsFolder(windir, { regular: restricted });
    expectFallback(onWindows(), /giấy phép của phông chữ không cho nhúng/, /fsType 0x0002/);
    const noSubset = withTable(timesFace('regular'), 'OS/2', (t) => t.writeUInt16BE(0x0108, 8));
    windowsFontsFolder(windir, { regular: noSubset });
    expectFallback(onWindows(), /không cho nhúng/, /fsType 0x0108/);
  });

  it('falls back when a glyph has an odd length, which the PDF subset would corrupt', () => {
    // Move the end of one glyph by a byte (long 'loca' offsets in Liberation Serif).
    const odd = withTable(timesFace('bold'), 'loca', (t) => {
      for (let at = 4; at + 8 <= t.length; at += 4) {
        if (t.readUInt32BE(at) - t.readUInt32BE(at - 4) >= 2 && t.readUInt32BE(at + 4) - t.readUInt32BE(at) >= 2) {
          t.writeUInt32BE(t.readUInt32BE(at) + 1, at);
          return;
        }
      }
    });
    windowsFontsFolder(windir, { bold: odd });
    expectFallback(onWindows(), /có nét chữ mà chương trình chưa nhúng được/, /odd length/);
  });

  it('falls back when a Vietnamese letter is missing', () => {
    // End the character map's segment holding ư (U+01B0) just before it: ư is then unmapped.
    // Liberation Serif has one format 4 subtable, shared by its Unicode and Windows records.
    const withoutU = withTable(timesFace('regular'), 'cmap', (t) => {
      const at = t.readUInt32BE(8);
      expect(t.readUInt16BE(at)).toBe(4);
      const segments = t.readUInt16BE(at + 6) / 2;
      for (let s = 0; s < segments; s++) {
        const endAt = at + 14 + s * 2;
        const start = t.readUInt16BE(at + 16 + segments * 2 + s * 2);
        if (t.readUInt16BE(endAt) >= 0x01b0 && start < 0x01b0) {
          t.writeUInt16BE(0x01af, endAt);
          return;
        }
      }
      throw new Error('no segment to cut');
    });
    windowsFontsFolder(windir, { regular: withoutU });
    expectFallback(onWindows(), /times\.ttf chưa dùng được: thiếu chữ \(ư/, /no glyph for ư/);
  });

  it('falls back when the metrics differ from the bundled face the layouts were checked with', () => {
    const taller = withTable(timesFace('regular'), 'hhea', (t) => t.writeInt16BE(t.readInt16BE(4) + 40, 4));
    windowsFontsFolder(windir, { regular: taller });
    expectFallback(onWindows(), /kích thước chữ khác Liberation Serif/, /ascent\/descent 1865\/-443 per 2048/);
    // Every advance 20 units wider: the same look, other line breaks.
    const wider = withTable(timesFace('italic'), 'hmtx', (t) => {
      for (let at = 0; at + 4 <= t.length; at += 4) t.writeUInt16BE(t.readUInt16BE(at) + 20, at);
    });
    windowsFontsFolder(windir, { regular: timesFace('regular'), italic: wider });
    expectFallback(onWindows(), /kích thước chữ khác/, /advance of " " 532 per 2048, the bundled face's 512/);
  });
});
