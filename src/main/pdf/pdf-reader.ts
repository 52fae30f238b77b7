import { FileSource } from './file-source.ts';
import { readIndirectObjectAt } from './object-at.ts';
import { ObjectParser } from './object-parser.ts';
import { brokenPdf } from './pdf-errors.ts';
import { PdfDict, PdfRef, PdfStream, type PdfValue } from './pdf-values.ts';
import { decodeStreamData, MAX_DECODED_BYTES } from './stream-decode.ts';
import { readXref, type XrefSection } from './xref-reader.ts';
import type { XrefTable } from './xref-table.ts';

const MAX_CACHED_OBJECTS = 20_000;
const MAX_CACHED_OBJECT_STREAMS = 8;
const MAX_REFERENCE_CHAIN = 32;
const MAX_LENGTH_NESTING = 16;

interface ObjectStreamContent {
  readonly data: Uint8Array;
  readonly first: number;
  readonly offsets: readonly (readonly [number, number])[];
}

// Read access to a PDF's objects through its cross-reference sections. Opened on one state of the
// file: the whole file, or (for comparing revisions) only the sections before a given offset.
export class PdfReader {
  readonly source: FileSource;
  readonly table: XrefTable;
  readonly sections: readonly XrefSection[];
  readonly trailer: PdfDict;
  readonly startxref: number;
  readonly endsWithNewline: boolean;
  private readonly cache = new Map<number, PdfValue>();
  private readonly objectStreams = new Map<number, ObjectStreamContent>();
  // Guards against a stream whose /Length refers back into a stream being resolved.
  private readonly resolving = new Set<number>();

  private constructor(source: FileSource, include?: (sectionOffset: number) => boolean) {
    this.source = source;
    const state = readXref(source, include);
    this.table = state.table;
    this.sections = state.sections;
    this.trailer = state.trailer;
    this.startxref = state.startxref;
    this.endsWithNewline = state.endsWithNewline;
  }

  static open(path: string, include?: (sectionOffset: number) => boolean, limit?: number): PdfReader {
    const source = FileSource.open(path, limit);
    try {
      return new PdfReader(source, include);
    } catch (e) {
      source.close();
      throw e;
    }
  }

  close(): void {
    this.source.close();
  }

  get size(): number {
    return this.source.size;
  }

  // Free, missing and unknown objects are null, as PDF 32000 §7.3.10 says.
  getObject(num: number): PdfValue {
    const cached = this.cache.get(num);
    if (cached !== undefined) return cached;
    const entry = this.table.get(num);
    let value: PdfValue = null;
    if (entry?.kind === 'offset') {
      const object = readIndirectObjectAt(this.source, entry.offset);
      if (object.num !== num) throw brokenPdf(`xref says object ${num} is at ${entry.offset}, found object ${object.num}`);
      value = object.value;
    } else if (entry?.kind === 'compressed') {
      value = this.fromObjectStream(num, entry.stream, entry.index);
    }
    if (this.cache.size >= MAX_CACHED_OBJECTS) this.cache.clear();
    this.cache.set(num, value);
    return value;
  }

  // Where an uncompressed object starts in the file (undefined when it is compressed or absent).
  offsetOf(num: number): number | undefined {
    const entry = this.table.get(num);
    return entry?.kind === 'offset' ? entry.offset : undefined;
  }

  resolve(value: PdfValue | undefined): PdfValue | undefined {
    let v = value;
    for (let i = 0; v instanceof PdfRef; i++) {
      if (i >= MAX_REFERENCE_CHAIN) throw brokenPdf('reference chain too long');
      v = this.getObject(v.num);
    }
    return v;
  }

  // The dictionary a value is or refers to; a stream's dictionary counts.
  dict(value: PdfValue | undefined): PdfDict | undefined {
    const v = this.resolve(value);
    if (v instanceof PdfDict) return v;
    if (v instanceof PdfStream) return v.dict;
    return undefined;
  }

