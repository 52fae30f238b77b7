// Just enough of the OpenType/TrueType file format (the "sfnt" container, OpenType 1.9 §5) to
// decide, before a font file is used, whether it is the TrueType font it claims to be: its table
// directory, names, character map, metrics and glyph locations. It is read synchronously and
// without fontkit, which costs some 45 MB and is loaded only when a PDF is written.
// Every read is bounds-checked: a truncated or damaged file gives an SfntError, never a wrong
// answer.

export class SfntError extends Error {}

const TRUETYPE_VERSIONS = new Set([0x00010000, 0x74727565 /* 'true' */]);
const TAG_OTTO = 0x4f54544f; // CFF outlines
const TAG_TTCF = 0x74746366; // a collection of fonts

export class Sfnt {
  private readonly tables = new Map<string, DataView>();

  constructor(bytes: Uint8Array) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.byteLength < 12) throw new SfntError(`file of ${bytes.byteLength} bytes is too short for a font`);
    const version = view.getUint32(0);
    if (version === TAG_OTTO) throw new SfntError('font has PostScript (CFF) outlines, not TrueType');
    if (version === TAG_TTCF) throw new SfntError('file is a font collection (.ttc), not one font');
    if (!TRUETYPE_VERSIONS.has(version)) throw new SfntError(`not a TrueType file (version 0x${version.toString(16).padStart(8, '0')})`);
    const count = view.getUint16(4);
    if (count === 0 || 12 + count * 16 > bytes.byteLength) throw new SfntError(`table directory of ${count} tables does not fit in the file`);
    for (let i = 0; i < count; i++) {
      const at = 12 + i * 16;
      const tag = String.fromCharCode(...bytes.subarray(at, at + 4));
      const offset = view.getUint32(at + 8);
      const length = view.getUint32(at + 12);
      if (offset + length > bytes.byteLength) throw new SfntError(`table '${tag}' (${length} bytes at ${offset}) runs past the end of the file`);
      this.tables.set(tag, new DataView(bytes.buffer, bytes.byteOffset + offset, length));
    }
  }

  has(tag: string): boolean {
    return this.tables.has(tag);
  }

  table(tag: string): DataView {
    const t = this.tables.get(tag);
    if (!t) throw new SfntError(`no '${tag}' table`);
    return t;
  }
}

// A table read whose offsets fall outside the table: the file lies about its own structure.
export function reading<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof RangeError) throw new SfntError(`${what}: reads past the end of its table`);
    throw e;
  }
}

export interface HeadTable {
  readonly magic: number;
  readonly unitsPerEm: number;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly longOffsets: boolean;
}

export function head(font: Sfnt): HeadTable {
  const t = font.table('head');
  return reading("'head'", () => {
    const macStyle = t.getUint16(44);
    return { magic: t.getUint32(12), unitsPerEm: t.getUint16(18), bold: (macStyle & 1) !== 0, italic: (macStyle & 2) !== 0, longOffsets: t.getInt16(50) === 1 };
  });
}

export interface HheaTable {
  readonly ascender: number;
  readonly descender: number;
  readonly advanceWidthCount: number;
}

export function hhea(font: Sfnt): HheaTable {
  const t = font.table('hhea');
  return reading("'hhea'", () => ({ ascender: t.getInt16(4), descender: t.getInt16(6), advanceWidthCount: t.getUint16(34) }));
}

export function glyphCount(font: Sfnt): number {
  const t = font.table('maxp');
  return reading("'maxp'", () => t.getUint16(4));
}

// OS/2 fsType: the licence's embedding permissions (OpenType OS/2 table).
export function embeddingFlags(font: Sfnt): number {
  const t = font.table('OS/2');
  return reading("'OS/2'", () => t.getUint16(8));
}

// Where each glyph's outline starts in 'glyf', plus the end of the last one (numGlyphs + 1).
export function glyphOffsets(font: Sfnt): number[] {
  const t = font.table('loca');
  const n = glyphCount(font) + 1;
  const long = head(font).longOffsets;
  return reading("'loca'", () => Array.from({ length: n }, (_, i) => (long ? t.getUint32(i * 4) : t.getUint16(i * 2) * 2)));
}

