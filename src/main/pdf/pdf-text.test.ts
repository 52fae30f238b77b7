import { describe, expect, it } from 'vitest';
import { decodeTextString, pdfDateVietnam, textString } from './pdf-text.ts';

describe('PDF text strings and dates', () => {
  it('keeps ASCII literal and writes Vietnamese as UTF-16BE with a byte order mark', () => {
    expect(textString('Signature1').hex).toBe(false);
    const vi = textString('Phê duyệt');
    expect(vi.hex).toBe(true);
    expect(Buffer.from(vi.bytes.subarray(0, 2)).toString('hex')).toBe('feff');
    expect(decodeTextString(vi.bytes)).toBe('Phê duyệt');
    expect(decodeTextString(Buffer.from('\xefp\xbb', 'latin1'))).toBe('\xefp\xbb');
  });

  it('writes /M in Vietnam time whatever the machine zone, across a date change', () => {
    expect(pdfDateVietnam(new Date('2025-12-31T17:30:05Z'))).toBe("D:20260101003005+07'00'");
    expect(() => pdfDateVietnam(new Date('x'))).toThrow(RangeError);
  });
});
