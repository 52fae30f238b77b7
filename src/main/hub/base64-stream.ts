// Decodes base64 text that arrives in pieces of any length, keeping at most three characters
// between pieces. Strict about the alphabet and padding; tolerant of line breaks (MIME style).
export class Base64Decoder {
  #carry = '';
  #padding = 0;

  push(piece: string): Buffer {
    const clean = piece.replace(/[\r\n\t ]+/g, '');
    if (clean.length === 0) return Buffer.alloc(0);
    if (this.#padding > 0) {
      // Only more padding may follow padding, two characters at most in all.
      if (!/^=+$/.test(clean) || this.#padding + clean.length > 2) throw new Base64Error();
      this.#padding += clean.length;
    } else {
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new Base64Error();
      this.#padding = clean.length - clean.replace(/=+$/, '').length;
    }
    const text = this.#carry + clean;
    const whole = text.length - (text.length % 4);
    this.#carry = text.slice(whole);
    return Buffer.from(text.slice(0, whole), 'base64');
  }

  // An unpadded tail of two or three characters is accepted, as most decoders do; one is not.
  end(): Buffer {
    const tail = this.#carry;
    this.#carry = '';
    if (tail.length === 1 || (tail.includes('=') && tail.length % 4 !== 0)) throw new Base64Error();
    return Buffer.from(tail, 'base64');
  }
}

export class Base64Error extends Error {
  constructor() {
    super('invalid base64 in the hub response');
    this.name = 'Base64Error';
  }
}
