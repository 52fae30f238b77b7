import { describe, expect, it } from 'vitest';
import { ADMINISTRATIVE_TYPES } from './document-types.ts';
import { buildNotation, formatDocumentNumber, numberNotation } from './notation.ts';

describe('số, ký hiệu (Decree 30 Art. 8, Appendix III)', () => {
  it('puts a leading zero below 10 only', () => {
    expect([1, 9, 10, 11, 100, 1234].map(formatDocumentNumber)).toEqual(['01', '09', '10', '11', '100', '1234']);
    expect(() => formatDocumentNumber(0)).toThrow(RangeError);
    expect(() => formatDocumentNumber(1.5)).toThrow(RangeError);
  });

  it('builds type-agency notations for every type with an abbreviation', () => {
    for (const t of ADMINISTRATIVE_TYPES.filter((x) => x.abbreviation)) {
      expect(buildNotation({ documentType: t.key, agencyAbbreviation: 'UBND' })).toBe(`${t.abbreviation}-UBND`);
    }
  });

  it('builds agency-unit notations for công văn', () => {
    expect(buildNotation({ documentType: 'cong-van', agencyAbbreviation: 'UBND', unitAbbreviation: 'VP' })).toBe('UBND-VP');
    expect(buildNotation({ documentType: 'cong-van', agencyAbbreviation: 'UBND' })).toBe('UBND');
  });

  it('has no spaces, "/" before the notation and "-" between groups', () => {
    expect(`${formatDocumentNumber(7)}/${buildNotation({ documentType: 'quyet-dinh', agencyAbbreviation: ' UB ND ' })}`).toBe('07/QĐ-UBND');
    expect(`${formatDocumentNumber(15)}/${buildNotation({ documentType: 'to-trinh', agencyAbbreviation: 'UBND' })}`).toBe('15/TTr-UBND');
  });

  it('uses the copy abbreviation for copies', () => {
    expect(buildNotation({ documentType: 'ban-sao-y', agencyAbbreviation: 'UBND' })).toBe('SY-UBND');
  });

  it('refuses a notation without the agency abbreviation', () => {
    expect(() => buildNotation({ documentType: 'quyet-dinh', agencyAbbreviation: '' })).toThrow(RangeError);
  });

  it('writes "số, ký hiệu" with the slash of Appendix I, and nothing for an issuance not numbered yet', () => {
    expect(numberNotation({ codeNumber: '12', codeNotation: 'QĐ-UBND' })).toBe('12/QĐ-UBND');
    expect(numberNotation({ codeNumber: null, codeNotation: null })).toBeNull();
    expect(numberNotation({ codeNumber: '03', codeNotation: null })).toBeNull();
  });
});
