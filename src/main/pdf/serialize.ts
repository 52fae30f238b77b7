import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfValue } from './pdf-values.ts';

// PDF syntax for the values the writer emits. Streams are written by the writer itself (their data
// is not in the value), so a stream here is a programming error.
function formatNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`cannot write ${n} in a PDF`);
  if (Number.isInteger(n)) return String(n);
  // PDF has no exponent notation; 6 decimals is finer than any device resolution.
  const fixed = n.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
  return fixed === '-0' ? '0' : fixed;
}

function nameBytes(name: string): string {
  let out = '/';
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const regular = c > 0x20 && c < 0x7f && !'()<>[]{}/%#'.includes(name[i] as string);
    out += regular ? name[i] : `#${c.toString(16).padStart(2, '0')}`;
  }
  return out;
}

function stringBytes(s: PdfString): string {
  if (s.hex) return `<${Buffer.from(s.bytes).toString('hex')}>`;
  let out = '(';
  for (const b of s.bytes) {
    if (b === 0x28 || b === 0x29 || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b === 10) out += '\\n';
    else if (b === 13) out += '\\r';
    else out += String.fromCharCode(b);
  }
  return `${out})`;
}

// Latin1 text: every char is one byte of the output.
export function serializeValue(value: PdfValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return formatNumber(value);
  if (value instanceof PdfName) return nameBytes(value.name);
  if (value instanceof PdfString) return stringBytes(value);
  if (value instanceof PdfRef) return `${value.num} ${value.gen} R`;
  if (value instanceof PdfDict) {
    const parts: string[] = [];
    for (const [k, v] of value.entries) parts.push(`${nameBytes(k)} ${serializeValue(v)}`);
    return `<<${parts.join(' ')}>>`;
  }
  if (value instanceof PdfStream) throw new Error('a stream cannot be written as a direct value');
  return `[${value.map(serializeValue).join(' ')}]`;
}
