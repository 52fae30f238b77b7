// The PDF object model as the reader produces it and the writer consumes it. Numbers are plain
// numbers, arrays plain arrays; names, strings, references, dictionaries and streams are classes
// so that a value can be told apart with instanceof.
export class PdfName {
  readonly name: string; // the decoded bytes as latin1 (one char per byte)
  constructor(name: string) {
    this.name = name;
  }
}

export class PdfString {
  readonly bytes: Uint8Array;
  readonly hex: boolean;
  constructor(bytes: Uint8Array, hex = false) {
    this.bytes = bytes;
    this.hex = hex;
  }
}

export class PdfRef {
  readonly num: number;
  readonly gen: number;
  constructor(num: number, gen: number) {
    this.num = num;
    this.gen = gen;
  }
  get key(): string {
    return `${this.num} ${this.gen} R`;
  }
}

export type PdfValue = null | boolean | number | PdfName | PdfString | PdfRef | PdfDict | PdfStream | readonly PdfValue[];

export class PdfDict {
  readonly entries: Map<string, PdfValue>;
  constructor(entries?: Iterable<readonly [string, PdfValue]>) {
    this.entries = new Map(entries);
  }
  get(key: string): PdfValue | undefined {
    return this.entries.get(key);
  }
  set(key: string, value: PdfValue): this {
    this.entries.set(key, value);
    return this;
  }
  // A shallow copy: the writer changes a copy, never the reader's cached object.
  clone(): PdfDict {
    return new PdfDict(this.entries);
  }
}

// A stream as read from the file: its dictionary, where its raw data starts, and /Length as written
// (a number or a reference the reader resolves when the data is needed).
export class PdfStream {
  readonly dict: PdfDict;
  readonly dataOffset: number;
  constructor(dict: PdfDict, dataOffset: number) {
    this.dict = dict;
    this.dataOffset = dataOffset;
  }
}

export function pdfName(name: string): PdfName {
  return new PdfName(name);
}

export function isName(value: PdfValue | undefined, name?: string): value is PdfName {
  return value instanceof PdfName && (name === undefined || value.name === name);
}

export function isArray(value: PdfValue | undefined): value is readonly PdfValue[] {
  return Array.isArray(value);
}

export function isNumber(value: PdfValue | undefined): value is number {
  return typeof value === 'number';
}
