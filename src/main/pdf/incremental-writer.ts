import { brokenPdf } from './pdf-errors.ts';
import type { PdfReader } from './pdf-reader.ts';
import { PdfDict, pdfName, type PdfValue } from './pdf-values.ts';
import { serializeValue } from './serialize.ts';
import { MAX_OBJECT_NUMBER } from './xref-table.ts';

// An object of the update: the bytes between "N G obj" and "endobj".
export interface UpdateObject {
  readonly num: number;
  readonly gen: number;
  readonly body: Buffer;
}

export interface IncrementalUpdate {
  // The bytes appended after the original file.
  readonly bytes: Buffer;
  // Where each object's body starts, as an offset into `bytes`.
  readonly bodyOffsets: ReadonlyMap<number, number>;
}

export function valueBody(value: PdfValue): Buffer {
  return Buffer.from(serializeValue(value), 'latin1');
}

export function streamBody(dict: PdfDict, data: Uint8Array): Buffer {
  const withLength = dict.clone().set('Length', data.length);
  return Buffer.concat([Buffer.from(`${serializeValue(withLength)}\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
}

// Hands out object numbers after the file's highest.
export class ObjectNumbers {
  private next: number;
  constructor(reader: PdfReader) {
    const size = reader.trailer.get('Size');
    const declared = typeof size === 'number' && Number.isSafeInteger(size) && size > 0 ? size : 1;
    this.next = Math.max(declared, reader.table.highestNumber + 1);
  }
  allocate(): number {
    if (this.next > MAX_OBJECT_NUMBER) throw brokenPdf('no object numbers left');
    return this.next++;
  }
  get size(): number {
    return this.next;
  }
}

function subsections(nums: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const n of [...nums].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === n) last[1]++;
    else runs.push([n, 1]);
  }
  return runs;
}

function trailerFor(reader: PdfReader, size: number): PdfDict {
  const trailer = new PdfDict().set('Size', size);
  for (const key of ['Root', 'Info', 'ID'] as const) {
    const v = reader.trailer.get(key);
    if (v !== undefined) trailer.set(key, v);
  }
  return trailer.set('Prev', reader.startxref);
}

// Appends `objects` and a cross-reference section of the same kind as the file's last one
// (classic table or xref stream), chained to it with /Prev. The earlier bytes are not touched.
export function buildIncrementalUpdate(reader: PdfReader, numbers: ObjectNumbers, objects: readonly UpdateObject[]): IncrementalUpdate {
  const parts: Buffer[] = [];
  let length = 0;
  const push = (b: Buffer): void => {
    parts.push(b);
    length += b.length;
  };
  if (!reader.endsWithNewline) push(Buffer.from('\n', 'latin1'));
  const offsets = new Map<number, number>();
  const bodyOffsets = new Map<number, number>();
  for (const object of objects) {
    offsets.set(object.num, reader.size + length);
    const header = Buffer.from(`${object.num} ${object.gen} obj\n`, 'latin1');
    push(header);
    bodyOffsets.set(object.num, length);
    push(object.body);
    push(Buffer.from('\nendobj\n', 'latin1'));
  }
  const gens = new Map(objects.map((o) => [o.num, o.gen]));
  const newest = reader.sections[0];
  const xrefOffset = reader.size + length;
  if (newest?.kind === 'stream') {
    const num = numbers.allocate();
    offsets.set(num, xrefOffset);
    gens.set(num, 0);
    const nums = [...offsets.keys()];
    const runs = subsections(nums);
    const offsetWidth = xrefOffset < 2 ** 32 ? 4 : 6;
    const rows = Buffer.alloc(nums.length * (1 + offsetWidth + 2));
    let at = 0;
    for (const [start, count] of runs) {
      for (let n = start; n < start + count; n++) {
        rows[at] = 1;
        rows.writeUIntBE(offsets.get(n) as number, at + 1, offsetWidth);
        rows.writeUInt16BE(gens.get(n) as number, at + 1 + offsetWidth);
        at += 1 + offsetWidth + 2;
      }
    }
    const dict = trailerFor(reader, numbers.size)
      .set('Type', pdfName('XRef'))
      .set('W', [1, offsetWidth, 2])
      .set('Index', runs.flat());
    push(Buffer.from(`${num} 0 obj\n`, 'latin1'));
    push(streamBody(dict, rows));
    push(Buffer.from('\nendobj\n', 'latin1'));
  } else {
    let table = 'xref\n';
    for (const [start, count] of subsections([...offsets.keys()])) {
      table += `${start} ${count}\n`;
      for (let n = start; n < start + count; n++) {
        table += `${String(offsets.get(n)).padStart(10, '0')} ${String(gens.get(n)).padStart(5, '0')} n\r\n`;
      }
    }
    table += `trailer\n${serializeValue(trailerFor(reader, numbers.size))}\n`;
    push(Buffer.from(table, 'latin1'));
  }
  push(Buffer.from(`startxref\n${xrefOffset}\n%%EOF\n`, 'latin1'));
  return { bytes: Buffer.concat(parts, length), bodyOffsets };
}