  array(value: PdfValue | undefined): readonly PdfValue[] | undefined {
    const v = this.resolve(value);
    return Array.isArray(v) ? v : undefined;
  }

  catalog(): PdfDict {
    const root = this.dict(this.trailer.get('Root'));
    if (!root) throw brokenPdf('trailer /Root is not a dictionary');
    return root;
  }

  // The stream's raw (still encoded) length, checked against the file and its "endstream".
  streamLength(stream: PdfStream): number {
    const lengthValue = stream.dict.get('Length');
    let length: PdfValue | undefined = lengthValue;
    if (lengthValue instanceof PdfRef) {
      if (this.resolving.has(lengthValue.num)) throw brokenPdf('stream /Length refers to itself');
      // Each /Length kept in another object stream nests one more read; a hostile chain of them
      // would otherwise run the stack out.
      if (this.resolving.size >= MAX_LENGTH_NESTING) throw brokenPdf('stream /Length references nested too deeply');
      this.resolving.add(lengthValue.num);
      try {
        length = this.resolve(lengthValue);
      } finally {
        this.resolving.delete(lengthValue.num);
      }
    }
    if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0 || stream.dataOffset + length > this.source.size) {
      throw brokenPdf(`bad stream /Length at ${stream.dataOffset}`);
    }
    const after = this.source.read(stream.dataOffset + length, 64).toString('latin1');
    if (!/^\s*endstream/.test(after)) throw brokenPdf(`stream at ${stream.dataOffset} does not end where its /Length says`);
    return length;
  }

  rawStreamData(stream: PdfStream, maxBytes = MAX_DECODED_BYTES): Uint8Array {
    const length = this.streamLength(stream);
    if (length > maxBytes) throw brokenPdf(`stream at ${stream.dataOffset} larger than ${maxBytes} bytes`);
    return this.source.read(stream.dataOffset, length);
  }

  private fromObjectStream(num: number, streamNum: number, index: number): PdfValue {
    const content = this.objectStream(streamNum);
    const pair = content.offsets[index];
    if (!pair || pair[0] !== num) throw brokenPdf(`object ${num} is not at index ${index} of object stream ${streamNum}`);
    const at = content.first + pair[1];
    if (at >= content.data.length) throw brokenPdf(`object ${num} beyond its object stream`);
    return new ObjectParser(content.data, 0, true, at).value();
  }

  private objectStream(streamNum: number): ObjectStreamContent {
    const cached = this.objectStreams.get(streamNum);
    if (cached) return cached;
    if (this.table.get(streamNum)?.kind !== 'offset') throw brokenPdf(`object stream ${streamNum} is not a plain object`);
    const stream = this.getObject(streamNum);
    if (!(stream instanceof PdfStream)) throw brokenPdf(`object stream ${streamNum} is not a stream`);
    const data = decodeStreamData(stream.dict, this.rawStreamData(stream));
    const n = stream.dict.get('N');
    const first = stream.dict.get('First');
    if (typeof n !== 'number' || typeof first !== 'number' || !Number.isSafeInteger(n) || !Number.isSafeInteger(first) || n < 0 || first < 0 || first > data.length) {
      throw brokenPdf(`object stream ${streamNum} has a bad /N or /First`);
    }
    const header = new ObjectParser(data.subarray(0, first), 0, true);
    const offsets: [number, number][] = [];
    for (let i = 0; i < n; i++) offsets.push([header.readInteger(), header.readInteger()]);
    const content = { data, first, offsets };
    if (this.objectStreams.size >= MAX_CACHED_OBJECT_STREAMS) this.objectStreams.clear();
    this.objectStreams.set(streamNum, content);
    return content;
  }
}

// Opens, runs `use`, and always closes.
export async function withReader<T>(path: string, use: (reader: PdfReader) => T | Promise<T>, include?: (sectionOffset: number) => boolean): Promise<T> {
  const reader = PdfReader.open(path, include);
  try {
    return await use(reader);
  } finally {
    reader.close();
  }
}
