import type { InboxSummary, SyncStateView } from '../../../shared/api/schemas/sync.ts';

// The verdict over a delivered package's signed PDFs, as a badge, and its tone.
export const VERDICT_BADGES: Readonly<Record<InboxSummary['verdict'], { readonly label: string; readonly badge: string }>> = {
  valid: { label: 'Hợp lệ', badge: 'done' },
  indeterminate: { label: 'Chưa xác định', badge: 'pending' },
  invalid: { label: 'Không hợp lệ', badge: 'overdue' },
  unsigned: { label: 'Không ký số', badge: 'void' },
};

export const FILE_VERDICT_NAMES = { ...Object.fromEntries(Object.entries(VERDICT_BADGES).map(([k, v]) => [k, v.label])), 'not-pdf': 'Không phải PDF' } as Readonly<
  Record<string, string>
>;

export const BUSINESS_NAMES: Readonly<Record<InboxSummary['businessType'], string>> = {
  new: 'Văn bản mới',
  revoke: 'Yêu cầu thu hồi',
  update: 'Yêu cầu cập nhật',
  replace: 'Yêu cầu thay thế',
};

export const INBOX_STATE_NAMES: Readonly<Record<InboxSummary['state'], string>> = {
  received: 'Chờ tiếp nhận',
  accepted: 'Đã tiếp nhận',
  refused: 'Đã từ chối',
  recalled: 'Đã bị thu hồi',
  answered: 'Đã trả lời',
};

export const INBOX_FILTERS = [
  { value: 'received', label: 'Chờ tiếp nhận' },
  { value: 'accepted', label: 'Đã tiếp nhận' },
  { value: 'refused', label: 'Đã từ chối' },
  { value: 'all', label: 'Tất cả' },
] as const;

type Outcome = NonNullable<SyncStateView['lastRun']>['outcome'];

export const OUTCOME_TONES: Readonly<Record<Outcome, 'success' | 'warning' | 'error' | 'info'>> = {
  ok: 'success',
  partial: 'warning',
  offline: 'info',
  failed: 'error',
};

export const TRIGGER_NAMES = { manual: 'theo yêu cầu', schedule: 'theo lịch cuối ngày', 'network-back': 'khi mạng chuyên dùng có lại' } as const;
