import { describe, expect, it } from 'vitest';
import { copyAnswer, type CopySource } from './copy-rules.ts';

const electronic: CopySource = { secret: false, void: false, isPdf: true, digitised: null, electronicCertifiedCopy: false };
const paperOriginal: CopySource = { ...electronic, digitised: 'original' };
const paperSaoY: CopySource = { ...electronic, digitised: 'certified-copy' };
const ownSaoY: CopySource = { ...electronic, electronicCertifiedCopy: true };

const allowed = (s: CopySource, kind: Parameters<typeof copyAnswer>[1], form: Parameters<typeof copyAnswer>[2]) => copyAnswer(s, kind, form).allowed;
const reason = (s: CopySource, kind: Parameters<typeof copyAnswer>[1], form: Parameters<typeof copyAnswer>[2]) => {
  const a = copyAnswer(s, kind, form);
  return a.allowed ? null : a.reasonVi;
};

describe('copy rules (Decree 30 Art. 25, 33.2)', () => {
  it('has no electronic-to-electronic sao y: an electronic file is refused with the articles, a digitised paper original allowed', () => {
    expect(reason(electronic, 'sao-y', 'electronic')).toMatch(/Điều 25\.1 không có sao y từ văn bản điện tử sang văn bản điện tử.*Điều 33\.2/);
    expect(copyAnswer(paperOriginal, 'sao-y', 'electronic')).toEqual({ allowed: true, basis: 'Điều 25.1.c (sao y từ văn bản giấy sang văn bản điện tử) và Điều 33.2' });
  });

  it('makes paper sao y from an electronic original (25.1.b) and from paper (25.1.a), never from a copy', () => {
    expect(copyAnswer(electronic, 'sao-y', 'paper')).toEqual({ allowed: true, basis: 'Điều 25.1.b (sao y từ văn bản điện tử sang văn bản giấy)' });
    expect(copyAnswer(paperOriginal, 'sao-y', 'paper')).toEqual({ allowed: true, basis: 'Điều 25.1.a (sao y từ văn bản giấy sang văn bản giấy)' });
    expect(reason(paperSaoY, 'sao-y', 'electronic')).toMatch(/bản sao lục \(Điều 25\.2\.b\)/);
    expect(reason(ownSaoY, 'sao-y', 'paper')).toMatch(/bản sao lục/);
  });

  it('makes sao lục only from a sao y, and electronically only from a digitised paper sao y', () => {
    expect(allowed(paperSaoY, 'sao-luc', 'electronic')).toBe(true);
    expect(allowed(paperSaoY, 'sao-luc', 'paper')).toBe(true);
    expect(allowed(ownSaoY, 'sao-luc', 'paper')).toBe(true);
    expect(reason(ownSaoY, 'sao-luc', 'electronic')).toMatch(/không có sao lục từ văn bản điện tử sang văn bản điện tử/);
    expect(reason(electronic, 'sao-luc', 'paper')).toMatch(/từ bản sao y \(Điều 25\.2\.b\)/);
    expect(reason(paperOriginal, 'sao-luc', 'electronic')).toMatch(/số hóa một bản sao y giấy|bản số hóa của một bản sao y giấy/);
  });

  it('allows trích sao in all four directions (25.3), electronic to electronic included', () => {
    for (const s of [electronic, paperOriginal, paperSaoY, ownSaoY]) {
      expect(allowed(s, 'trich-sao', 'electronic')).toBe(true);
      expect(allowed(s, 'trich-sao', 'paper')).toBe(true);
    }
  });

  it('copies no secret, void or non-PDF file, whatever the kind', () => {
    for (const kind of ['sao-y', 'sao-luc', 'trich-sao'] as const) {
      expect(reason({ ...paperOriginal, secret: true }, kind, 'paper')).toMatch(/Điều 27\.2/);
      expect(reason({ ...paperOriginal, void: true }, kind, 'paper')).toMatch(/đã bị hủy/);
      expect(reason({ ...paperOriginal, isPdf: false }, kind, 'electronic')).toMatch(/tệp PDF/);
    }
  });
});
