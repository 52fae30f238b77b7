import { AppError } from '../../shared/errors.ts';

// What the caller knows about a sendEdoc that failed: 'not-sent' (the connection was never made,
// the hub cannot have the package), 'refused' (the hub answered and did not store it), or
// 'unknown' (bytes went out and no answer came back: reconcile with getSentEdocList before
// sending again, the hub has no idempotency).
export type SendOutcome = 'not-sent' | 'refused' | 'unknown';

export interface HubErrorData {
  readonly operation: string;
  // A retry may succeed: connection refused or reset, a timeout, 502/503/504.
  readonly transient: boolean;
  readonly httpStatus?: number;
  readonly cause?: string;
  readonly errorCode?: string;
  readonly errorDesc?: string;
  readonly outcome?: SendOutcome;
}

const UNREACHABLE_VI =
  'Không kết nối được với trục liên thông văn bản quốc gia (mạng chuyên dùng). Hãy kiểm tra đường mạng rồi thử lại; dữ liệu chưa gửi vẫn được giữ nguyên.';
const UNKNOWN_VI =
  'Mất kết nối trong khi gửi văn bản lên trục liên thông nên chưa biết trục đã nhận hay chưa. Lần đồng bộ sau sẽ đối chiếu với trục trước khi gửi lại, không gửi trùng.';

export function hubUnreachable(data: HubErrorData, detailEn: string): AppError {
  return new AppError('HUB_UNREACHABLE', data.outcome === 'unknown' ? UNKNOWN_VI : UNREACHABLE_VI, `${data.operation}: ${detailEn}`, data);
}

export function hubRefused(data: HubErrorData, detailEn: string): AppError {
  const reason = data.errorDesc ? ` (${data.errorCode ?? '?'}: ${data.errorDesc})` : data.errorCode ? ` (mã lỗi ${data.errorCode})` : '';
  return new AppError(
    'HUB_REFUSED',
    `Trục liên thông từ chối yêu cầu${reason}. Hãy kiểm tra cấu hình kết nối trục (mã hệ thống, khóa bí mật, mã định danh) hoặc báo cho quản trị trục.`,
    `${data.operation}: ${detailEn}`,
    data,
  );
}

export function isTransientHubError(e: unknown): boolean {
  return e instanceof AppError && e.code === 'HUB_UNREACHABLE' && (e.data as HubErrorData | undefined)?.transient === true;
}
