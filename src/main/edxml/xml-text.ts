import { refusal } from './refusal.ts';

// XML character data as it stands in the file → the text it means. The parser never sees the
// text of elements (see text-gate.ts), so entity references and line ends are handled here.
// Only the five predefined entities and character references exist: a package has no DTD.
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// The longest reference we accept: "&#x10FFFF;" with leading zeros to spare.
const MAX_REFERENCE = 16;

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

function resolve(name: string): string {
  const predefined = PREDEFINED[name];
  if (predefined !== undefined) return predefined;
  const m = /^#(?:x([0-9A-Fa-f]{1,8})|([0-9]{1,8}))$/.exec(name);
  const cp = m ? (m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2])) : NaN;
  if (!isXmlChar(cp)) {
    throw refusal('NOT_XML', 'có tham chiếu thực thể không được phép.', `undeclared entity or bad character reference &${name.slice(0, MAX_REFERENCE)};`);
  }
  return String.fromCodePoint(cp);
}

// Decodes character data arriving in pieces; a reference cut by a piece boundary is held back.
export class XmlTextStream {
  private held = '';

  push(raw: string): string {
    const text = this.held + raw;
    this.held = '';
    let out = '';
    let from = 0;
    for (;;) {
      const amp = text.indexOf('&', from);
      if (amp === -1) return out + text.slice(from);
      out += text.slice(from, amp);
      const semi = text.indexOf(';', amp);
      if (semi === -1) {
        if (text.length - amp > MAX_REFERENCE) resolve(text.slice(amp + 1, amp + 1 + MAX_REFERENCE));
        this.held = text.slice(amp);
        return out;
      }
      if (semi - amp > MAX_REFERENCE) resolve(text.slice(amp + 1, amp + 1 + MAX_REFERENCE));
      out += resolve(text.slice(amp + 1, semi));
      from = semi + 1;
    }
  }

  end(): void {
    if (this.held !== '') throw refusal('NOT_XML', 'có tham chiếu thực thể bị cắt dở.', `unterminated reference ${this.held.slice(0, MAX_REFERENCE)}`);
  }
}

// A whole text node: references resolved, line ends normalised as XML 1.0 §2.11 requires.
export function decodeXmlText(raw: string): string {
  const s = new XmlTextStream();
  const out = s.push(raw.replace(/\r\n?/g, '\n'));
  s.end();
  return out;
}
