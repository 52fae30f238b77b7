import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { AppError } from '../../shared/errors.ts';
import { listFields } from './document-edits.ts';
import { FileSource } from './file-source.ts';
import { parseAt } from './object-at.ts';
import { listPages } from './page-tree.ts';
import { withReader, type PdfReader } from './pdf-reader.ts';
import { decodeTextString } from './pdf-text.ts';
import { isName, PdfDict, PdfRef, PdfString, type PdfValue } from './pdf-values.ts';

export interface PdfSignature {
  fieldName: string;
  filter: string | null;
  subFilter: string | null;
  byteRange: [number, number, number, number];
  contents: Uint8Array; // DER, trailing zero padding trimmed by the DER length
  signingTime: string | null; // raw /M
  reason: string | null;
  name: string | null;
  location: string | null;
  page: number | null;
  revisionEnd: number;
  coversWholeFile: boolean;
  byteRangeProblem: string | null;
}

// A /Contents gap larger than this is not a signature placeholder.
const MAX_GAP = 8 * 1024 * 1024;

function text(value: PdfValue | undefined): string | null {
  return value instanceof PdfString ? decodeTextString(value.bytes) : null;
}

function nameOf(value: PdfValue | undefined): string | null {
  return isName(value) ? value.name : null;
}

// The DER's own length (tag 0x30, definite length) tells where the CMS ends inside the zero padding.
// A BER indefinite length (0x30 0x80, as NSS and so pdfsig write) ends with 00 00, which trimming
// zeros would cut: such a CMS is returned with its padding, which the CMS reader accepts.
export function trimDer(bytes: Uint8Array): Uint8Array {
  if (bytes.length >= 2 && bytes[0] === 0x30 && bytes[1] === 0x80) return bytes.slice();
  if (bytes.length >= 2 && bytes[0] === 0x30) {
    const first = bytes[1] as number;
    let length = first;
    let header = 2;
    if (first & 0x80) {
      const n = first & 0x7f;
      if (n >= 1 && n <= 4 && bytes.length >= 2 + n) {
        length = 0;
        for (let i = 0; i < n; i++) length = length * 256 + (bytes[2 + i] as number);
        header = 2 + n;
      } else length = -1;
    }
    if (length >= 0 && header + length <= bytes.length) return bytes.slice(0, header + length);
  }
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return bytes.slice(0, end);
}

