import { randomInt } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { Font, Subset } from '@pdf-lib/fontkit';
import { readFontFile } from '../fonts/font-files.ts';
import { streamBody, valueBody, type ObjectNumbers, type UpdateObject } from './incremental-writer.ts';
import { PdfDict, pdfName, PdfRef, PdfString } from './pdf-values.ts';

// Regular for signature lines and the number; italic for the place-and-date line, which Decree 30
// sets in italics. The folder is the program's fonts (fonts/font-files.ts), passed by the caller
// in the packaged app.
export type FontFace = 'regular' | 'italic';

const cachedFonts = new Map<string, Font>();

// fontkit is loaded on first use: it adds some 45 MB to the process, which an invisible
// signature or a plain verification does not need.
async function loadFont(face: FontFace, fontsDir?: string): Promise<Font> {
  const key = `${fontsDir ?? ''}\u0000${face}`;
  let font = cachedFonts.get(key);
  if (!font) {
    const fontkit = (await import('@pdf-lib/fontkit')).default;
    font = fontkit.create(await readFontFile(face, fontsDir));
    cachedFonts.set(key, font);
  }
  return font;
}

export interface TextMetrics {
  // Width of text in points at `size`: for placing a line (for example right-aligned at the top
  // right of a page) before stamping it.
  textWidth(text: string, size: number): number;
  ascent(size: number): number;
  // Positive: how far glyphs reach below the baseline.
  descent(size: number): number;
}

export async function textWidth(text: string, size: number, fontsDir?: string): Promise<number> {
  return (await loadTextMetrics('regular', fontsDir)).textWidth(text, size);
}

// Metrics of the font the appearances use.
export async function loadTextMetrics(face: FontFace = 'regular', fontsDir?: string): Promise<TextMetrics> {
  const font = await loadFont(face, fontsDir);
  const em = font.unitsPerEm;
  return {
    textWidth: (text, size) => {
      let units = 0;
      for (const glyph of font.glyphsForString(text.normalize('NFC'))) units += glyph.advanceWidth;
      return (units / em) * size;
    },
    ascent: (size) => (font.ascent / em) * size,
    descent: (size) => (Math.abs(font.descent) / em) * size,
  };
}

// One subset of the font for one update: text is encoded as two-byte glyph ids of the subset
// (Identity-H), and the glyphs used are written as a Type0/CIDFontType2 font with a /ToUnicode map
// so that the text can be extracted and searched.
export class SubsetFont {
  private readonly font: Font;
  private readonly subset: Subset;
  private readonly widths = new Map<number, number>();
  private readonly unicode = new Map<number, string>();
  readonly ref: PdfRef;

  private constructor(font: Font, numbers: ObjectNumbers) {
    this.font = font;
    this.subset = font.createSubset();
    this.ref = new PdfRef(numbers.allocate(), 0);
  }

  static async create(numbers: ObjectNumbers, face: FontFace = 'regular', fontsDir?: string): Promise<SubsetFont> {
    return new SubsetFont(await loadFont(face, fontsDir), numbers);
  }

  ascent(size: number): number {
    return (this.font.ascent / this.font.unitsPerEm) * size;
  }

  private scale(units: number): number {
    return Math.round((units * 1000) / this.font.unitsPerEm);
  }

  // Hex glyph codes for a show-text operator.
  encode(text: string): string {
    let hex = '';
    for (const glyph of this.font.glyphsForString(text.normalize('NFC'))) {
      const id = this.subset.includeGlyph(glyph);
      this.widths.set(id, this.scale(glyph.advanceWidth));
      if (!this.unicode.has(id) && glyph.codePoints.length > 0) this.unicode.set(id, String.fromCodePoint(...glyph.codePoints));
      hex += id.toString(16).padStart(4, '0');
    }
    return `<${hex}>`;
  }

