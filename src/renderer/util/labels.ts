import type { Direction } from '../../shared/api/schemas/series.ts';
import { PRODUCIBLE_PRIORITIES, priorityLabel } from '../../shared/domain/priority.ts';
import { PROCESSING_STATUSES, processingStatusLabel } from '../../shared/domain/processing.ts';
import { numberNotation } from '../../shared/domain/notation.ts';

export const PRIORITY_OPTIONS = PRODUCIBLE_PRIORITIES.map((p) => ({ value: p, label: priorityLabel(p) }));
export const PROCESSING_OPTIONS = PROCESSING_STATUSES.map((s) => ({ value: s, label: processingStatusLabel(s) }));

export const DOCUMENT_STATUS_LABELS = { active: 'Còn hiệu lực', void: 'Đã hủy' } as const;

interface NamedDocument {
  readonly direction: Direction;
  readonly number: number;
  readonly year: number;
  readonly codeNumber: string;
  readonly codeNotation: string;
}

// How the clerk names a document: an incoming one by its số đến in the year's register, an
// outgoing one by its số, ký hiệu ("văn bản đi 01/UBND-VP").
export function documentName(d: NamedDocument): string {
  return d.direction === 'incoming' ? `văn bản đến số ${d.number}/${d.year}` : `văn bản đi ${numberNotation(d)}`;
}

const AUDIT_ACTIONS: Readonly<Record<string, string>> = {
  'profile.create': 'Khai báo thông tin cơ quan',
  'profile.update': 'Sửa thông tin cơ quan',
  'series.create': 'Thêm sổ văn bản',
  'series.update': 'Sửa sổ văn bản',
  'series.createDefaults': 'Tạo các sổ mặc định',
  'incoming.register': 'Vào sổ văn bản đến',
  'outgoing.register': 'Cấp số văn bản đi',
  'document.update': 'Sửa thông tin văn bản',
  'document.void': 'Hủy văn bản',
  'document.attach': 'Thêm văn bản kèm theo',
  'processing.update': 'Cập nhật xử lý',
  'processing.record': 'Ghi quá trình giải quyết',
  'processing.printSlip': 'In phiếu giải quyết',
  'processing.reply': 'Đóng xử lý bằng văn bản trả lời',
  'reply.link': 'Ghi văn bản được trả lời',
  'reply.unlink': 'Bỏ văn bản được trả lời',
  'books.import': 'Nhập sổ',
  'backup.create': 'Sao lưu',
  'backup.restore': 'Khôi phục bản sao lưu',
  'caseFile.plan.create': 'Lập danh mục hồ sơ',
  'caseFile.plan.numbering': 'Đổi cách đánh số hồ sơ',
  'caseFile.plan.approve': 'Phê duyệt danh mục hồ sơ',
  'caseFile.plan.decision': 'Sửa quyết định phê duyệt danh mục hồ sơ',
  'caseFile.heading.save': 'Lưu đề mục của danh mục hồ sơ',
  'caseFile.create': 'Thêm hồ sơ',
  'caseFile.update': 'Sửa thông tin hồ sơ',
  'caseFile.addDocument': 'Đưa văn bản vào hồ sơ',
  'caseFile.removeDocument': 'Rút văn bản khỏi hồ sơ',
  'caseFile.close': 'Kết thúc hồ sơ',
  'caseFile.reopen': 'Mở lại hồ sơ',
  'caseFile.handOver': 'Nộp lưu hồ sơ',
  'caseFiles.package': 'Ghi mã gói nộp lưu',
  'caseFile.frozen.refused': 'Từ chối thay đổi hồ sơ đã nộp lưu',
  'archive.printPlan': 'In danh mục hồ sơ',
  'archive.printContents': 'In mục lục văn bản trong hồ sơ',
  'archive.printHandover': 'In mục lục, biên bản nộp lưu',
  'archive.writePackage': 'Lập gói nộp lưu điện tử',
  'archive.verifyPackage': 'Kiểm tra gói nộp lưu',
};

// Audit actions are English identifiers; the clerk reads them in Vietnamese where we know them.
export function auditActionLabel(action: string): string {
  return AUDIT_ACTIONS[action] ?? action;
}
