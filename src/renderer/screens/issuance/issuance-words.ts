import { type CorrectionRelation, ISSUANCE_STATE_NAMES, ISSUANCE_STEPS, type IssuanceRecord, type IssuanceState, type Secrecy } from '../../../shared/api/schemas/issuance.ts';

// The workflow's states in the clerk's words, in their order (docs/issuance.md): the same names
// the CLI prints.
export const STEPS = ISSUANCE_STEPS;
export const STATE_NAMES = ISSUANCE_STATE_NAMES;

type IssuanceFile = IssuanceRecord['files'][number];

export const FILE_STEP_NAMES: Readonly<Record<IssuanceFile['step'], string>> = {
  draft: 'Dự thảo',
  approved: 'Bản đã ký duyệt',
  numbered: 'Bản đã ghi số, ngày',
  issued: 'Bản đã ký phát hành',
};

export const FILE_ROLE_NAMES: Readonly<Record<IssuanceFile['role'], string>> = { main: 'Văn bản chính', attachment: 'Văn bản kèm theo' };

export const OUTBOX_STATUS_NAMES = { pending: 'Chờ gửi', sent: 'Đã gửi', failed: 'Gửi lỗi', cancelled: 'Đã hủy gửi' } as const;

// The one step that comes next, as the primary button offers it. Approve and issue need a
// token; the others are one call. Nothing after distribution, nothing after a void.
export type NextStep =
  | { readonly kind: 'call'; readonly op: 'issuance.submit' | 'issuance.number' | 'issuance.register' | 'issuance.distribute'; readonly label: string; readonly busy: string }
  | { readonly kind: 'token'; readonly op: 'issuance.approve' | 'issuance.issue'; readonly label: string; readonly title: string };

export function nextStep(state: IssuanceState): NextStep | null {
  switch (state) {
    case 'draft':
      return { kind: 'call', op: 'issuance.submit', label: 'Trình ký', busy: 'Đang trình ký…' };
    case 'submitted':
      return { kind: 'token', op: 'issuance.approve', label: 'Ký duyệt…', title: 'Ký duyệt (chữ ký của lãnh đạo)' };
    case 'approved':
      return { kind: 'call', op: 'issuance.number', label: 'Cấp số', busy: 'Đang cấp số…' };
    case 'numbered':
      return { kind: 'token', op: 'issuance.issue', label: 'Ký phát hành…', title: 'Ký phát hành (chữ ký số của cơ quan)' };
    case 'issued':
      return { kind: 'call', op: 'issuance.register', label: 'Vào sổ văn bản đi', busy: 'Đang vào sổ…' };
    case 'registered':
      return { kind: 'call', op: 'issuance.distribute', label: 'Gửi văn bản', busy: 'Đang gửi…' };
    case 'distributed':
    case 'void':
      return null;
  }
}

// Only a numbered (or later) document has a register row to void.
export function canVoid(state: IssuanceState): boolean {
  return state !== 'void';
}

// Corrections (nd30-rules §5): how the new document relates to the issued one.
export const RELATION_NAMES: Readonly<Record<CorrectionRelation, string>> = { amends: 'Sửa đổi, bổ sung', replaces: 'Thay thế', corrects: 'Đính chính' };

export const SECRECY_NAMES: Readonly<Record<Secrecy, string>> = { none: 'Không mật', mat: 'Mật', 'toi-mat': 'Tối mật', 'tuyet-mat': 'Tuyệt mật' };

// A correction is made for a document that has gone out: issued and after, not voided.
export function canCorrect(record: IssuanceRecord): boolean {
  return record.documentId !== null && ['issued', 'registered', 'distributed'].includes(record.state);
}
