import type { GreyImage } from './scan-degrade.ts';

// A multi-page TIFF of 8-bit grey pages, uncompressed, little-endian, each page one strip, as a
// document scanner's "TIFF, one file" setting saves it: what the OCR tests feed the TIFF reader.
export function greyTiff(pages: readonly GreyImage[], dpi: number): Uint8Array {
  const TAGS = 11;
  const ifdSize = 2 + TAGS * 12 + 4;
  const layout = pages.map((p) => ({ p, ifd: 0, rational: 0, strip: 0 }));
  let at = 8;
  for (const l of layout) {
    l.ifd = at;
    l.rational = at + ifdSize;
    l.strip = l.rational + 8;
    at = l.strip + l.p.width * l.p.height;
    at += at % 2; // directories start on a word boundary
  }
  const out = Buffer.alloc(at);
  out.write('II', 0, 'latin1');
  out.writeUInt16LE(42, 2);
  out.writeUInt32LE(layout[0]?.ifd ?? 0, 4);
  layout.forEach((l, i) => {
    const tags: [number, number, number][] = [
      [256, 4, l.p.width],
      [257, 4, l.p.height],
      [258, 3, 8],
      [259, 3, 1],
      [262, 3, 1], // black is zero
      [273, 4, l.strip],
      [277, 3, 1],
      [278, 4, l.p.height],
      [279, 4, l.p.width * l.p.height],
      [282, 5, l.rational],
      [296, 3, 2], // inch
    ];
    out.writeUInt16LE(TAGS, l.ifd);
    tags.forEach(([tag, type, value], k) => {
      const e = l.ifd + 2 + k * 12;
      out.writeUInt16LE(tag, e);
      out.writeUInt16LE(type, e + 2);
      out.writeUInt32LE(1, e + 4);
      if (type === 3) out.writeUInt16LE(value, e + 8);
      else out.writeUInt32LE(value, e + 8);
    });
    out.writeUInt32LE(layout[i + 1]?.ifd ?? 0, l.ifd + 2 + TAGS * 12);
    out.writeUInt32LE(dpi, l.rational);
    out.writeUInt32LE(1, l.rational + 4);
    out.set(l.p.data, l.strip);
  });
  return out;
}