export function advanceWidth(font: Sfnt, glyph: number): number {
  const t = font.table('hmtx');
  const count = hhea(font).advanceWidthCount;
  // Glyphs past the last full metric repeat its advance (monospaced tails).
  return reading("'hmtx'", () => t.getUint16(Math.min(glyph, count - 1) * 4));
}

// The English name of `id` (1 family, 2 subfamily, 6 PostScript name, 16 typographic family), or
// null. Windows records in US English come first, then any Windows record, then Macintosh Roman
// (ASCII for the names we compare) and Unicode-platform ones.
export function fontName(font: Sfnt, id: number): string | null {
  const t = font.table('name');
  return reading("'name'", () => {
    const count = t.getUint16(2);
    const strings = t.getUint16(4);
    const found: { rank: number; text: string }[] = [];
    for (let i = 0; i < count; i++) {
      const at = 6 + i * 12;
      if (t.getUint16(at + 6) !== id) continue;
      const [platform, encoding, language] = [t.getUint16(at), t.getUint16(at + 2), t.getUint16(at + 4)];
      const length = t.getUint16(at + 8);
      const start = strings + t.getUint16(at + 10);
      if (start + length > t.byteLength) throw new RangeError('name string');
      const raw = new Uint8Array(t.buffer, t.byteOffset + start, length);
      if (platform === 3 && (encoding === 1 || encoding === 10)) found.push({ rank: language === 0x409 ? 0 : 1, text: utf16be(raw) });
      else if (platform === 1 && encoding === 0 && language === 0) found.push({ rank: 2, text: String.fromCharCode(...raw) });
      else if (platform === 0) found.push({ rank: 3, text: utf16be(raw) });
    }
    found.sort((a, b) => a.rank - b.rank);
    return found[0]?.text ?? null;
  });
}

function utf16be(raw: Uint8Array): string {
  let s = '';
  for (let i = 0; i + 1 < raw.length; i += 2) s += String.fromCharCode(((raw[i] as number) << 8) | (raw[i + 1] as number));
  return s;
}

// The glyph of a character (0: the font lacks it), from the Unicode character map: a full-range
// subtable (format 12) when there is one, else the BMP one (format 4).
export function characterMap(font: Sfnt): (codePoint: number) => number {
  const t = font.table('cmap');
  return reading("'cmap'", () => {
    const count = t.getUint16(2);
    let bmp: number | null = null;
    let full: number | null = null;
    for (let i = 0; i < count; i++) {
      const [platform, encoding, offset] = [t.getUint16(4 + i * 8), t.getUint16(6 + i * 8), t.getUint32(8 + i * 8)];
      const format = t.getUint16(offset);
      const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
      if (unicode && format === 12) full ??= offset;
      if (unicode && format === 4) bmp ??= offset;
    }
    if (full !== null) return format12(t, full);
    if (bmp !== null) return format4(t, bmp);
    throw new SfntError("no Unicode subtable (format 4 or 12) in 'cmap'");
  });
}

function format4(t: DataView, at: number): (cp: number) => number {
  const segments = t.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const ranges = deltas + segments * 2;
  // Touch the last entry now, so that a truncated table fails here rather than on some letter.
  t.getUint16(ranges + segments * 2 - 2);
  return (cp) =>
    reading("'cmap' format 4", () => {
      if (cp > 0xffff) return 0;
      for (let s = 0; s < segments; s++) {
        if (cp > t.getUint16(ends + s * 2)) continue;
        const start = t.getUint16(starts + s * 2);
        if (cp < start) return 0;
        const delta = t.getInt16(deltas + s * 2);
        const range = t.getUint16(ranges + s * 2);
        if (range === 0) return (cp + delta) & 0xffff;
        const glyph = t.getUint16(ranges + s * 2 + range + (cp - start) * 2);
        return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
      return 0;
    });
}

function format12(t: DataView, at: number): (cp: number) => number {
  const groups = t.getUint32(at + 12);
  t.getUint32(at + 16 + groups * 12 - 4);
  return (cp) =>
    reading("'cmap' format 12", () => {
      for (let g = 0; g < groups; g++) {
        const base = at + 16 + g * 12;
        const [start, end] = [t.getUint32(base), t.getUint32(base + 4)];
        if (cp >= start && cp <= end) return t.getUint32(base + 8) + (cp - start);
      }
      return 0;
    });
}
