import type { FileSource } from './file-source.ts';
import { readIndirectObjectAt, parseAt } from './object-at.ts';
import { isWhitespace } from './object-parser.ts';
import { brokenPdf, encryptedPdf, notAPdf } from './pdf-errors.ts';
import { isArray, isName, PdfDict, PdfStream, type PdfValue } from './pdf-values.ts';
import { decodeStreamData, MAX_DECODED_BYTES } from './stream-decode.ts';
import { MAX_OBJECT_NUMBER, XrefTable, type XrefEntry } from './xref-table.ts';

export interface XrefSection {
  readonly offset: number;
  readonly kind: 'table' | 'stream';
  readonly trailer: PdfDict;
}

export interface XrefState {
  readonly table: XrefTable;
  // Newest first, as the /Prev chain runs.
  readonly sections: readonly XrefSection[];
  // The newest trailer among the sections that were applied.
  readonly trailer: PdfDict;
  readonly startxref: number;
  readonly endsWithNewline: boolean;
}

const MAX_SECTIONS = 10_000;
const TAIL = 4096;
// Scanners and upload tools pad files after %%EOF with blanks or NULs, sometimes by whole disk
// blocks; more padding than this is not a PDF's end.
const MAX_TRAILING_BLANKS = 1024 * 1024;

// Where the file's content ends once trailing white space (NUL is white space in PDF) is left out.
function contentEnd(source: FileSource): number {
  let end = source.size;
  while (end > 0 && source.size - end <= MAX_TRAILING_BLANKS) {
    const start = Math.max(0, end - TAIL);
    const window = source.read(start, end - start);
    let i = window.length;
    while (i > 0 && isWhitespace(window[i - 1] as number)) i--;
    if (i > 0) return start + i;
    end = start;
  }
  if (end > 0) throw notAPdf(`more than ${MAX_TRAILING_BLANKS} blank bytes at the end`);
  return 0;
}

// The offset after the last "startxref", checked to be followed by %%EOF: a file cut short has
// lost its last trailer, and signing what is left would sign a different document.
function findStartxref(source: FileSource): { startxref: number; endsWithNewline: boolean } {
  const head = source.read(0, 1024).toString('latin1');
  if (!head.includes('%PDF-')) throw notAPdf('no %PDF- header in the first 1024 bytes');
  const end = contentEnd(source);
  const tailStart = Math.max(0, end - TAIL);
  const tail = source.read(tailStart, end - tailStart).toString('latin1');
  const at = tail.lastIndexOf('startxref');
  if (at < 0) throw notAPdf('no startxref near the end');
  const match = /^startxref\s+(\d{1,15})\s+%%EOF/.exec(tail.slice(at));
  if (!match) throw notAPdf('startxref not followed by an offset and %%EOF');
  if (at + match[0].length !== tail.length) throw notAPdf('data after the last %%EOF');
  const last = source.read(source.size - 1, 1)[0];
  return { startxref: Number(match[1]), endsWithNewline: last === 10 || last === 13 };
}

function integer(value: PdfValue | undefined, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw brokenPdf(`${what} is not a non-negative integer`);
  return value;
}

type Entries = Map<number, XrefEntry>;

function checkNumber(num: number): void {
  if (num > MAX_OBJECT_NUMBER) throw brokenPdf(`object number ${num} beyond the PDF limit`);
}

// A classic table: "xref", subsections "start count" with 20-byte lines, then "trailer << … >>".
// Read token by token in windows, so a table for a million objects never sits in memory as text.
function readTable(source: FileSource, offset: number): { entries: Entries; trailer: PdfDict } {
  const entries: Entries = new Map();
  let pos = offset;
  let buf: Buffer = Buffer.alloc(0);
  let bufStart = offset;
  const token = (): string => {
    for (;;) {
      let i = pos - bufStart;
      while (i < buf.length && isWhitespace(buf[i] as number)) i++;
      let j = i;
      while (j < buf.length && !isWhitespace(buf[j] as number)) j++;
      if (j < buf.length || bufStart + buf.length >= source.size) {
        pos = bufStart + j;
        return buf.subarray(i, j).toString('latin1');
      }
      bufStart = bufStart + i;
      pos = bufStart;
      buf = source.read(bufStart, 1 << 20);
      if (buf.length === 0) return '';
    }
  };
  if (token() !== 'xref') throw brokenPdf(`no xref table at ${offset}`);
  for (;;) {
    const save = pos;
    const first = token();
    if (first === '') throw brokenPdf(`xref table at ${offset} has no trailer`);
    if (first.startsWith('trailer')) {
      pos = save;
      break;
    }
    const start = Number(first);
    const count = Number(token());
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(count) || start < 0 || count < 0) throw brokenPdf(`bad xref subsection at ${save}`);
    checkNumber(start + count - 1);
    for (let k = 0; k < count; k++) {
      const off = token();
      const gen = token();
      const type = token();
      if (!/^\d{1,15}$/.test(off) || !/^\d{1,5}$/.test(gen) || (type !== 'n' && type !== 'f')) throw brokenPdf(`bad xref entry ${start + k} near ${pos}`);
      if (entries.has(start + k)) continue;
      entries.set(start + k, type === 'n' ? { kind: 'offset', offset: Number(off), gen: Number(gen) } : { kind: 'free' });
    }
  }
  const trailer = parseAt(source, pos, (parser) => {
    parser.expectKeyword('trailer');
    return parser.value();
  });
  if (!(trailer instanceof PdfDict)) throw brokenPdf(`trailer at ${pos} is not a dictionary`);
  return { entries, trailer };
}

