import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FONT_STYLES, type FontStyle, LIBERATION_SERIF, TIMES_NEW_ROMAN } from '../../src/main/fonts/font-families.ts';
import { ROOT } from './cli.ts';

// A stand-in for a Windows fonts folder with Times New Roman, which cannot be shipped or
// downloaded here: the bundled Liberation Serif faces (the same metrics, so the same layouts) with
// their 'name' table rewritten to Times New Roman's names (family, style, PostScript name), saved
// under the file names Windows uses. A PDF made from them names its fonts TimesNewRomanPSMT…: what
// is embedded is what the chosen files say they are, not a label we add.
// The file is rebuilt table by table here, independently of src/main/fonts/sfnt.ts, so that a
// mistake in that reader cannot make the fixture agree with it.

export const BUNDLED_FONTS = join(ROOT, 'resources', 'fonts');

const TIMES_NAMES: Record<FontStyle, { subfamily: string; postScript: string }> = {
  regular: { subfamily: 'Regular', postScript: 'TimesNewRomanPSMT' },
  bold: { subfamily: 'Bold', postScript: 'TimesNewRomanPS-BoldMT' },
  italic: { subfamily: 'Italic', postScript: 'TimesNewRomanPS-ItalicMT' },
  boldItalic: { subfamily: 'Bold Italic', postScript: 'TimesNewRomanPS-BoldItalicMT' },
};

export const TIMES_POSTSCRIPT_NAMES: readonly string[] = FONT_STYLES.map((s) => TIMES_NAMES[s].postScript);

interface Table {
  readonly tag: string;
  readonly data: Buffer;
}

function tablesOf(font: Buffer): Table[] {
  const count = font.readUInt16BE(4);
  return Array.from({ length: count }, (_, i) => {
    const at = 12 + i * 16;
    const [offset, length] = [font.readUInt32BE(at + 8), font.readUInt32BE(at + 12)];
    return { tag: font.toString('latin1', at, at + 4), data: Buffer.from(font.subarray(offset, offset + length)) };
  });
}

function checksum(data: Buffer): number {
  const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

// An sfnt file of these tables, with the directory, alignment and checksums the format asks for.
function buildFont(version: number, tables: readonly Table[]): Buffer {
  const sorted = [...tables].sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const n = sorted.length;
  const power = 2 ** Math.floor(Math.log2(n));
  const header = Buffer.alloc(12 + n * 16);
  header.writeUInt32BE(version, 0);
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(n * 16 - power * 16, 10);
  const bodies: Buffer[] = [];
  let offset = header.length;
  sorted.forEach((t, i) => {
    const data = t.tag === 'head' ? Buffer.from(t.data) : t.data;
    if (t.tag === 'head') data.writeUInt32BE(0, 8); // checkSumAdjustment, set below
    const at = 12 + i * 16;
    header.write(t.tag, at, 'latin1');
    header.writeUInt32BE(checksum(data), at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(data.length, at + 12);
    const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
    bodies.push(padded);
    offset += padded.length;
  });
  const font = Buffer.concat([header, ...bodies]);
  const headAt = font.readUInt32BE(12 + sorted.findIndex((t) => t.tag === 'head') * 16 + 8);
  font.writeUInt32BE((0xb1b0afba - checksum(font)) >>> 0, headAt + 8);
  return font;
}

// A format-0 'name' table with Windows (3, 1, US English) records only.
function nameTable(names: Record<number, string>): Buffer {
  const ids = Object.keys(names).map(Number).sort((a, b) => a - b);
  const strings = ids.map((id) => Buffer.from(names[id] as string, 'utf16le').swap16());
  const header = Buffer.alloc(6 + ids.length * 12);
  header.writeUInt16BE(0, 0);
  header.writeUInt16BE(ids.length, 2);
  header.writeUInt16BE(header.length, 4);
  let offset = 0;
  ids.forEach((id, i) => {
    const at = 6 + i * 12;
    header.writeUInt16BE(3, at);
    header.writeUInt16BE(1, at + 2);
    header.writeUInt16BE(0x409, at + 4);
    header.writeUInt16BE(id, at + 6);
    header.writeUInt16BE((strings[i] as Buffer).length, at + 8);
    header.writeUInt16BE(offset, at + 10);
    offset += (strings[i] as Buffer).length;
  });
  return Buffer.concat([header, ...strings]);
}

// The bundled face of `style`, renamed Times New Roman.
export function timesFace(style: FontStyle): Buffer {
  const liberation = readFileSync(join(BUNDLED_FONTS, LIBERATION_SERIF.files[style]));
  const { subfamily, postScript } = TIMES_NAMES[style];
  const full = subfamily === 'Regular' ? 'Times New Roman' : `Times New Roman ${subfamily}`;
  const name = nameTable({ 1: 'Times New Roman', 2: subfamily, 3: `Monotype:${full}`, 4: full, 6: postScript });
  const tables = tablesOf(liberation).map((t) => (t.tag === 'name' ? { tag: 'name', data: name } : t));
  return buildFont(liberation.readUInt32BE(0), tables);
}

// A copy of a font with one table changed in place (same length): fsType, metrics…
export function withTable(font: Buffer, tag: string, change: (table: Buffer) => void): Buffer {
  const tables = tablesOf(font).map((t) => {
    if (t.tag !== tag) return t;
    const data = Buffer.from(t.data);
    change(data);
    return { tag, data };
  });
  return buildFont(font.readUInt32BE(0), tables);
}

// <windir>/Fonts with the four Times files (or those of `styles`), returning the Fonts folder.
export function windowsFontsFolder(windir: string, faces: Partial<Record<FontStyle, Buffer>> = {}, styles: readonly FontStyle[] = FONT_STYLES): string {
  const fonts = join(windir, 'Fonts');
  mkdirSync(fonts, { recursive: true });
  for (const style of styles) writeFileSync(join(fonts, TIMES_NEW_ROMAN.files[style]), faces[style] ?? timesFace(style));
  // A real Fonts folder holds other families too.
  writeFileSync(join(fonts, 'arial.ttf'), readFileSync(join(BUNDLED_FONTS, LIBERATION_SERIF.files.regular)));
  return fonts;
}
