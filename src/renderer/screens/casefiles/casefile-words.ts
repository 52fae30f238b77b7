import type { CaseFileRecord, CaseFileStatus, PlanHeading, PlanRecord } from '../../../shared/api/schemas/casefiles.ts';
import { showDate } from '../../util/dates.ts';

// The words of the case-file screens, apart from the markup.

export const STATUS_LABELS: Readonly<Record<CaseFileStatus, string>> = {
  open: 'Đang lập',
  closed: 'Đã kết thúc',
  handed_over: 'Đã nộp lưu',
};

export const STATUS_OPTIONS = [
  { value: '', label: 'Tất cả' },
  { value: 'open', label: STATUS_LABELS.open },
  { value: 'closed', label: STATUS_LABELS.closed },
  { value: 'handed_over', label: STATUS_LABELS.handed_over },
];

export const NUMBERING_OPTIONS = [
  { value: 'heading', label: 'Trong từng đề mục lớn (mỗi đề mục từ 01)' },
  { value: 'plan', label: 'Liên tục trong cả danh mục (từ 01)' },
];

export function numberingWords(n: PlanRecord['numbering']): string {
  return n === 'plan' ? 'liên tục trong cả danh mục' : 'trong từng đề mục lớn';
}

// The boxes of the case-file forms, named in the summary above a refused form as under each box
// (the server's own field list does not name them).
export const CASE_FILE_LABELS = {
  year: 'Năm',
  from: 'Lập từ',
  numbering: 'Cách đánh số hồ sơ',
  title: 'Tiêu đề hồ sơ',
  abbreviation: 'Chữ viết tắt',
  headingId: 'Đề mục',
  parentId: 'Đề mục lớn',
  retentionYears: 'Thời hạn bảo quản (năm)',
  creator: 'Người lập hồ sơ',
  rights: 'Chế độ sử dụng',
  language: 'Ngôn ngữ',
  description: 'Mô tả',
  note: 'Ghi chú',
  decisionNumber: 'Số quyết định',
  decisionDate: 'Ngày quyết định',
  decisionBy: 'Người phê duyệt',
  fileIds: 'Hồ sơ nộp lưu',
  giverName: 'Người giao',
  giverTitle: 'Chức vụ người giao',
  giverUnit: 'Đơn vị giao nộp',
  receiverName: 'Người nhận',
  receiverTitle: 'Chức vụ người nhận',
  basis: 'Căn cứ',
  condition: 'Tình trạng tài liệu giao nộp',
  reason: 'Lý do mở lại',
} as const;

// "Hồ sơ 01.VP năm 2026", as the server's messages name a file.
export function fileName(f: Pick<CaseFileRecord, 'notation' | 'year'>): string {
  return `Hồ sơ ${f.notation} năm ${f.year}`;
}

// What a closed or handed-over file records, in one line.
export function closingWords(f: CaseFileRecord): string | null {
  if (f.closedAt === null) return null;
  return `Từ ${showDate(f.startDate)} đến ${showDate(f.endDate)}, ${f.docTotal ?? 0} văn bản, ${f.pageTotal ?? 0} trang`;
}

// "còn 12 ngày", "đến hạn hôm nay", "quá hạn 3 ngày".
export function dueWords(daysLeft: number): string {
  if (daysLeft < 0) return `quá hạn ${-daysLeft} ngày`;
  if (daysLeft === 0) return 'đến hạn hôm nay';
  return `còn ${daysLeft} ngày`;
}

// "II" for a top heading, "II.3" for a sub-heading, as the plan numbers them.
export function headingNumber(plan: PlanRecord, h: PlanHeading): string {
  const parent = h.parentId === null ? null : plan.headings.find((p) => p.id === h.parentId);
  return parent ? `${parent.numeral}.${h.numeral}` : h.numeral;
}

// "I. TỔNG HỢP", "II.3. Thống kê".
export function headingLabel(plan: PlanRecord, h: PlanHeading): string {
  return `${headingNumber(plan, h)}. ${h.title}`;
}
