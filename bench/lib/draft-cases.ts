import type { DraftInput } from '../../src/shared/api/schemas/draft.ts';

// The two drafts of issue 4's benchmark: a công văn of 10 pages and a quyết định of 30 articles.
const SENTENCE =
  'Ủy ban nhân dân xã đề nghị các thôn, tổ dân phố rà soát, cập nhật đầy đủ thông tin hộ gia đình, hướng dẫn người dân thực hiện thủ tục hành chính trên Cổng dịch vụ công quốc gia, bảo đảm đúng tiến độ và chất lượng theo quy định.';

const signer = { competence: 'KT', authority: 'Chủ tịch', position: 'Phó Chủ tịch', fullName: 'Trần Thị Bích Ngọc' } as const;

// Paragraphs are added until the render has exactly `pages` pages (checked by the bench).
export function congVan(paragraphs: number): DraftInput {
  return {
    documentType: 'cong-van',
    unitAbbreviation: 'VP',
    subject: 'triển khai công tác chuyển đổi số năm 2026',
    recipients: ['Các thôn trên địa bàn xã', 'Trạm Y tế xã'],
    body: Array.from({ length: paragraphs }, (_, i) => ({ type: 'paragraph' as const, text: `${i + 1}. ${SENTENCE} ${SENTENCE}` })),
    signer,
    toPlaces: ['Như trên', 'Thường trực Đảng ủy xã (b/c)'],
    priority: 'khan',
  };
}

export function quyetDinh(articles: number): DraftInput {
  return {
    documentType: 'quyet-dinh',
    unitAbbreviation: 'VP',
    subject: 'Về việc ban hành Quy chế làm việc của Ủy ban nhân dân xã Hòa Tiến',
    issuerTitle: 'Chủ tịch Ủy ban nhân dân xã Hòa Tiến',
    legalBases: ['Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025', 'Theo đề nghị của công chức Văn phòng - Thống kê xã'],
    body: Array.from({ length: articles }, (_, i) => ({
      type: 'article' as const,
      title: `Nội dung quy định thứ ${i + 1}`,
      clauses: [{ text: SENTENCE, points: ['thực hiện đúng quy định;', 'báo cáo kết quả định kỳ.'] }, { text: SENTENCE }],
    })),
    signer: { competence: null, position: 'Chủ tịch', fullName: 'Nguyễn Văn An' },
    toPlaces: ['Như Điều 3', 'UBND thành phố (b/c)'],
  };
}
