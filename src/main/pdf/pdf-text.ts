import { PdfString } from './pdf-values.ts';

// PDF text strings (PDF 32000 §7.9.2): plain ASCII stays readable as a literal; anything else
// (Vietnamese) is UTF-16BE with a byte order mark.
export function textString(text: string): PdfString {
  if (/^[\x20-\x7e]*$/.test(text)) return new PdfString(Buffer.from(text, 'latin1'));
  const utf16 = Buffer.from(`\ufeff${text}`, 'utf16le').swap16();
  return new PdfString(utf16, true);
}

export function decodeTextString(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const even = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    return even.swap16().toString('utf16le');
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return Buffer.from(bytes.subarray(3)).toString('utf8');
  // PDFDocEncoding agrees with Latin-1 on everything a signer's name or reason uses.
  return Buffer.from(bytes).toString('latin1');
}

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

// D:YYYYMMDDHHmmSS+07'00': the clerk's own time zone, whatever the computer is set to.
export function pdfDateVietnam(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('invalid signing time');
  const local = new Date(date.getTime() + VIETNAM_OFFSET_MS);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `D:${local.getUTCFullYear()}${two(local.getUTCMonth() + 1)}${two(local.getUTCDate())}${two(local.getUTCHours())}${two(local.getUTCMinutes())}${two(local.getUTCSeconds())}+07'00'`;
}
