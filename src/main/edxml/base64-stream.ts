import { refusal } from './refusal.ts';

// Base64 arriving in pieces cut anywhere, whitespace anywhere (line-wrapped producers), padding
// only at the very end. Anything else is refused: a decoder that skips junk would hand the
// clerk a silently corrupted file.
const NOT_BASE64 = /[^A-Za-z0-9+/=\s]/;
const WHITESPACE = /\s+/g;

function bad(detail: string): Error {
  return refusal('BAD_BASE64', 'nội dung tệp đính kèm không phải base64 hợp lệ.', detail);
}

export class Base64Stream {
  private carry = '';
  private padding = 0;

  // The bytes decodable so far.
  push(text: string): Buffer {
    if (NOT_BASE64.test(text)) throw bad('character outside the base64 alphabet');
    const clean = text.replace(WHITESPACE, '');
    const pad = clean.indexOf('=');
    const wasPadded = this.padding > 0;
    if (wasPadded || pad !== -1) {
      const tail = wasPadded ? clean : clean.slice(pad);
      if (/[^=]/.test(tail)) throw bad('data after padding');
      this.padding += tail.length;
      if (this.padding > 2) throw bad('more than two padding characters');
    }
    const fresh = wasPadded ? '' : pad === -1 ? clean : clean.slice(0, pad);
    const data = this.carry + fresh;
    const whole = data.length - (data.length % 4);
    this.carry = data.slice(whole);
    return Buffer.from(data.slice(0, whole), 'base64');
  }

  // The last bytes; refuses a length no encoder can produce.
  end(): Buffer {
    const rest = this.carry;
    this.carry = '';
    const ok = this.padding > 0 ? rest.length + this.padding === 4 : rest.length !== 1;
    if (!ok) throw bad(`bad final quantum: ${rest.length} characters and ${this.padding} padding`);
    return Buffer.from(rest, 'base64');
  }
}
