import { describe, expect, it } from 'vitest';
import { attachmentLine, copyLine, kindUsesImage, placeDateLine } from './signature-kinds.ts';

describe('signature text lines (Decree 30, Appendix I)', () => {
  // 2026-01-05 03:04:05 UTC is 10:04:05 in Vietnam the same day.
  const at = new Date('2026-01-05T03:04:05Z');

  it('writes the attachment line in Vietnam time', () => {
    expect(attachmentLine(' 12/QĐ-UBND ', at)).toBe('Số: 12/QĐ-UBND; 05/01/2026; 10:04:05');
  });

  it('moves to the next Vietnamese day after 17:00 UTC', () => {
    expect(attachmentLine('7/UBND-VP', new Date('2026-03-31T17:30:00Z'))).toBe('Số: 7/UBND-VP; 01/04/2026; 00:30:00');
  });

  it('writes the certified copy line', () => {
    expect(copyLine('UBND xã Hòa Tiến', at)).toBe('SAO Y; UBND xã Hòa Tiến; 05/01/2026; 10:04:05');
  });

  it('pads days below 10 and months 1–2 only in the place and date line', () => {
    expect(placeDateLine('Xã Hòa Tiến', '2026-01-05')).toBe('Xã Hòa Tiến, ngày 05 tháng 01 năm 2026');
    expect(placeDateLine('Xã Hòa Tiến', '2026-02-28')).toBe('Xã Hòa Tiến, ngày 28 tháng 02 năm 2026');
    expect(placeDateLine('Xã Hòa Tiến', '2026-03-09')).toBe('Xã Hòa Tiến, ngày 09 tháng 3 năm 2026');
    expect(placeDateLine('', '2026-12-10')).toBe('ngày 10 tháng 12 năm 2026');
    expect(() => placeDateLine('X', '10/12/2026')).toThrow();
  });

  it('shows an image only for the approval and agency signatures', () => {
    expect([kindUsesImage('approval'), kindUsesImage('agency'), kindUsesImage('attachment'), kindUsesImage('copy')]).toEqual([true, true, false, false]);
  });
});
