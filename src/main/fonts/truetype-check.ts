import type { FamilyName, FontStyle } from './font-families.ts';
import { advanceWidth, characterMap, embeddingFlags, fontName, glyphOffsets, head, hhea, Sfnt, SfntError } from './sfnt.ts';

// Whether a font file found on the machine can stand in the documents for the bundled face of the
// same style: a whole TrueType file of the family and style its name says, whose licence allows
// embedding a subset, that @pdf-lib/fontkit subsets correctly, that has every Vietnamese letter,
// and whose metrics are those of the bundled face. The layouts (drafts, books, stamps) are checked
// with Liberation Serif: a face with the same ascent, descent and widths keeps them within the
// rules, so a face that differs is refused rather than trusted.

export interface FaceProblem {
  readonly vi: string; // for the clerk, after "Tệp … chưa dùng được: "
  readonly en: string; // for the log
}

const STYLE_VI: Record<FontStyle, string> = { regular: 'chữ thường', bold: 'chữ đậm', italic: 'chữ nghiêng', boldItalic: 'chữ đậm nghiêng' };

const TABLES = ['cmap', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'name', 'post', 'OS/2'] as const;

// Every letter of Vietnamese: the twelve vowels with each of the six tones, and đ, both cases.
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const LOWER = [...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))), 'đ'];
export const VIETNAMESE_LETTERS: readonly string[] = [...LOWER, ...LOWER.map((l) => l.toUpperCase())];

const ASCII = Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i);

// One unit of a 2048-unit em: metrics that differ by less are the same design rounded.
const SAME = 1 / 2048;

// fsType (OpenType OS/2): usage permission in bits 0–3, then the two restrictions that matter here.
const RESTRICTED = 0x0002;
const NO_SUBSETTING = 0x0100;
const BITMAP_ONLY = 0x0200;

// @pdf-lib/fontkit 1.1.1 writes a subset's glyph offsets in the short format (offset / 2), which
// silently blanks every glyph after one whose outline has an odd length. Returns that glyph.
export function oddLengthGlyph(font: Sfnt): number | null {
  const offsets = glyphOffsets(font);
  for (let i = 0; i + 1 < offsets.length; i++) {
    if (((offsets[i + 1] as number) - (offsets[i] as number)) % 2 !== 0) return i;
  }
  return null;
}

// The face's PostScript name (name ID 6), the name a PDF gives an embedded font.
export function postScriptNameOf(bytes: Uint8Array): string | null {
  try {
    return fontName(new Sfnt(bytes), 6);
  } catch (e) {
    if (e instanceof SfntError) return null;
    throw e;
  }
}

export function checkFace(bytes: Uint8Array, expected: { readonly family: FamilyName; readonly style: FontStyle }, reference: Uint8Array): FaceProblem | null {
  try {
    return problemOf(new Sfnt(bytes), expected, new Sfnt(reference));
  } catch (e) {
    if (e instanceof SfntError) return { vi: 'không phải tệp phông chữ TrueType nguyên vẹn', en: e.message };
    throw e;
  }
}

function problemOf(font: Sfnt, expected: { readonly family: FamilyName; readonly style: FontStyle }, reference: Sfnt): FaceProblem | null {
  const missingTables = TABLES.filter((t) => !font.has(t));
  if (missingTables.length > 0) return { vi: 'không phải tệp phông chữ TrueType nguyên vẹn', en: `tables missing: ${missingTables.join(', ')}` };
  const h = head(font);
  if (h.magic !== 0x5f0f3cf5) return { vi: 'không phải tệp phông chữ TrueType nguyên vẹn', en: `'head' magic number 0x${h.magic.toString(16)}` };
  if (h.unitsPerEm < 16) return { vi: 'không phải tệp phông chữ TrueType nguyên vẹn', en: `unitsPerEm ${h.unitsPerEm}` };

  const family = fontName(font, 16) ?? fontName(font, 1);
  if (family !== expected.family) return { vi: `là phông "${family ?? '?'}", không phải ${expected.family}`, en: `family name "${family}", expected "${expected.family}"` };
  const bold = expected.style === 'bold' || expected.style === 'boldItalic';
  const italic = expected.style === 'italic' || expected.style === 'boldItalic';
  if (h.bold !== bold || h.italic !== italic) {
    return { vi: `không phải kiểu ${STYLE_VI[expected.style]}`, en: `macStyle bold=${h.bold} italic=${h.italic}, expected the ${expected.style} face` };
  }

  const fsType = embeddingFlags(font);
  if ((fsType & 0x000f) === RESTRICTED || (fsType & (NO_SUBSETTING | BITMAP_ONLY)) !== 0) {
    return { vi: 'giấy phép của phông chữ không cho nhúng vào tệp PDF', en: `OS/2 fsType 0x${fsType.toString(16).padStart(4, '0')} forbids embedding a subset of the outlines` };
  }

  const offsets = glyphOffsets(font);
  const glyfLength = font.table('glyf').byteLength;
  for (let i = 0; i + 1 < offsets.length; i++) {
    if ((offsets[i + 1] as number) < (offsets[i] as number) || (offsets[i + 1] as number) > glyfLength) {
      return { vi: 'không phải tệp phông chữ TrueType nguyên vẹn', en: `glyph ${i} lies outside the 'glyf' table` };
    }
  }
  const odd = oddLengthGlyph(font);
  if (odd !== null) return { vi: 'có nét chữ mà chương trình chưa nhúng được vào tệp PDF', en: `glyph ${odd} has an odd length, which @pdf-lib/fontkit's subset would corrupt` };

  const glyphOf = characterMap(font);
  const lacking = VIETNAMESE_LETTERS.filter((l) => glyphOf(l.codePointAt(0) as number) === 0);
  const lackingAscii = ASCII.filter((c) => glyphOf(c) === 0).map((c) => String.fromCharCode(c));
  if (lacking.length + lackingAscii.length > 0) {
    const shown = [...lackingAscii, ...lacking].slice(0, 8).join(' ');
    return { vi: `thiếu chữ (${shown}${lacking.length + lackingAscii.length > 8 ? ' …' : ''})`, en: `no glyph for ${[...lackingAscii, ...lacking].join(' ')}` };
  }

  return metricsProblem(font, reference);
}

function metricsProblem(font: Sfnt, reference: Sfnt): FaceProblem | null {
  const [em, refEm] = [head(font).unitsPerEm, head(reference).unitsPerEm];
  const [v, refV] = [hhea(font), hhea(reference)];
  const differ = (a: number, b: number) => Math.abs(a / em - b / refEm) >= SAME;
  const vi = 'kích thước chữ khác Liberation Serif, bố cục văn bản đã kiểm tra theo quy định không còn chắc đúng';
  if (differ(v.ascender, refV.ascender) || differ(v.descender, refV.descender)) {
    return { vi, en: `ascent/descent ${v.ascender}/${v.descender} per ${em}, the bundled face's ${refV.ascender}/${refV.descender} per ${refEm}` };
  }
  const [glyphOf, refGlyphOf] = [characterMap(font), characterMap(reference)];
  for (const c of ASCII) {
    const [w, refW] = [advanceWidth(font, glyphOf(c)), advanceWidth(reference, refGlyphOf(c))];
    if (differ(w, refW)) return { vi, en: `advance of "${String.fromCharCode(c)}" ${w} per ${em}, the bundled face's ${refW} per ${refEm}` };
  }
  return null;
}
