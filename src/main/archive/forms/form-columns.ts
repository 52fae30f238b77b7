import type { BookColumn } from '../../books/book-columns.ts';

// The columns of the three tables of Appendix V, with the titles the forms give them (II, III,
// IV), in their order; `share` is the column's part of the printed width and `chars` its width in
// a spreadsheet. The rows are filled by each form, so no column reads a document.
export interface FormColumn {
  readonly title: string;
  readonly share: number;
  readonly chars: number;
}

export const FILE_PLAN_COLUMNS: readonly FormColumn[] = [
  { title: 'Số và ký hiệu hồ sơ', share: 13, chars: 14 },
  { title: 'Tên đề mục và tiêu đề hồ sơ', share: 40, chars: 60 },
  { title: 'Thời hạn bảo quản', share: 13, chars: 14 },
  { title: 'Người lập hồ sơ', share: 21, chars: 22 },
  { title: 'Ghi chú', share: 12, chars: 18 },
];

export const HANDOVER_LIST_COLUMNS: readonly FormColumn[] = [
  { title: 'Số TT', share: 6, chars: 7 },
  { title: 'Số, ký hiệu hồ sơ', share: 12, chars: 14 },
  { title: 'Tiêu đề hồ sơ', share: 38, chars: 60 },
  { title: 'Thời gian tài liệu', share: 14, chars: 24 },
  { title: 'Thời hạn bảo quản', share: 10, chars: 12 },
  { title: 'Số tờ/ Số trang', share: 8, chars: 10 },
  { title: 'Ghi chú', share: 12, chars: 18 },
];

export const FILE_CONTENTS_COLUMNS: readonly FormColumn[] = [
  { title: 'STT', share: 5, chars: 6 },
  { title: 'Số, ký hiệu văn bản', share: 13, chars: 18 },
  { title: 'Ngày tháng năm văn bản', share: 10, chars: 12 },
  { title: 'Tên loại và trích yếu nội dung văn bản', share: 36, chars: 60 },
  { title: 'Tác giả văn bản', share: 17, chars: 28 },
  { title: 'Tờ số/ Trang số', share: 8, chars: 10 },
  { title: 'Ghi chú', share: 11, chars: 18 },
];

// As the register books' table (books/pdf/book-table.ts) takes them.
export function tableColumns(columns: readonly FormColumn[]): BookColumn[] {
  return columns.map((c, i) => ({ number: i + 1, key: `c${i + 1}`, title: c.title, share: c.share, chars: c.chars, cell: () => null }));
}
