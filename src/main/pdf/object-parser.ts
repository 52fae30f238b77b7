import { brokenPdf } from './pdf-errors.ts';
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfValue } from './pdf-values.ts';

// Thrown when a window of the file ends inside the value being parsed; the reader retries with a
// larger window. Never escapes the reader.
export class NeedMoreBytes extends Error {}

// Hostile files nest arrays and dictionaries to blow the stack; real ones stay far below this.
const MAX_DEPTH = 100;
const WHITESPACE = new Set([0, 9, 10, 12, 13, 32]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

export function isWhitespace(byte: number): boolean {
  return WHITESPACE.has(byte);
}

function isRegular(byte: number): boolean {
  return !WHITESPACE.has(byte) && !DELIMITERS.has(byte);
}

function hexValue(byte: number): number {
  if (byte >= 0x30 && byte <= 0x39) return byte - 0x30;
  if (byte >= 0x41 && byte <= 0x46) return byte - 0x37;
  if (byte >= 0x61 && byte <= 0x66) return byte - 0x57;
  return -1;
}

type Keyword = { readonly keyword: string };

// A parser over one buffer. `base` is the file offset of buf[0], so streams record where their
// data starts in the file. With `complete` the buffer is all there is (an object stream's
// content): running off its end is a broken file rather than a reason to read more.
export class ObjectParser {
  private readonly buf: Uint8Array;
  private readonly base: number;
  private readonly complete: boolean;
  pos: number;

  constructor(buf: Uint8Array, base: number, complete: boolean, pos = 0) {
    this.buf = buf;
    this.base = base;
    this.complete = complete;
    this.pos = pos;
  }

  private end(): never {
    if (this.complete) throw brokenPdf(`unexpected end of data at ${this.base + this.pos}`);
    throw new NeedMoreBytes();
  }

  private peek(): number {
    if (this.pos >= this.buf.length) this.end();
    return this.buf[this.pos] as number;
  }

  skipWhitespace(): void {
    for (;;) {
      if (this.pos >= this.buf.length) return;
      const b = this.buf[this.pos] as number;
      if (WHITESPACE.has(b)) this.pos++;
      else if (b === 0x25) {
        while (this.pos < this.buf.length && this.buf[this.pos] !== 10 && this.buf[this.pos] !== 13) this.pos++;
      } else return;
    }
  }

  atEnd(): boolean {
    this.skipWhitespace();
    return this.pos >= this.buf.length;
  }

  // A bare word (obj, endobj, stream, R, true, xref, trailer…) or a number, as text.
  private word(): string {
    const start = this.pos;
    while (this.pos < this.buf.length && isRegular(this.buf[this.pos] as number)) this.pos++;
    if (this.pos >= this.buf.length && !this.complete) this.end();
    return Buffer.from(this.buf.subarray(start, this.pos)).toString('latin1');
  }

  expectKeyword(keyword: string): void {
    this.skipWhitespace();
    const got = this.word();
    if (got !== keyword) throw brokenPdf(`expected "${keyword}" at ${this.base + this.pos - got.length}, found "${got.slice(0, 20)}"`);
  }

  // Reads "N G obj" and returns N and G.
  readObjectHeader(): { num: number; gen: number } {
    this.skipWhitespace();
    const num = this.readInteger();
    this.skipWhitespace();
    const gen = this.readInteger();
    this.expectKeyword('obj');
    return { num, gen };
  }

  readInteger(): number {
    this.skipWhitespace();
    const at = this.pos;
    const text = this.word();
    if (!/^\d{1,15}$/.test(text)) throw brokenPdf(`expected an integer at ${this.base + at}, found "${text.slice(0, 20)}"`);
    return Number(text);
  }

  // A value, or a keyword the caller checks (only where one may stand in for a value).
  private valueOrKeyword(depth: number): PdfValue | Keyword {
    if (depth > MAX_DEPTH) throw brokenPdf(`nesting deeper than ${MAX_DEPTH} at ${this.base + this.pos}`);
    this.skipWhitespace();
    const b = this.peek();
    if (b === 0x2f) return this.name();
    if (b === 0x28) return this.literalString();
    if (b === 0x5b) return this.array(depth);
    if (b === 0x3c) {
      if (this.pos + 1 >= this.buf.length) this.end();
      return this.buf[this.pos + 1] === 0x3c ? this.dictOrStream(depth) : this.hexString();
    }
    if (b === 0x5d || b === 0x3e || b === 0x29 || b === 0x7b || b === 0x7d) {
      throw brokenPdf(`unexpected "${String.fromCharCode(b)}" at ${this.base + this.pos}`);
    }
    const at = this.pos;
    const text = this.word();
    if (text === 'true') return true;
    if (text === 'false') return false;
    if (text === 'null') return null;
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) {
      const n = Number(text);
      if (/^\d+$/.test(text)) return this.maybeReference(n);
      return n;
    }
    if (text === '') throw brokenPdf(`unexpected byte ${b} at ${this.base + at}`);
    return { keyword: text };
  }

  value(depth = 0): PdfValue {
    const at = this.pos;
    const v = this.valueOrKeyword(depth);
    if (isKeyword(v)) throw brokenPdf(`unexpected "${v.keyword.slice(0, 20)}" at ${this.base + at}`);
    return v;
  }

  // "12 0 R" is a reference; "12 0" followed by anything else is two numbers.
  private maybeReference(num: number): PdfValue {
    const save = this.pos;
    this.skipWhitespace();
    const genStart = this.pos;
    while (this.pos < this.buf.length && (this.buf[this.pos] as number) >= 0x30 && (this.buf[this.pos] as number) <= 0x39) this.pos++;
    if (this.pos >= this.buf.length && !this.complete) this.end();
    if (this.pos === genStart || this.pos - genStart > 5 || (this.pos < this.buf.length && isRegular(this.buf[this.pos] as number))) {
      this.pos = save;
      return num;
    }
    const gen = Number(Buffer.from(this.buf.subarray(genStart, this.pos)).toString('latin1'));
    this.skipWhitespace();
    if (this.pos >= this.buf.length && !this.complete) this.end();
    if (this.buf[this.pos] === 0x52 && this.pos + 1 >= this.buf.length && !this.complete) this.end();
    if (this.buf[this.pos] === 0x52 && (this.pos + 1 >= this.buf.length || !isRegular(this.buf[this.pos + 1] as number))) {
      this.pos++;
      return new PdfRef(num, gen);
    }
    this.pos = save;
    return num;
  }

  private name(): PdfName {
    this.pos++;
    const bytes: number[] = [];
    for (;;) {
      if (this.pos >= this.buf.length) {
        if (!this.complete) this.end();
        break;
      }
      const b = this.buf[this.pos] as number;
      if (!isRegular(b)) break;
      if (b === 0x23 && this.pos + 2 < this.buf.length) {
        const hi = hexValue(this.buf[this.pos + 1] as number);
        const lo = hexValue(this.buf[this.pos + 2] as number);
        if (hi >= 0 && lo >= 0) {
          bytes.push(hi * 16 + lo);
          this.pos += 3;
          continue;
        }
      }
      bytes.push(b);
      this.pos++;
    }
    return new PdfName(Buffer.from(bytes).toString('latin1'));
  }

  private literalString(): PdfString {
    this.pos++;
    const out: number[] = [];
    let depth = 1;
    for (;;) {
      const b = this.peek();
      this.pos++;
      if (b === 0x5c) {
        const e = this.peek();
        this.pos++;
        const simple: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
        if (simple[e] !== undefined) out.push(simple[e]);
        else if (e >= 0x30 && e <= 0x37) {
          let code = e - 0x30;
          for (let i = 0; i < 2; i++) {
            const d = this.peek();
            if (d < 0x30 || d > 0x37) break;
            code = code * 8 + (d - 0x30);
            this.pos++;
          }
          out.push(code & 0xff);
        } else if (e === 13) {
          if (this.peek() === 10) this.pos++;
        } else if (e !== 10) out.push(e);
      } else if (b === 0x28) {
        depth++;
        out.push(b);
      } else if (b === 0x29) {
        if (--depth === 0) break;
        out.push(b);
      } else out.push(b);
    }
    return new PdfString(Uint8Array.from(out), false);
  }

  private hexString(): PdfString {
    this.pos++;
    const out: number[] = [];
    let high = -1;
    for (;;) {
      const b = this.peek();
      this.pos++;
      if (b === 0x3e) break;
      if (WHITESPACE.has(b)) continue;
      const v = hexValue(b);
      if (v < 0) throw brokenPdf(`bad hex digit at ${this.base + this.pos - 1}`);
      if (high < 0) high = v;
      else {
        out.push(high * 16 + v);
        high = -1;
      }
    }
    if (high >= 0) out.push(high * 16);
    return new PdfString(Uint8Array.from(out), true);
  }

  private array(depth: number): PdfValue[] {
    this.pos++;
    const items: PdfValue[] = [];
    for (;;) {
      this.skipWhitespace();
      if (this.peek() === 0x5d) {
        this.pos++;
        return items;
      }
      items.push(this.value(depth + 1));
    }
  }

  private dictOrStream(depth: number): PdfDict | PdfStream {
    this.pos += 2;
    const dict = new PdfDict();
    for (;;) {
      this.skipWhitespace();
      const b = this.peek();
      if (b === 0x3e) {
        if (this.pos + 1 >= this.buf.length) this.end();
        if (this.buf[this.pos + 1] !== 0x3e) throw brokenPdf(`expected ">>" at ${this.base + this.pos}`);
        this.pos += 2;
        break;
      }
      if (b !== 0x2f) throw brokenPdf(`expected a name key at ${this.base + this.pos}`);
      const key = this.name().name;
      dict.set(key, this.value(depth + 1));
    }
    if (depth > 0) return dict;
    // Only a top-level dictionary of an indirect object can start a stream.
    const save = this.pos;
    this.skipWhitespace();
    if (this.pos + 6 > this.buf.length) {
      if (!this.complete) this.end();
      this.pos = save;
      return dict;
    }
    if (Buffer.from(this.buf.subarray(this.pos, this.pos + 6)).toString('latin1') !== 'stream') {
      this.pos = save;
      return dict;
    }
    this.pos += 6;
    if (this.pos + 2 > this.buf.length) this.end();
    if (this.buf[this.pos] === 13 && this.buf[this.pos + 1] === 10) this.pos += 2;
    else if (this.buf[this.pos] === 10 || this.buf[this.pos] === 13) this.pos += 1;
    return new PdfStream(dict, this.base + this.pos);
  }
}

function isKeyword(v: PdfValue | Keyword): v is Keyword {
  return v !== null && typeof v === 'object' && 'keyword' in v;
}
