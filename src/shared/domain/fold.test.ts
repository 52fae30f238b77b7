import { describe, expect, it } from 'vitest';
import { duplicateKey } from './duplicates.ts';
import { comparisonKey, foldVietnamese, normalizeText } from './fold.ts';

describe('Vietnamese folding', () => {
  it('removes tones and vowel marks and folds đ/Đ to d', () => {
    expect(foldVietnamese('Đồng Nai')).toBe('dong nai');
    expect(foldVietnamese('Quyết định thành lập Hội đồng')).toBe('quyet dinh thanh lap hoi dong');
    expect(foldVietnamese('ƯỚC TÍNH ĂN Ở')).toBe('uoc tinh an o');
  });

  it('folds decomposed input (NFD) the same as composed input', () => {
    expect(foldVietnamese('Đồng Nai'.normalize('NFD'))).toBe(foldVietnamese('Đồng Nai'));
  });

  it('stores NFC with whitespace collapsed', () => {
    const stored = normalizeText('  Hòa   Tiến  '.normalize('NFD'));
    expect(stored).toBe('Hòa Tiến');
    expect(stored).toBe(stored.normalize('NFC'));
    expect(stored).not.toMatch(/[\u0300-\u036f]/);
  });

  it('compares notations ignoring spaces and punctuation', () => {
    expect(comparisonKey('QĐ - UBND')).toBe(comparisonKey('qd-ubnd'));
  });

  it('sees the same number+notation+agency through spelling variants', () => {
    expect(duplicateKey('UBND tỉnh Đồng Nai', '07', 'QĐ-UBND')).toBe(duplicateKey('ubnd tinh dong nai', '7', 'qđ - ubnd'));
    expect(duplicateKey('UBND tỉnh Đồng Nai', '17', 'QĐ-UBND')).not.toBe(duplicateKey('UBND tỉnh Đồng Nai', '7', 'QĐ-UBND'));
    expect(duplicateKey('Ủy ban nhân dân tỉnh Đồng Nai', '7', 'QĐ-UBND')).toBe(duplicateKey('UBND TINH DONG NAI', '07', 'QĐ-UBND'));
    expect(duplicateKey('HĐND TP. Đà Nẵng', '7', 'NQ-HĐND')).toBe(duplicateKey('Hội đồng nhân dân thành phố Đà Nẵng', '7', 'NQ-HĐND'));
    expect(duplicateKey('UBND tỉnh Đồng Nai', '7', 'QĐ-UBND')).not.toBe(duplicateKey('UBND tỉnh Đồng Tháp', '7', 'QĐ-UBND'));
  });
});
