import { describe, expect, it } from 'vitest';
import { readHeader } from './header-rules.ts';
import { readSigner } from './signer-rules.ts';
import { groupLines, type PageLines, type TextRun } from './text-lines.ts';

// Lines placed as Decree 30 Appendix I, IV places them on an A4 page (points, origin bottom
// left): the left column of the header centred near x=190, the right column near x=430.
const REGULAR = 'regular';
const BOLD = 'bold';
const run = (text: string, x: number, y: number, size = 13, font = REGULAR): TextRun => ({ text, x, y, width: text.length * size * 0.45, size, font });
const centred = (text: string, centre: number, y: number, size = 13, font = REGULAR): TextRun => {
  const width = text.length * size * 0.45;
  return { text, x: centre - width / 2, y, width, size, font };
};
const page = (runs: TextRun[], index = 0): PageLines => ({ index, width: 595.28, height: 841.89, lines: groupLines(runs) });

const HEADER = [
  centred('UBND THÀNH PHỐ ĐÀ NẴNG', 190, 774, 12),
  centred('ỦY BAN NHÂN DÂN XÃ HÒA TIẾN', 190, 760, 12, BOLD),
  { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', x: 297, y: 774, width: 250, size: 12, font: BOLD },
  centred('Độc lập - Tự do - Hạnh phúc', 430, 759, 13, BOLD),
  run('Số:', 140, 737),
  run('15/QĐ-UBND', 162, 737, 13, 'annotation'),
  centred('Xã Hòa Tiến, ngày 05 tháng 01 năm 2026', 430, 737, 13, 'italic'),
];

describe('the header of page 1', () => {
  it('reads agency, number, notation, date, type and subject by their places', () => {
    const found = readHeader(
      page([
        ...HEADER,
        centred('QUYẾT ĐỊNH', 318, 690, 14, BOLD),
        centred('Về việc thành lập Tổ công tác chuyển đổi số', 318, 673, 14, BOLD),
        centred('xã Hòa Tiến năm 2026', 318, 656, 14, BOLD),
        centred('CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ HÒA TIẾN', 318, 625, 14, BOLD),
        run('Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ;', 113, 600, 14),
      ]),
    );
    expect(Object.fromEntries(Object.entries(found).map(([k, v]) => [k, v.value]))).toEqual({
      issuingAgency: 'Ủy ban nhân dân xã Hòa Tiến',
      codeNumber: '15',
      codeNotation: 'QĐ-UBND',
      documentDate: '2026-01-05',
      documentType: 'Quyết định',
      subject: 'Về việc thành lập Tổ công tác chuyển đổi số xã Hòa Tiến năm 2026',
    });
    expect(found.codeNumber?.source).toBe('Số: 15/QĐ-UBND');
    expect(found.documentDate?.page).toBe(1);
  });

  it('keeps the two columns apart on one baseline and takes a công văn by its V/v', () => {
    const found = readHeader(
      page([
        ...HEADER.slice(0, 4),
        run('Số: 07/UBND-VP', 140, 737),
        // The V/v line reaches close to the right column, on the date's baseline.
        run('V/v triển khai công tác chuyển đổi số', 96, 737 - 20, 12),
        run('Xã Hòa Tiến, ngày 28 tháng 12 năm 2025', 306, 717),
        centred('năm 2026 trên địa bàn xã', 190, 703, 12),
        centred('KHẨN', 190, 676, 13, BOLD),
        centred('Kính gửi: Các thôn trên địa bàn xã', 318, 632, 14),
      ]),
    );
    expect(found.documentType?.value).toBe('Công văn');
    expect(found.subject?.value).toBe('triển khai công tác chuyển đổi số năm 2026 trên địa bàn xã');
    expect(found.documentDate?.value).toBe('2025-12-28');
    expect(found.codeNotation?.value).toBe('UBND-VP');
  });

  it('ignores dates and numbers of the body, impossible dates and typed rules', () => {
    const found = readHeader(
      page([
        ...HEADER.slice(0, 4),
        centred('__________', 190, 748, 12),
        run('Số: 03/TB-UBND', 140, 737),
        centred('Xã Hòa Tiến, ngày 31 tháng 02 năm 2026', 430, 737, 13),
        run('Thực hiện Công văn số 45/UBND-VP ngày 12 tháng 01 năm 2026 của Ủy ban nhân dân', 85, 600, 14),
      ]),
    );
    expect(found.documentDate).toBeUndefined();
    expect(found.codeNumber?.value).toBe('03');
    expect(found.issuingAgency?.value).toBe('Ủy ban nhân dân xã Hòa Tiến');
    // No title and no V/v: the notation's first group names the type.
    expect(found.documentType?.value).toBe('Thông báo');
    expect(found.subject).toBeUndefined();
  });

  it('takes an agency name wrapped over two bold lines without a parent', () => {
    const found = readHeader(page([centred('ỦY BAN NHÂN DÂN THÀNH', 190, 774, 12, BOLD), centred('PHỐ ĐÀ NẴNG', 190, 760, 12, BOLD), ...HEADER.slice(2)]));
    expect(found.issuingAgency?.value).toBe('Ủy ban nhân dân thành phố Đà Nẵng');
  });

  it('proposes nothing from a page without the layout', () => {
    expect(readHeader(page([run('Một trang chữ bất kỳ, không theo thể thức.', 85, 700, 14)]))).toEqual({});
    expect(readHeader(page([]))).toEqual({});
  });
});

describe('the signature block', () => {
  it('takes the name under the caps lines of the right half, the position without KT.', () => {
    const found = readSigner([
      page([
        run('1. Nội dung có tên Nguyễn Văn Bình trong thân văn bản.', 85, 500, 14),
        centred('KT. CHỦ TỊCH', 430, 388, 14, BOLD),
        centred('PHÓ CHỦ TỊCH', 430, 371, 14, BOLD),
        run('Nơi nhận:', 85, 388, 12),
        run('- Lưu: VT, VP.', 85, 374, 11),
        centred('(Đã ký)', 430, 320, 14),
        centred('Trần Thị Bích Ngọc', 430, 275, 14, BOLD),
      ]),
    ]);
    expect(found.signerName?.value).toBe('Trần Thị Bích Ngọc');
    expect(found.signerPosition).toEqual({ value: 'Phó Chủ tịch', source: 'PHÓ CHỦ TỊCH', page: 1 });
  });

  it('joins a block a page break cut: the name alone at the top of the last page', () => {
    const found = readSigner([
      page([run('Nội dung.', 85, 300, 14), centred('TL. CHỦ TỊCH', 430, 120, 14, BOLD), centred('CHÁNH VĂN PHÒNG', 430, 103, 14, BOLD)], 0),
      page([centred('Võ Minh Tuấn', 430, 724, 14, BOLD)], 1),
    ]);
    expect(found.signerName).toEqual({ value: 'Võ Minh Tuấn', source: 'Võ Minh Tuấn', page: 2 });
    expect(found.signerPosition?.value).toBe('Chánh Văn phòng');
    expect(found.signerPosition?.page).toBe(1);
  });

  it('wants a caps line over the name: a name alone in the right half is not a signer', () => {
    expect(readSigner([page([centred('Nguyễn Văn An', 430, 275, 14)])])).toEqual({});
    expect(readSigner([])).toEqual({});
  });
});