function asByteRange(value: PdfValue | undefined): [number, number, number, number] | null {
  if (!Array.isArray(value) || value.length !== 4) return null;
  if (!value.every((v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0)) return null;
  return value as unknown as [number, number, number, number];
}

// What is wrong with a /ByteRange, if anything: it must start at 0, leave out exactly the
// /Contents hex string of this very signature dictionary, and stay inside the file.
function byteRangeProblem(reader: PdfReader, sigRef: PdfValue | undefined, range: [number, number, number, number] | null, contents: Uint8Array): string | null {
  if (!range) return '/ByteRange is not four non-negative integers';
  const [a, b, c, d] = range;
  if (a !== 0) return '/ByteRange does not start at the beginning of the file';
  if (c < b) return '/ByteRange ranges overlap';
  if (c + d > reader.size) return '/ByteRange goes beyond the end of the file';
  if (c - b > MAX_GAP) return '/ByteRange leaves out too much of the file';
  if (!(sigRef instanceof PdfRef)) return 'signature dictionary is not an indirect object';
  const start = reader.offsetOf(sigRef.num);
  if (start === undefined) return 'signature dictionary is inside an object stream';
  const end = parseAt(reader.source, start, (parser) => {
    parser.readObjectHeader();
    parser.value();
    return start + parser.pos;
  });
  if (b <= start || c > end) return 'the gap in /ByteRange is not inside the signature dictionary';
  const gap = reader.source.read(b, c - b).toString('latin1');
  if (!/^<[0-9a-fA-F\s]*>$/.test(gap)) return 'the gap in /ByteRange is not a hex string';
  if (!Buffer.from(gap.slice(1, -1).replace(/\s/g, ''), 'hex').equals(Buffer.from(contents))) return 'the gap in /ByteRange is not the /Contents of this signature';
  const before = reader.source.read(Math.max(start, b - 64), b - Math.max(start, b - 64)).toString('latin1');
  if (!/\/Contents\s*$/.test(before)) return 'the gap in /ByteRange is not the /Contents value';
  return null;
}

function pageIndex(reader: PdfReader, widget: PdfDict, widgetRef: PdfRef | undefined, pages: ReturnType<typeof listPages>): number | null {
  const p = widget.get('P');
  if (p instanceof PdfRef) {
    const i = pages.findIndex((page) => page.ref.num === p.num);
    if (i >= 0) return i;
  }
  if (!widgetRef) return null;
  const i = pages.findIndex((page) => (reader.array(page.dict.get('Annots')) ?? []).some((a) => a instanceof PdfRef && a.num === widgetRef.num));
  return i >= 0 ? i : null;
}

// Every signed signature field, in the order the signatures were made.
export async function readSignatures(path: string): Promise<PdfSignature[]> {
  return withReader(path, (reader) => {
    const pages = listPages(reader);
    const out: PdfSignature[] = [];
    for (const field of listFields(reader)) {
      if (field.type !== 'Sig') continue;
      const v = field.dict.get('V');
      const sig = reader.dict(v);
      if (!sig) continue;
      const rawContents = sig.get('Contents');
      const contents = rawContents instanceof PdfString ? rawContents.bytes : new Uint8Array();
      const range = asByteRange(reader.resolve(sig.get('ByteRange')));
      const revisionEnd = range ? range[2] + range[3] : 0;
      const kids = reader.array(field.dict.get('Kids'));
      const widgetRef = kids?.[0] instanceof PdfRef ? kids[0] : field.ref;
      const widget = reader.dict(widgetRef) ?? field.dict;
      out.push({
        fieldName: field.fullName,
        filter: nameOf(sig.get('Filter')),
        subFilter: nameOf(sig.get('SubFilter')),
        byteRange: range ?? [0, 0, 0, 0],
        contents: trimDer(contents),
        signingTime: text(sig.get('M')),
        reason: text(sig.get('Reason')),
        name: text(sig.get('Name')),
        location: text(sig.get('Location')),
        page: pageIndex(reader, widget, widgetRef, pages),
        revisionEnd,
        coversWholeFile: range !== null && revisionEnd === reader.size,
        byteRangeProblem: byteRangeProblem(reader, v, range, contents),
      });
    }
    return out.sort((x, y) => x.revisionEnd - y.revisionEnd);
  });
}

const DIGESTS = new Set(['sha1', 'sha256', 'sha384', 'sha512']);

// Reads the bytes a /ByteRange covers, in order, a few megabytes at a time.
export async function streamByteRange(path: string, byteRange: readonly number[], each: (chunk: Uint8Array) => void): Promise<void> {
  const source = FileSource.open(path);
  const size = source.size;
  source.close();
  const valid = byteRange.length % 2 === 0 && byteRange.every((n) => Number.isSafeInteger(n) && n >= 0);
  const pairs: [number, number][] = [];
  for (let i = 0; valid && i < byteRange.length; i += 2) pairs.push([byteRange[i] as number, byteRange[i + 1] as number]);
  if (!valid || pairs.some(([start, length]) => start + length > size)) {
    throw new AppError('INVALID_INPUT', 'Phạm vi ký (ByteRange) của chữ ký không hợp lệ.', `bad byte range ${JSON.stringify(byteRange)} for a file of ${size} bytes`);
  }
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(4 * 1024 * 1024);
    for (const [start, length] of pairs) {
      for (let done = 0; done < length; ) {
        const { bytesRead } = await file.read(buffer, 0, Math.min(buffer.length, length - done), start + done);
        if (bytesRead === 0) throw new AppError('INVALID_INPUT', 'Tệp PDF bị thay đổi trong lúc kiểm tra.', `file shrank while hashing ${path}`);
        each(buffer.subarray(0, bytesRead));
        done += bytesRead;
      }
    }
  } finally {
    await file.close();
  }
}

// The digest (SHA-256 unless the signature's CMS names another node:crypto hash) of the bytes a
// /ByteRange covers, streamed.
export async function digestByteRange(path: string, byteRange: readonly number[], algorithm = 'sha256'): Promise<Uint8Array> {
  if (!DIGESTS.has(algorithm)) {
    throw new AppError('INVALID_INPUT', 'Chữ ký dùng thuật toán băm không được hỗ trợ.', `unsupported digest algorithm ${algorithm}`);
  }
  const hash = createHash(algorithm);
  await streamByteRange(path, byteRange, (chunk) => hash.update(chunk));
  return hash.digest();
}
