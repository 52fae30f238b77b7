import { describe, expect, it } from 'vitest';
import { checkScan, type ScannedPage } from './scan-standard.ts';

const A4 = { widthPt: 595.28, heightPt: 841.89 };
const page = (widthPx: number, heightPx: number, colour = true): ScannedPage => ({ ...A4, images: [{ widthPx, heightPx, colour, colourSpace: colour ? 'DeviceRGB' : 'DeviceGray' }] });

describe('digitisation standard (Appendix I, Part II, I.2)', () => {
  it('passes a colour A4 scan at 200 dpi in PDF 1.4', () => {
    // 200 dpi over 8.27 × 11.69 in.
    const v = checkScan({ pdfVersion: '1.4', pages: [page(1654, 2339)] });
    expect(v).toMatchObject({ ok: true, minDpi: 200, colour: true, problemsVi: [] });
  });

  it('says which page is below 200 dpi, which is grey, and an old PDF version', () => {
    const v = checkScan({ pdfVersion: '1.3', pages: [page(1654, 2339), page(1241, 1755), page(1654, 2339, false)] });
    expect(v.ok).toBe(false);
    expect(v.minDpi).toBe(150);
    expect(v.problemsVi).toEqual([
      'Tệp là PDF phiên bản 1.3; văn bản số hóa phải là PDF phiên bản 1.4 trở lên (Phụ lục I Nghị định 30/2020, Phần II, mục I.2.a).',
      'Trang 3 là ảnh đen trắng hoặc xám; văn bản số hóa phải là ảnh màu (Phụ lục I Nghị định 30/2020, Phần II, mục I.2.b): hãy quét lại ở chế độ màu.',
      'Trang 2: độ phân giải 150 dpi, thấp hơn 200 dpi (Phụ lục I Nghị định 30/2020, Phần II, mục I.2.c): hãy quét lại ở 200 dpi trở lên, tỷ lệ 100%.',
    ]);
  });

  it('refuses a page without a scanned image (a born-digital PDF is not a digitisation)', () => {
    const v = checkScan({ pdfVersion: '1.7', pages: [{ ...A4, images: [] }] });
    expect(v.ok).toBe(false);
    expect(v.problemsVi[0]).toMatch(/^Trang 1 không có ảnh quét/);
  });

  it('takes the smaller resolution of the two directions, and a landscape image on a portrait page side for side', () => {
    expect(checkScan({ pdfVersion: '1.5', pages: [page(1654, 1800)] }).minDpi).toBe(154);
    expect(checkScan({ pdfVersion: '1.5', pages: [page(2339, 1654)] }).minDpi).toBe(200);
  });
});
