import { createRequire } from 'node:module';
import { PNG } from 'pngjs';
import type { Random } from '../../bench/lib/random.ts';

// What a flatbed scanner and an office's habits do to a clean page (bench/README.md "OCR"): the
// sheet laid a little crooked (a turn of up to 2°), grey recycled paper, sensor noise and dust,
// and JPEG compression as scanners save. Pixel transforms on 8-bit grey, written here; only the
// JPEG encoder is borrowed: @napi-rs/canvas, which pdf.js brings into node_modules.

export interface Degradation {
  readonly skewDegrees: number;
  readonly paper: number; // grey level of white paper, 0–255
  readonly noise: number; // standard deviation of the grain, in grey levels
  readonly specks: number; // share of pixels turned to dust
  readonly jpegQuality: number; // 1–100
}

export interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array; // one byte a pixel, rows top to bottom
}

export function randomDegradation(r: Random): Degradation {
  return {
    skewDegrees: (r.next() * 2 - 1) * 2,
    paper: 200 + r.int(0, 45),
    noise: 4 + r.next() * 10,
    specks: r.next() * 0.0008,
    jpegQuality: 50 + r.int(0, 35),
  };
}

export function readGreyPng(png: Uint8Array): GreyImage {
  const image = PNG.sync.read(Buffer.from(png));
  const data = new Uint8Array(image.width * image.height);
  for (let i = 0; i < data.length; i++) data[i] = image.data[i * 4] as number;
  return { width: image.width, height: image.height, data };
}

// Turned about the centre, bilinear; what comes in from outside the sheet is white.
function rotate(src: GreyImage, degrees: number): GreyImage {
  const { width: w, height: h, data } = src;
  const a = (degrees * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  const out = new Uint8Array(w * h);
  const cx = w / 2;
  const cy = h / 2;
  const at = (x: number, y: number): number => (x < 0 || y < 0 || x >= w || y >= h ? 255 : (data[y * w + x] as number));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const sx = cos * (x - cx) + sin * (y - cy) + cx;
      const sy = -sin * (x - cx) + cos * (y - cy) + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
      const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
      out[y * w + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return { width: w, height: h, data: out };
}

// Paper, grain and dust: white becomes the paper's grey, ink stays dark.
function soil(src: GreyImage, d: Degradation, r: Random): GreyImage {
  const out = new Uint8Array(src.data.length);
  const scale = d.paper / 255;
  for (let i = 0; i < out.length; i++) {
    // Sum of uniforms: near enough a normal grain, and cheap.
    const grain = (r.next() + r.next() + r.next() - 1.5) * 2 * d.noise;
    const speck = r.next() < d.specks ? -160 : 0;
    out[i] = Math.max(0, Math.min(255, (src.data[i] as number) * scale + grain + speck));
  }
  return { width: src.width, height: src.height, data: out };
}

const require = createRequire(import.meta.url);

function jpeg(src: GreyImage, quality: number): Uint8Array {
  const { createCanvas } = require('@napi-rs/canvas') as typeof import('@napi-rs/canvas');
  const canvas = createCanvas(src.width, src.height);
  const context = canvas.getContext('2d');
  const rgba = context.createImageData(src.width, src.height);
  for (let i = 0; i < src.data.length; i++) {
    const v = src.data[i] as number;
    rgba.data[i * 4] = v;
    rgba.data[i * 4 + 1] = v;
    rgba.data[i * 4 + 2] = v;
    rgba.data[i * 4 + 3] = 255;
  }
  context.putImageData(rgba, 0, 0);
  return new Uint8Array(canvas.encodeSync('jpeg', quality));
}

// A clean page rendered by pdftoppm (grey PNG) as a scanner would have saved it: a JPEG.
export function degradePage(png: Uint8Array, d: Degradation, r: Random): Uint8Array {
  const page = readGreyPng(png);
  const turned = Math.abs(d.skewDegrees) > 0.01 ? rotate(page, d.skewDegrees) : page;
  return jpeg(soil(turned, d, r), d.jpegQuality);
}
