import { describe, expect, it } from 'vitest';
import { looksLikeCongVan, matchType, splitTypeAndSubject, typeFromNotation } from './type-subject.ts';

const split = (cell: string) => {
  const r = splitTypeAndSubject(cell);
  return [r.type?.key ?? null, r.type?.name ?? null, r.subject];
};

describe('splitting "Tên loại và trích yếu"', () => {
  it('reads our own export: the type on its own line', () => {
    expect(split('Quyết định\nVề việc thành lập Tổ công tác')).toEqual(['quyet-dinh', 'Quyết định', 'Về việc thành lập Tổ công tác']);
    expect(split('Thông tri\nVề việc học tập nghị quyết')).toEqual(['khac', 'Thông tri', 'Về việc học tập nghị quyết']);
  });

  it('reads what clerks write: the name or its abbreviation, any case, with or without diacritics', () => {
    expect(split('Quyết định về việc giao chỉ tiêu')).toEqual(['quyet-dinh', 'Quyết định', 'về việc giao chỉ tiêu']);
    expect(split('QUYET DINH: ve viec giao chi tieu')).toEqual(['quyet-dinh', 'Quyết định', 've viec giao chi tieu']);
    expect(split('KH triển khai công tác')).toEqual(['ke-hoach', 'Kế hoạch', 'triển khai công tác']);
    expect(split('Thông tư liên tịch hướng dẫn')).toEqual(['thong-tu-lien-tich', 'Thông tư liên tịch', 'hướng dẫn']);
  });

  it('does not take a word that merely starts like a type, nor a subject line for a type', () => {
    expect(split('Khẩn trương báo cáo')).toEqual([null, null, 'Khẩn trương báo cáo']);
    expect(split('KHTC năm 2025')).toEqual([null, null, 'KHTC năm 2025']);
    expect(split('Về việc tổ chức hội nghị\n(kèm danh sách)')).toEqual([null, null, 'Về việc tổ chức hội nghị (kèm danh sách)']);
  });

  it('tells HĐ (Hợp đồng) from HD (Hướng dẫn)', () => {
    expect(matchType('HĐ').key).toBe('hop-dong');
    expect(matchType('HD').key).toBe('huong-dan');
    expect(split('HĐ thuê xe')[0]).toBe('hop-dong');
  });

  it('finds the type of an outgoing row from its notation, and công văn from "V/v"', () => {
    expect(typeFromNotation('QĐ-UBND')?.key).toBe('quyet-dinh');
    expect(typeFromNotation('UBND-VP')).toBeNull();
    expect(looksLikeCongVan('V/v báo cáo')).toBe(true);
    expect(looksLikeCongVan('v / v báo cáo')).toBe(true);
    expect(looksLikeCongVan('Về việc báo cáo')).toBe(false);
  });
});