  private async fontFile(): Promise<Uint8Array> {
    const parts: Uint8Array[] = [];
    await new Promise<void>((resolve) => {
      this.subset.encodeStream().on('data', (d) => parts.push(d)).on('end', () => resolve());
    });
    return Buffer.concat(parts);
  }

  private toUnicode(): string {
    const entries = [...this.unicode].sort((a, b) => a[0] - b[0]);
    const blocks: string[] = [];
    for (let i = 0; i < entries.length; i += 100) {
      const chunk = entries.slice(i, i + 100);
      const lines = chunk.map(([id, text]) => `<${id.toString(16).padStart(4, '0')}> <${Buffer.from(text, 'utf16le').swap16().toString('hex')}>`);
      blocks.push(`${chunk.length} beginbfchar\n${lines.join('\n')}\nendbfchar`);
    }
    return [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000> <FFFF>',
      'endcodespacerange',
      ...blocks,
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
    ].join('\n');
  }

  // The font's objects; call after all text is encoded.
  async objects(numbers: ObjectNumbers): Promise<UpdateObject[]> {
    const tag = Array.from({ length: 6 }, () => String.fromCharCode(65 + randomInt(26))).join('');
    // The face's own PostScript name (LiberationSerif, LiberationSerif-Italic), as readers show it.
    const baseFont = pdfName(`${tag}+${(this.font.postscriptName ?? 'LiberationSerif').replace(/[^A-Za-z0-9-]/g, '')}`);
    const [cid, descriptor, file, toUnicode] = [numbers.allocate(), numbers.allocate(), numbers.allocate(), numbers.allocate()];
    const fontData = await this.fontFile();
    const widthList = [...this.widths].sort((a, b) => a[0] - b[0]).flatMap(([id, w]) => [id, [w]]);
    const bbox = this.font.bbox;
    const type0 = new PdfDict()
      .set('Type', pdfName('Font'))
      .set('Subtype', pdfName('Type0'))
      .set('BaseFont', baseFont)
      .set('Encoding', pdfName('Identity-H'))
      .set('DescendantFonts', [new PdfRef(cid, 0)])
      .set('ToUnicode', new PdfRef(toUnicode, 0));
    const cidFont = new PdfDict()
      .set('Type', pdfName('Font'))
      .set('Subtype', pdfName('CIDFontType2'))
      .set('BaseFont', baseFont)
      .set('CIDSystemInfo', new PdfDict().set('Registry', new PdfString(Buffer.from('Adobe'))).set('Ordering', new PdfString(Buffer.from('Identity'))).set('Supplement', 0))
      .set('FontDescriptor', new PdfRef(descriptor, 0))
      .set('W', widthList)
      .set('CIDToGIDMap', pdfName('Identity'));
    const fontDescriptor = new PdfDict()
      .set('Type', pdfName('FontDescriptor'))
      .set('FontName', baseFont)
      .set('Flags', 34)
      .set('FontBBox', [this.scale(bbox.minX), this.scale(bbox.minY), this.scale(bbox.maxX), this.scale(bbox.maxY)])
      .set('ItalicAngle', 0)
      .set('Ascent', this.scale(this.font.ascent))
      .set('Descent', this.scale(this.font.descent))
      .set('CapHeight', this.scale(this.font.capHeight))
      .set('StemV', 80)
      .set('FontFile2', new PdfRef(file, 0));
    return [
      { num: this.ref.num, gen: 0, body: valueBody(type0) },
      { num: cid, gen: 0, body: valueBody(cidFont) },
      { num: descriptor, gen: 0, body: valueBody(fontDescriptor) },
      { num: file, gen: 0, body: streamBody(new PdfDict().set('Filter', pdfName('FlateDecode')).set('Length1', fontData.length), deflateSync(fontData)) },
      { num: toUnicode, gen: 0, body: streamBody(new PdfDict().set('Filter', pdfName('FlateDecode')), deflateSync(Buffer.from(this.toUnicode(), 'latin1'))) },
    ];
  }
}
