import { describe, expect, it } from 'vitest';
import { agencyNameCase, positionCase } from './vietnamese-case.ts';
import { groupLines } from './text-lines.ts';

describe('capitals of Decree 30 headers written as in a sentence', () => {
  it.each([
    ['ỦY BAN NHÂN DÂN XÃ HÒA TIẾN', 'Ủy ban nhân dân xã Hòa Tiến'],
    ['UBND THÀNH PHỐ ĐÀ NẴNG', 'UBND thành phố Đà Nẵng'],
    ['SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG', 'Sở Tài nguyên và Môi trường'],
    ['PHÒNG TÀI CHÍNH - KẾ HOẠCH', 'Phòng Tài chính - Kế hoạch'],
    ['PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI', 'Phòng Lao động - Thương binh và Xã hội'],
    ['CÔNG AN XÃ HÒA TIẾN', 'Công an xã Hòa Tiến'],
    ['TRƯỜNG TIỂU HỌC HÒA TIẾN', 'Trường Tiểu học Hòa Tiến'],
    ['ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU', 'Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu'],
    ['ỦY BAN NHÂN DÂN THỊ XÃ ĐIỆN BÀN', 'Ủy ban nhân dân thị xã Điện Bàn'],
    ['TRẠM Y TẾ XÃ HÒA TIẾN', 'Trạm Y tế xã Hòa Tiến'],
  ])('%s → %s', (caps, expected) => expect(agencyNameCase(caps)).toBe(expected));

  it.each([
    ['CHỦ TỊCH', 'Chủ tịch'],
    ['PHÓ CHỦ TỊCH', 'Phó Chủ tịch'],
    ['CHÁNH VĂN PHÒNG', 'Chánh Văn phòng'],
    ['PHÓ TRƯỞNG PHÒNG', 'Phó Trưởng phòng'],
    ['GIÁM ĐỐC', 'Giám đốc'],
  ])('%s → %s', (caps, expected) => expect(positionCase(caps)).toBe(expected));
});

describe('runs into lines', () => {
  it('joins runs of one line, keeps columns apart, drops blank runs and NFC-normalises', () => {
    const lines = groupLines([
      { text: 'Số:', x: 140, y: 737, width: 17, size: 13, font: 'a' },
      { text: '07/UBND-VP', x: 161, y: 735.5, width: 74, size: 13, font: 'b' },
      { text: 'Xa\u0303 Hòa Tiến, ngày 05', x: 313, y: 737, width: 150, size: 13, font: 'c' },
      { text: '   ', x: 500, y: 737, width: 10, size: 13, font: 'c' },
      { text: 'Kính gửi:', x: 200, y: 632, width: 50, size: 14, font: 'a' },
      { text: 'bad', x: Number.NaN, y: 1, width: 1, size: 1, font: 'a' },
    ]);
    expect(lines.map((l) => l.text)).toEqual(['Số: 07/UBND-VP', 'Xã Hòa Tiến, ngày 05', 'Kính gửi:']);
    expect(lines[0]?.font).toBe('a');
  });
});
