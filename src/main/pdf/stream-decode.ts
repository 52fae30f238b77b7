import { inflateSync } from 'node:zlib';
import { brokenPdf } from './pdf-errors.ts';
import { isArray, isName, PdfDict, type PdfValue } from './pdf-values.ts';

// The reader decodes only the streams it must understand (object streams, xref streams). Decoded
// size is capped so a compression bomb is refused instead of filling memory.
export const MAX_DECODED_BYTES = 64 * 1024 * 1024;

export function decodeStreamData(dict: PdfDict, raw: Uint8Array, parms?: PdfDict): Uint8Array {
  const filter = dict.get('Filter');
  const filters = filter === undefined || filter === null ? [] : isArray(filter) ? filter : [filter];
  if (filters.length === 0) return raw;
  if (filters.length > 1 || !isName(filters[0], 'FlateDecode')) {
    throw brokenPdf(`unsupported filter ${JSON.stringify(filters.map((f) => (isName(f) ? f.name : String(f))))} on a structural stream`);
  }
  let data: Uint8Array;
  try {
    data = inflateSync(raw, { maxOutputLength: MAX_DECODED_BYTES });
  } catch (e) {
    throw brokenPdf(`FlateDecode failed: ${(e as Error).message}`);
  }
  const decodeParms = parms ?? firstDict(dict.get('DecodeParms'));
  return decodeParms ? unpredict(data, decodeParms) : data;
}

function firstDict(value: PdfValue | undefined): PdfDict | undefined {
  if (value instanceof PdfDict) return value;
  if (isArray(value) && value[0] instanceof PdfDict) return value[0];
  return undefined;
}

// PNG predictors (PDF 32000 §7.4.4.4), which xref streams use to make their columns compress well.
function unpredict(data: Uint8Array, parms: PdfDict): Uint8Array {
  const predictor = numberOr(parms.get('Predictor'), 1);
  if (predictor === 1) return data;
  if (predictor < 10) throw brokenPdf(`unsupported predictor ${predictor}`);
  const colors = numberOr(parms.get('Colors'), 1);
  const bits = numberOr(parms.get('BitsPerComponent'), 8);
  const columns = numberOr(parms.get('Columns'), 1);
  const bpp = Math.max(1, Math.ceil((colors * bits) / 8));
  const rowLength = Math.ceil((colors * bits * columns) / 8);
  if (rowLength <= 0 || rowLength > 1 << 20) throw brokenPdf(`bad predictor row length ${rowLength}`);
  const rows = Math.floor(data.length / (rowLength + 1));
  const out = new Uint8Array(rows * rowLength);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLength + 1)] as number;
    const src = r * (rowLength + 1) + 1;
    const dst = r * rowLength;
    for (let i = 0; i < rowLength; i++) {
      const x = data[src + i] as number;
      const left = i >= bpp ? (out[dst + i - bpp] as number) : 0;
      const up = r > 0 ? (out[dst + i - rowLength] as number) : 0;
      const upLeft = r > 0 && i >= bpp ? (out[dst + i - rowLength - bpp] as number) : 0;
      let v: number;
      if (type === 0) v = x;
      else if (type === 1) v = x + left;
      else if (type === 2) v = x + up;
      else if (type === 3) v = x + ((left + up) >> 1);
      else if (type === 4) v = x + paeth(left, up, upLeft);
      else throw brokenPdf(`bad PNG predictor row type ${type}`);
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

function numberOr(value: PdfValue | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) ? value : fallback;
}
