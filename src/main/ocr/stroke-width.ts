import { inflateSync } from 'node:zlib';

// How heavy the letters of a word are: the median length of the horizontal runs of ink across
// its box in the engine's own black-and-white page (a 1-bit PNG it writes after thresholding).
// A run across a stem is the stem's width, and bold stems are about one and a half times as wide
// as regular ones at the same size. The field rules tell the issuing agency (bold) from its
// parent (regular) and the subject (bold) from the body by the face, which a scan does not name
// (docs/ocr.md "Bold").

// A word's box in the page image's pixels, origin top left.
interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface BinaryPage {
  readonly width: number;
  readonly height: number;
  readonly stride: number;
  // One bit a pixel, most significant first, 1 for ink.
  readonly ink: Uint8Array;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

// A 1-bit grey PNG (no palette, not interlaced), white 1, as Leptonica writes one; null for
// anything else, which only leaves the words without a weight.
export function readBinaryPng(png: Uint8Array): BinaryPage | null {
  const b = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (b.length < 33 || b.toString('latin1', 12, 16) !== 'IHDR' || b[24] !== 1 || b[25] !== 0 || b[28] !== 0) return null;
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  const parts: Buffer[] = [];
  for (let at = 8; at + 12 <= b.length; ) {
    const length = b.readUInt32BE(at);
    const type = b.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') parts.push(b.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  const stride = Math.ceil(width / 8);
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(parts), { maxOutputLength: (stride + 1) * height });
  } catch {
    return null;
  }
  if (raw.length < (stride + 1) * height) return null;
  const ink = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const type = raw[y * (stride + 1)] as number;
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let i = 0; i < stride; i++) {
      const x = raw[src + i] as number;
      const left = i > 0 ? (ink[row + i - 1] as number) : 0;
      const up = y > 0 ? (ink[row + i - stride] as number) : 0;
      const upLeft = y > 0 && i > 0 ? (ink[row + i - stride - 1] as number) : 0;
      const v = type === 0 ? x : type === 1 ? x + left : type === 2 ? x + up : type === 3 ? x + ((left + up) >> 1) : type === 4 ? x + paeth(left, up, upLeft) : x;
      ink[row + i] = v & 0xff;
    }
  }
  // Filters run on the bytes as stored (1 white); ink is the complement.
  for (let i = 0; i < ink.length; i++) ink[i] = ~(ink[i] as number) & 0xff;
  return { width, height, stride, ink };
}

// The median horizontal ink run inside the box, in pixels; null for a box with no ink.
export function strokeWidth(page: BinaryPage, box: Box): number | null {
  const x0 = Math.max(0, Math.floor(box.x0));
  const x1 = Math.min(page.width, Math.ceil(box.x1));
  const y0 = Math.max(0, Math.floor(box.y0));
  const y1 = Math.min(page.height, Math.ceil(box.y1));
  const counts = new Map<number, number>();
  let total = 0;
  for (let y = y0; y < y1; y++) {
    let run = 0;
    for (let x = x0; x <= x1; x++) {
      const on = x < x1 && (((page.ink[y * page.stride + (x >> 3)] as number) >> (7 - (x & 7))) & 1) === 1;
      if (on) run += 1;
      else if (run > 0) {
        counts.set(run, (counts.get(run) ?? 0) + 1);
        total += 1;
        run = 0;
      }
    }
  }
  if (total === 0) return null;
  // The mean of the runs up to twice the median: runs along a bar or a serif, and letters run
  // together, are left out, and the mean is finer than whole pixels at 200 dpi.
  const runs = [...counts.keys()].sort((a, b) => a - b);
  let seen = 0;
  let median = runs[0] as number;
  for (const run of runs) {
    seen += counts.get(run) as number;
    median = run;
    if (seen * 2 >= total) break;
  }
  let sum = 0;
  let n = 0;
  for (const run of runs) {
    if (run > median * 2) break;
    sum += run * (counts.get(run) as number);
    n += counts.get(run) as number;
  }
  return sum / n;
}
