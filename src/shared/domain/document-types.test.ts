import { describe, expect, it } from 'vitest';
import { ADMINISTRATIVE_TYPES, COPY_TYPES, isIssuableType, resolveType, typeAbbreviation } from './document-types.ts';

describe('Decree 30 document types', () => {
  it('has the 29 administrative types with the exact abbreviations of Appendix III', () => {
    expect(ADMINISTRATIVE_TYPES).toHaveLength(29);
    const abbr = Object.fromEntries(ADMINISTRATIVE_TYPES.map((t) => [t.name, t.abbreviation]));
    expect(abbr).toEqual({
      'Nghị quyết': 'NQ', 'Quyết định': 'QĐ', 'Chỉ thị': 'CT', 'Quy chế': 'QC', 'Quy định': 'QyĐ', 'Thông cáo': 'TC',
      'Thông báo': 'TB', 'Hướng dẫn': 'HD', 'Chương trình': 'CTr', 'Kế hoạch': 'KH', 'Phương án': 'PA', 'Đề án': 'ĐA',
      'Dự án': 'DA', 'Báo cáo': 'BC', 'Biên bản': 'BB', 'Tờ trình': 'TTr', 'Hợp đồng': 'HĐ', 'Công văn': null,
      'Công điện': 'CĐ', 'Bản ghi nhớ': 'BGN', 'Bản thỏa thuận': 'BTT', 'Giấy ủy quyền': 'GUQ', 'Giấy mời': 'GM',
      'Giấy giới thiệu': 'GGT', 'Giấy nghỉ phép': 'GNP', 'Phiếu gửi': 'PG', 'Phiếu chuyển': 'PC', 'Phiếu báo': 'PB',
      'Thư công': null,
    });
  });

  it('numbers the types in the order of Art. 7 for edXML (Công văn = 18)', () => {
    expect(ADMINISTRATIVE_TYPES.find((t) => t.key === 'cong-van')?.edxmlCode).toBe(18);
    expect(ADMINISTRATIVE_TYPES.map((t) => t.edxmlCode)).toEqual(Array.from({ length: 29 }, (_, i) => i + 1));
  });

  it('never invents CV for công văn', () => {
    expect(typeAbbreviation('cong-van')).toBeNull();
    expect(ADMINISTRATIVE_TYPES.some((t) => t.abbreviation === 'CV')).toBe(false);
  });

  it('gives copies their own abbreviations', () => {
    expect(COPY_TYPES.map((t) => t.abbreviation)).toEqual(['SY', 'TrS', 'SL']);
  });

  it('resolves names, abbreviations and keys whatever the diacritics or case', () => {
    expect(resolveType('Quyết định').key).toBe('quyet-dinh');
    expect(resolveType('QUYET DINH').key).toBe('quyet-dinh');
    expect(resolveType('QĐ').key).toBe('quyet-dinh');
    expect(resolveType('qyd').key).toBe('quy-dinh');
    expect(resolveType('to-trinh').key).toBe('to-trinh');
    expect(resolveType('Nghị định')).toMatchObject({ key: 'nghi-dinh', known: true });
  });

  it('tells apart abbreviations that differ only by đ', () => {
    expect(resolveType('HĐ').key).toBe('hop-dong');
    expect(resolveType('HD').key).toBe('huong-dan');
    expect(resolveType('ĐA').key).toBe('de-an');
    expect(resolveType('DA').key).toBe('du-an');
    expect(resolveType('hđ').key).toBe('hop-dong');
    expect(resolveType('qd').key).toBe('quyet-dinh');
  });

  it('keeps an unknown type name under "khac" for incoming documents', () => {
    expect(resolveType('Thông tri')).toEqual({ key: 'khac', name: 'Thông tri', known: false });
  });

  it('only administrative types and copies are issued in the outgoing register', () => {
    expect(isIssuableType('quyet-dinh')).toBe(true);
    expect(isIssuableType('ban-sao-y')).toBe(true);
    expect(isIssuableType('nghi-dinh')).toBe(false);
    expect(isIssuableType('khac')).toBe(false);
  });
});