function readStreamSection(source: FileSource, offset: number): { entries: Entries; trailer: PdfDict } {
  const { value } = readIndirectObjectAt(source, offset);
  if (!(value instanceof PdfStream) || !isName(value.dict.get('Type'), 'XRef')) throw brokenPdf(`no xref stream at ${offset}`);
  const dict = value.dict;
  const length = integer(dict.get('Length'), 'xref stream /Length');
  if (length > MAX_DECODED_BYTES || value.dataOffset + length > source.size) throw brokenPdf(`xref stream at ${offset} too long`);
  const data = decodeStreamData(dict, source.read(value.dataOffset, length));
  const w = dict.get('W');
  if (!isArray(w) || w.length !== 3) throw brokenPdf('xref stream /W is not three numbers');
  const widths = w.map((x) => integer(x, '/W entry'));
  if (widths.some((x) => x > 8)) throw brokenPdf('xref stream field wider than 8 bytes');
  const [w0, w1, w2] = widths as [number, number, number];
  const rowLength = w0 + w1 + w2;
  const size = integer(dict.get('Size'), 'xref stream /Size');
  const indexValue = dict.get('Index');
  const index = isArray(indexValue) ? indexValue.map((x) => integer(x, '/Index entry')) : [0, size];
  if (rowLength === 0) throw brokenPdf('xref stream rows are empty');
  const entries: Entries = new Map();
  let row = 0;
  const field = (at: number, width: number, fallback: number): number => {
    if (width === 0) return fallback;
    let v = 0;
    for (let i = 0; i < width; i++) v = v * 256 + (data[at + i] as number);
    return v;
  };
  for (let s = 0; s + 1 < index.length; s += 2) {
    const start = index[s] as number;
    const count = index[s + 1] as number;
    checkNumber(start + count - 1);
    for (let k = 0; k < count; k++, row++) {
      const at = row * rowLength;
      if (at + rowLength > data.length) throw brokenPdf('xref stream shorter than its /Index');
      const type = field(at, w0, 1);
      const a = field(at + w0, w1, 0);
      const b = field(at + w0 + w1, w2, 0);
      if (entries.has(start + k)) continue;
      if (type === 0) entries.set(start + k, { kind: 'free' });
      else if (type === 1) entries.set(start + k, { kind: 'offset', offset: a, gen: b });
      else if (type === 2) entries.set(start + k, { kind: 'compressed', stream: a, index: b });
      // Other types are reserved and mean "null object" (PDF 32000 §7.5.8.3).
    }
  }
  return { entries, trailer: dict };
}

function skipWhitespaceAt(source: FileSource, offset: number): number {
  const buf = source.read(offset, 64);
  let i = 0;
  while (i < buf.length && isWhitespace(buf[i] as number)) i++;
  return offset + i;
}

// Follows the /Prev chain from the last startxref. `include` decides, by section offset, whose
// entries go into the table (all by default; changesAfter also builds the earlier state).
export function readXref(source: FileSource, include: (sectionOffset: number) => boolean = () => true): XrefState {
  const { startxref, endsWithNewline } = findStartxref(source);
  const table = new XrefTable();
  const sections: XrefSection[] = [];
  const seen = new Set<number>();
  let trailer: PdfDict | undefined;
  let next: number | undefined = startxref;
  while (next !== undefined) {
    if (seen.has(next)) throw brokenPdf(`/Prev loop at ${next}`);
    if (seen.size >= MAX_SECTIONS) throw brokenPdf('too many xref sections');
    seen.add(next);
    if (next >= source.size) throw brokenPdf(`xref offset ${next} beyond the end of the file`);
    const at = skipWhitespaceAt(source, next);
    const isTable = source.read(at, 4).toString('latin1') === 'xref';
    const section = isTable ? readTable(source, at) : readStreamSection(source, at);
    const applied = include(next);
    if (section.trailer.get('Encrypt') !== undefined) throw encryptedPdf();
    let entries = section.entries;
    // A hybrid file's table marks the objects it keeps in object streams as free; the same
    // section's /XRefStm supplies them (PDF 32000 §7.5.8.4).
    const xrefStm = section.trailer.get('XRefStm');
    if (isTable && typeof xrefStm === 'number') {
      const hidden = readStreamSection(source, skipWhitespaceAt(source, integer(xrefStm, '/XRefStm'))).entries;
      entries = new Map(entries);
      for (const [num, entry] of hidden) {
        if (entries.get(num)?.kind !== 'offset') entries.set(num, entry);
      }
    }
    if (applied) {
      trailer ??= section.trailer;
      for (const [num, entry] of entries) if (num !== 0) table.setIfUnset(num, entry);
    }
    sections.push({ offset: next, kind: isTable ? 'table' : 'stream', trailer: section.trailer });
    const prev = section.trailer.get('Prev');
    next = prev === undefined ? undefined : integer(prev, '/Prev');
  }
  const newest = sections[0];
  if (!newest) throw brokenPdf('no xref section');
  return { table, sections, trailer: trailer ?? newest.trailer, startxref, endsWithNewline };
}
