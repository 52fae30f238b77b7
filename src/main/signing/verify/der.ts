// A bounded reader of BER/DER tag-length-value headers, for the parts of a signature that can be
// large: a CA's revocation list of tens of thousands of entries, embedded in a CMS. asn1js builds
// an object per node and refuses more than its node limit (a guard we keep for everything else);
// here nothing is built, a large structure is walked in place, and only the slices asked for are
// looked at.

export interface Tlv {
  // The identifier octet (class, constructed bit, tag number < 31).
  readonly tag: number;
  readonly start: number;
  // Where the contents begin and end; for an indefinite length `end` is before the end-of-contents.
  readonly contentStart: number;
  readonly contentEnd: number;
  // After the whole element (its end-of-contents octets included).
  readonly end: number;
  readonly indefinite: boolean;
}

export const TAG = { integer: 0x02, bitString: 0x03, octetString: 0x04, oid: 0x06, utcTime: 0x17, generalizedTime: 0x18, sequence: 0x30, set: 0x31 } as const;

const MAX_DEPTH = 64;

export class DerError extends Error {}

export function readTlv(bytes: Uint8Array, at: number, limit = bytes.length, depth = 0): Tlv {
  if (depth > MAX_DEPTH) throw new DerError(`nested deeper than ${MAX_DEPTH}`);
  if (at + 2 > limit) throw new DerError(`truncated header at ${at}`);
  const tag = bytes[at]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError(`high tag number at ${at}`);
  const first = bytes[at + 1]!;
  let contentStart = at + 2;
  if (first === 0x80) {
    if ((tag & 0x20) === 0) throw new DerError(`indefinite length on a primitive at ${at}`);
    // Contents run to the end-of-contents octets after the last child.
    let p = contentStart;
    for (;;) {
      if (p + 2 > limit) throw new DerError(`no end-of-contents for the element at ${at}`);
      if (bytes[p] === 0 && bytes[p + 1] === 0) return { tag, start: at, contentStart, contentEnd: p, end: p + 2, indefinite: true };
      p = readTlv(bytes, p, limit, depth + 1).end;
    }
  }
  let length = first;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n > 4) throw new DerError(`length of ${n} octets at ${at}`);
    if (contentStart + n > limit) throw new DerError(`truncated length at ${at}`);
    length = 0;
    for (let i = 0; i < n; i++) length = length * 256 + bytes[contentStart + i]!;
    contentStart += n;
  }
  const contentEnd = contentStart + length;
  if (contentEnd > limit) throw new DerError(`element at ${at} runs past its container (${contentEnd} > ${limit})`);
  return { tag, start: at, contentStart, contentEnd, end: contentEnd, indefinite: false };
}

// The elements inside a constructed one, in order.
export function childrenOf(bytes: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let p = parent.contentStart; p < parent.contentEnd; ) {
    const child = readTlv(bytes, p, parent.contentEnd);
    out.push(child);
    p = child.end;
  }
  return out;
}

// Calls `each` for every element inside a constructed one without keeping them: for the entry
// list of a large CRL.
export function forEachChild(bytes: Uint8Array, parent: Tlv, each: (child: Tlv) => boolean | void): void {
  for (let p = parent.contentStart; p < parent.contentEnd; ) {
    const child = readTlv(bytes, p, parent.contentEnd);
    if (each(child) === false) return;
    p = child.end;
  }
}

export function contentOf(bytes: Uint8Array, tlv: Tlv): Uint8Array {
  return bytes.subarray(tlv.contentStart, tlv.contentEnd);
}

export function elementOf(bytes: Uint8Array, tlv: Tlv): Uint8Array {
  return bytes.subarray(tlv.start, tlv.end);
}

export function expectTag(tlv: Tlv, tag: number, what: string): Tlv {
  if (tlv.tag !== tag) throw new DerError(`${what}: tag 0x${tlv.tag.toString(16)} where 0x${tag.toString(16)} was expected`);
  return tlv;
}

export function oidOf(content: Uint8Array): string {
  if (content.length === 0) throw new DerError('empty OBJECT IDENTIFIER');
  const arcs: number[] = [];
  let value = 0;
  for (const byte of content) {
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      arcs.push(value);
      value = 0;
    }
  }
  const first = arcs.shift()!;
  const head = first < 80 ? [Math.floor(first / 40), first % 40] : [2, first - 80];
  return [...head, ...arcs].join('.');
}

// UTCTime (YYMMDDHHMMSSZ, years 1950–2049 as RFC 5280 says) or GeneralizedTime (YYYYMMDDHHMMSSZ).
export function timeOf(bytes: Uint8Array, tlv: Tlv): Date {
  const text = Buffer.from(contentOf(bytes, tlv)).toString('latin1');
  const m = tlv.tag === TAG.utcTime ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(text) : tlv.tag === TAG.generalizedTime ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/.exec(text) : null;
  if (!m) throw new DerError(`not a UTC time: ${JSON.stringify(text)}`);
  const year = tlv.tag === TAG.utcTime ? (Number(m[1]) < 50 ? 2000 : 1900) + Number(m[1]) : Number(m[1]);
  return new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)));
}
