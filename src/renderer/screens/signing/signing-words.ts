import { FIELD_LABELS, fieldLabel } from '../../../shared/api/field-labels.ts';
import type { AttachmentRecord } from '../../../shared/api/schemas/documents.ts';
import type { SignatureCheck, SignatureReport, VerificationReport } from '../../../shared/api/schemas/verification.ts';
import type { FieldIssue } from '../../api/api-error.ts';

// The clerk's words for what the signing API answers in codes. Whole sentences come from the
// server (messageVi, verdictVi, summaryVi); these are the short labels around them.

export type RevisionKind = NonNullable<AttachmentRecord['revisionKind']>;

// Which step made a stored file, in the glossary's words (a signed file sits next to its source).
export const REVISION_NAMES: Readonly<Record<RevisionKind, string>> = {
  approval: 'Bản đã ký duyệt',
  number: 'Bản đã ghi số, ngày',
  agency: 'Bản đã ký phát hành',
  attachment: 'Tệp đính kèm đã ký số',
  copy: 'Bản sao y đã ký số',
};

export function revisionName(a: Pick<AttachmentRecord, 'revisionKind'>): string {
  return a.revisionKind ? REVISION_NAMES[a.revisionKind] : 'Tệp gốc';
}

export function isPdf(a: Pick<AttachmentRecord, 'name'>): boolean {
  return /\.pdf$/i.test(a.name);
}

export const CHECK_NAMES: Readonly<Record<keyof SignatureReport['checks'], string>> = {
  integrity: 'Toàn vẹn nội dung',
  coverage: 'Phạm vi ký và thay đổi sau khi ký',
  trust: 'Chuỗi tin cậy',
  validity: 'Hiệu lực chứng thư số khi ký',
  revocation: 'Tình trạng thu hồi',
  format: 'Định dạng chữ ký',
  algorithm: 'Độ mạnh thuật toán',
};

export const CHECK_ORDER = ['integrity', 'coverage', 'trust', 'validity', 'revocation', 'format', 'algorithm'] as const;

export const CHECK_STATUS_NAMES: Readonly<Record<SignatureCheck['status'], string>> = {
  ok: 'Đạt',
  warning: 'Cần lưu ý',
  failed: 'Không đạt',
  unknown: 'Chưa kiểm tra được',
};

// The verdict as a heading word; the server's sentence next to it says what it rests on.
export const VERDICT_NAMES: Readonly<Record<VerificationReport['verdict'], string>> = {
  valid: 'Hợp lệ theo các bước kiểm tra',
  invalid: 'Không hợp lệ',
  indeterminate: 'Chưa xác định',
  unsigned: 'Không có chữ ký số',
};

export const LEVEL_NAMES: Readonly<Record<NonNullable<SignatureReport['level']>, string>> = {
  'B-B': 'PAdES B-B (không có dấu thời gian)',
  'B-T': 'PAdES B-T (có dấu thời gian)',
  'B-LT': 'PAdES B-LT (có dấu thời gian và dữ liệu thu hồi trong tệp)',
};

export const MODULE_STATUS_NAMES: Readonly<Record<'loaded' | 'failed' | 'missing', string>> = {
  loaded: 'Đã nạp',
  failed: 'Không nạp được',
  missing: 'Không tìm thấy tệp',
};

export function issueLine(issue: FieldIssue): string {
  const key = issue.path.split('.')[0] ?? '';
  return key in FIELD_LABELS ? `${fieldLabel([key])}: ${issue.message}` : issue.message;
}

// Why the signature starts where it does (`signing.placement` basis).
const BASIS_NAMES: Readonly<Record<string, string>> = {
  explicit: 'vị trí đã chọn',
  anchor: 'theo chữ trên trang (tên, chức vụ người ký)',
  'approval-signature': 'đè lên một phần ba bên trái chữ ký duyệt',
  rule: 'góc trên bên phải trang 1, theo Nghị định 30',
  default: 'cuối trang, giữa trang',
};

export function basisName(basis: string): string {
  return BASIS_NAMES[basis] ?? basis;
}
