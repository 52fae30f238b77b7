import { Transform, type TransformCallback } from 'node:stream';
import { Base64Decoder } from './base64-stream.ts';

// getEdoc answers {"status":…,"ErrorCode":…,"data":"<base64 of the whole package>"}, hundreds of
// MB for a big package. Rather than JSON.parse the body, this scans the top-level object byte by
// byte: the chosen field's string is base64-decoded as it streams past (the output of this
// Transform), every other top-level member (small: the envelope) is collected and parsed on its
// own. Memory: one chunk plus at most MAX_OTHER_BYTES of envelope.

const MAX_OTHER_BYTES = 1 << 20;
const MAX_KEY_BYTES = 256;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

type State = 'start' | 'beforeKey' | 'key' | 'colon' | 'valueStart' | 'data' | 'dataEscape' | 'dataUnicode' | 'value' | 'afterValue' | 'done';

export class MalformedResponse extends Error {
  constructor(detail: string) {
    super(`malformed hub response: ${detail}`);
    this.name = 'MalformedResponse';
  }
}

function isSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

export class JsonBase64Field extends Transform {
  // The other top-level members, parsed.
  readonly fields: Record<string, unknown> = {};
  #found = false;
  readonly #field: string;
  #state: State = 'start';
  #key: number[] = [];
  #keyEscape = false;
  #value: number[] = [];
  #otherBytes = 0;
  #depth = 0;
  #inString = false;
  #escape = false;
  #unicode = '';
  readonly #decoder = new Base64Decoder();

  constructor(field: string) {
    super();
    this.#field = field;
  }

  get found(): boolean {
    return this.#found;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.#scan(chunk);
      callback();
    } catch (e) {
      callback(e as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    if (this.#state !== 'done') callback(new MalformedResponse('the JSON ended early'));
    else callback();
  }

  #scan(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length) {
      const b = chunk[i] as number;
      switch (this.#state) {
        case 'start':
          if (b === 0x7b) this.#state = 'beforeKey';
          else if (!isSpace(b)) throw new MalformedResponse('not a JSON object');
          i++;
          break;
        case 'beforeKey':
          if (b === QUOTE) {
            this.#key = [];
            this.#state = 'key';
          } else if (b === 0x7d) this.#state = 'done';
          else if (!isSpace(b)) throw new MalformedResponse('expected a member name');
          i++;
          break;
        case 'key':
          if (this.#keyEscape) this.#keyEscape = false;
          else if (b === BACKSLASH) this.#keyEscape = true;
          else if (b === QUOTE) {
            this.#state = 'colon';
            i++;
            break;
          }
          if (this.#key.length >= MAX_KEY_BYTES) throw new MalformedResponse('member name too long');
          this.#key.push(b);
          i++;
          break;
        case 'colon':
          if (b === 0x3a) this.#state = 'valueStart';
          else if (!isSpace(b)) throw new MalformedResponse('expected ":"');
          i++;
          break;
        case 'valueStart':
          if (isSpace(b)) {
            i++;
          } else if (b === QUOTE && this.#keyName() === this.#field) {
            if (this.#found) throw new MalformedResponse(`"${this.#field}" appears twice`);
            this.#found = true;
            this.#state = 'data';
            i++;
          } else {
            this.#value = [];
            this.#depth = 0;
            this.#inString = false;
            this.#escape = false;
            this.#state = 'value';
          }
          break;
        case 'data': {
          // Fast path: hand the run up to the next quote or backslash to the decoder at once.
          let end = i;
          while (end < chunk.length && chunk[end] !== QUOTE && chunk[end] !== BACKSLASH) end++;
          if (end > i) this.#emit(this.#decoder.push(chunk.toString('latin1', i, end)));
          if (end < chunk.length) {
            if (chunk[end] === QUOTE) {
              this.#emit(this.#decoder.end());
              this.#state = 'afterValue';
            } else this.#state = 'dataEscape';
            end++;
          }
          i = end;
          break;
        }
        case 'dataEscape':
          // Some JSON writers escape "/" as "\/", and MIME-wrapped base64 carries "\r\n".
          if (b === 0x2f) this.#emit(this.#decoder.push('/'));
          else if (b === 0x75) {
            this.#unicode = '';
            this.#state = 'dataUnicode';
            i++;
            break;
          } else if (b !== 0x6e && b !== 0x72 && b !== 0x74) throw new MalformedResponse('unexpected escape in base64 data');
          this.#state = 'data';
          i++;
          break;
        case 'dataUnicode':
          this.#unicode += String.fromCharCode(b);
          if (this.#unicode.length === 4) {
            const code = Number.parseInt(this.#unicode, 16);
            if (!/^[0-9a-fA-F]{4}$/.test(this.#unicode) || code > 0x7f) throw new MalformedResponse('unexpected escape in base64 data');
            this.#emit(this.#decoder.push(String.fromCharCode(code)));
            this.#state = 'data';
          }
          i++;
          break;
        case 'value':
          if (this.#valueEndsBefore(b)) {
            this.#storeValue();
            this.#state = 'afterValue';
            break;
          }
          if (++this.#otherBytes > MAX_OTHER_BYTES) throw new MalformedResponse('envelope too large');
          this.#value.push(b);
          this.#track(b);
          i++;
          if (this.#depth === 0 && !this.#inString && (b === QUOTE || b === 0x7d || b === 0x5d)) {
            this.#storeValue();
            this.#state = 'afterValue';
          }
          break;
        case 'afterValue':
          if (b === 0x2c) this.#state = 'beforeKey';
          else if (b === 0x7d) this.#state = 'done';
          else if (!isSpace(b)) throw new MalformedResponse('expected "," or "}"');
          i++;
          break;
        case 'done':
          if (!isSpace(b)) throw new MalformedResponse('data after the JSON object');
          i++;
          break;
      }
    }
  }

  // A bare literal (number, true, false, null) ends at the first delimiter outside any nesting.
  #valueEndsBefore(b: number): boolean {
    return this.#value.length > 0 && this.#depth === 0 && !this.#inString && (b === 0x2c || b === 0x7d || isSpace(b));
  }

  #track(b: number): void {
    if (this.#inString) {
      if (this.#escape) this.#escape = false;
      else if (b === BACKSLASH) this.#escape = true;
      else if (b === QUOTE) this.#inString = false;
      return;
    }
    if (b === QUOTE) {
      this.#inString = true;
      // A top-level string value that just opened: not finished yet.
      if (this.#value.length === 1) return;
    } else if (b === 0x7b || b === 0x5b) this.#depth++;
    else if (b === 0x7d || b === 0x5d) this.#depth--;
  }

  #keyName(): string {
    return JSON.parse(`"${Buffer.from(this.#key).toString('utf8')}"`) as string;
  }

  #storeValue(): void {
    try {
      this.fields[this.#keyName()] = JSON.parse(Buffer.from(this.#value).toString('utf8'));
    } catch {
      throw new MalformedResponse('a member is not valid JSON');
    }
  }

  #emit(bytes: Buffer): void {
    if (bytes.length > 0) this.push(bytes);
  }
}
