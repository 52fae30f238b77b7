import { describe, expect, it } from 'vitest';
import { incomingInput } from './documents.ts';
import { agencyProfileInput } from './profile.ts';

const base = {
  issuingAgency: ' UBND  tỉnh Đồng Nai ',
  codeNumber: '15',
  codeNotation: 'QĐ-UBND',
  documentDate: '2026-03-01',
  documentType: 'Quyết định',
  subject: 'Về việc A',
};

describe('input schemas', () => {
  it('normalises text to NFC with collapsed spaces', () => {
    const parsed = incomingInput.parse({ ...base, subject: 'Ve\u0302\u0300 vie\u0323\u0302c  A'.normalize('NFD') });
    expect(parsed.issuingAgency).toBe('UBND tỉnh Đồng Nai');
    expect(parsed.subject).toBe('Về việc A');
  });

  it('accepts urgency as key, label without diacritics or edXML code', () => {
    expect(incomingInput.parse({ ...base, priority: 'Thượng khẩn' }).priority).toBe('thuong-khan');
    expect(incomingInput.parse({ ...base, priority: 'hoa toc' }).priority).toBe('hoa-toc');
    expect(incomingInput.parse({ ...base, priority: 1 }).priority).toBe('khan');
    expect(incomingInput.parse(base).priority).toBe('thuong');
    expect(incomingInput.safeParse({ ...base, priority: 'gấp' }).success).toBe(false);
  });

  it('refuses unknown fields, impossible dates and empty required text', () => {
    expect(incomingInput.safeParse({ ...base, extra: 1 }).success).toBe(false);
    expect(incomingInput.safeParse({ ...base, documentDate: '2026-02-30' }).success).toBe(false);
    expect(incomingInput.safeParse({ ...base, subject: '   ' }).success).toBe(false);
  });

  it('validates the agency file', () => {
    const agency = { name: 'UBND xã A', organId: '000.46.24.h44', abbreviation: 'UBND', placeName: 'Xã A', units: [] };
    expect(agencyProfileInput.parse(agency).organId).toBe('000.46.24.H44');
    expect(agencyProfileInput.safeParse({ ...agency, abbreviation: 'UB-ND' }).success).toBe(false);
    const dup = agencyProfileInput.safeParse({ ...agency, units: [{ name: 'A', abbreviation: 'VP' }, { name: 'B', abbreviation: 'VP' }] });
    expect(dup.success).toBe(false);
  });
});
