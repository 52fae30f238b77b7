import { pinStatusOf, type PinState } from '../../../shared/domain/pin-status.ts';
import { AppError, type ErrorCode } from '../../../shared/errors.ts';

// PKCS#11 return values we can meet, as AppErrors for the clerk. Built from the CKR name and
// our own operation name only: never from arguments, so a PIN cannot end up in a message.

export const TOKEN_REMOVED_VI =
  'Thiết bị ký số đã bị rút ra hoặc mất kết nối. Các văn bản đã ký xong vẫn được giữ nguyên; hãy cắm lại thiết bị rồi ký tiếp các văn bản còn lại.';

interface Meaning {
  readonly code: ErrorCode;
  readonly messageVi: string;
}

const SESSION_LOST = 'Phiên làm việc với thiết bị ký số đã bị đóng (thiết bị có thể vừa bị rút ra). Hãy kiểm tra thiết bị rồi mở lại phiên ký.';
const DRIVER_FAILED = 'Thiết bị ký số hoặc trình điều khiển của nó báo lỗi. Hãy rút thiết bị ra, cắm lại rồi thử lại; nếu vẫn lỗi, hãy cài lại phần mềm của nhà cung cấp.';

const MEANINGS: Readonly<Record<string, Meaning>> = {
  CKR_PIN_INCORRECT: { code: 'PIN_REJECTED', messageVi: 'Mã PIN không đúng.' },
  CKR_PIN_INVALID: { code: 'PIN_REJECTED', messageVi: 'Mã PIN có ký tự mà thiết bị ký số không chấp nhận.' },
  CKR_PIN_LEN_RANGE: { code: 'PIN_REJECTED', messageVi: 'Mã PIN dài hoặc ngắn hơn mức thiết bị ký số cho phép. Hãy kiểm tra lại mã PIN.' },
  CKR_PIN_LOCKED: { code: 'PIN_REJECTED', messageVi: 'Mã PIN của thiết bị ký số đã bị khóa do nhập sai quá số lần cho phép. Hãy liên hệ tổ chức cung cấp dịch vụ chứng thực chữ ký số để mở khóa.' },
  CKR_PIN_EXPIRED: { code: 'PIN_REJECTED', messageVi: 'Mã PIN đã hết hạn. Hãy đổi mã PIN bằng phần mềm của nhà cung cấp thiết bị rồi ký lại.' },
  CKR_FUNCTION_CANCELED: { code: 'PIN_REJECTED', messageVi: 'Việc nhập mã PIN trên thiết bị ký số đã bị hủy.' },
  CKR_TOKEN_NOT_PRESENT: { code: 'TOKEN_UNAVAILABLE', messageVi: TOKEN_REMOVED_VI },
  CKR_DEVICE_REMOVED: { code: 'TOKEN_UNAVAILABLE', messageVi: TOKEN_REMOVED_VI },
  CKR_SLOT_ID_INVALID: { code: 'TOKEN_UNAVAILABLE', messageVi: TOKEN_REMOVED_VI },
  CKR_SESSION_HANDLE_INVALID: { code: 'TOKEN_UNAVAILABLE', messageVi: SESSION_LOST },
  CKR_SESSION_CLOSED: { code: 'TOKEN_UNAVAILABLE', messageVi: SESSION_LOST },
  CKR_DEVICE_ERROR: { code: 'TOKEN_UNAVAILABLE', messageVi: 'Thiết bị ký số báo lỗi phần cứng. Hãy rút ra, cắm lại rồi thử lại; nếu vẫn lỗi, thiết bị có thể đã hỏng.' },
  CKR_DEVICE_MEMORY: { code: 'TOKEN_UNAVAILABLE', messageVi: 'Thiết bị ký số không đủ bộ nhớ để thực hiện thao tác.' },
  CKR_TOKEN_NOT_RECOGNIZED: { code: 'TOKEN_UNAVAILABLE', messageVi: 'Trình điều khiển không nhận ra thiết bị ký số đang cắm. Hãy kiểm tra đã chọn đúng thư viện PKCS#11 của nhà cung cấp thiết bị.' },
  CKR_GENERAL_ERROR: { code: 'TOKEN_UNAVAILABLE', messageVi: DRIVER_FAILED },
  CKR_FUNCTION_FAILED: { code: 'TOKEN_UNAVAILABLE', messageVi: DRIVER_FAILED },
  CKR_HOST_MEMORY: { code: 'TOKEN_UNAVAILABLE', messageVi: 'Máy tính không đủ bộ nhớ để làm việc với thiết bị ký số. Hãy đóng bớt chương trình rồi thử lại.' },
  CKR_CRYPTOKI_NOT_INITIALIZED: { code: 'TOKEN_UNAVAILABLE', messageVi: DRIVER_FAILED },
  CKR_USER_NOT_LOGGED_IN: { code: 'SIGNING_FAILED', messageVi: 'Phiên đăng nhập thiết bị ký số đã kết thúc. Hãy mở lại phiên ký và nhập mã PIN.' },
  CKR_KEY_HANDLE_INVALID: { code: 'SIGNING_FAILED', messageVi: 'Không tìm thấy khóa bí mật của chứng thư số trên thiết bị ký số.' },
  CKR_OBJECT_HANDLE_INVALID: { code: 'SIGNING_FAILED', messageVi: 'Không tìm thấy khóa bí mật của chứng thư số trên thiết bị ký số.' },
  CKR_KEY_TYPE_INCONSISTENT: { code: 'SIGNING_FAILED', messageVi: 'Khóa trên thiết bị ký số không dùng được với kiểu chữ ký này.' },
  CKR_KEY_FUNCTION_NOT_PERMITTED: { code: 'SIGNING_FAILED', messageVi: 'Khóa trên thiết bị ký số không được phép dùng để ký.' },
  CKR_MECHANISM_INVALID: { code: 'SIGNING_FAILED', messageVi: 'Thiết bị ký số không hỗ trợ thuật toán ký cần dùng (SHA-256 với RSA hoặc ECDSA).' },
  CKR_MECHANISM_PARAM_INVALID: { code: 'SIGNING_FAILED', messageVi: 'Thiết bị ký số không hỗ trợ thuật toán ký cần dùng (SHA-256 với RSA hoặc ECDSA).' },
  CKR_DATA_LEN_RANGE: { code: 'SIGNING_FAILED', messageVi: 'Thiết bị ký số từ chối dữ liệu cần ký (độ dài không hợp lệ).' },
  CKR_OPERATION_ACTIVE: { code: 'SIGNING_FAILED', messageVi: 'Thiết bị ký số đang bận với một thao tác khác. Hãy thử lại.' },
};

const CKR_NAME = /^CKR_[A-Z0-9_]+$/;

// pkcs11js puts the bare CKR name in `message` of its Pkcs11Error.
export function ckrNameOf(e: unknown): string | null {
  const message = (e as { message?: unknown } | null)?.message;
  return typeof message === 'string' && CKR_NAME.test(message) ? message : null;
}

export interface TokenErrorData {
  readonly ckr: string | null;
  readonly operation: string;
  // After a refused PIN, the token's PIN state read again (tries left, final try, locked).
  readonly pinState?: PinState;
}

// `flagsAfter`: the token's flags read again after a PIN failure, so that the message says what
// the next wrong PIN would do.
export function tokenError(e: unknown, operation: string, flagsAfter?: number): AppError {
  if (e instanceof AppError) return e;
  const ckr = ckrNameOf(e);
  if (ckr === null) {
    // Not a Cryptoki return value: a failure inside pkcs11js or the module loader. Its text
    // comes from the library, not from our arguments.
    const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return new AppError('TOKEN_UNAVAILABLE', DRIVER_FAILED, `${operation} failed: ${text}`, { ckr: null, operation } satisfies TokenErrorData);
  }
  const meaning = MEANINGS[ckr] ?? { code: 'SIGNING_FAILED', messageVi: `Thiết bị ký số từ chối thao tác (mã lỗi ${ckr}).` };
  if (meaning.code === 'PIN_REJECTED' && flagsAfter !== undefined) {
    const status = pinStatusOf(flagsAfter);
    const messageVi = status.state === 'ok' || status.state === 'pin-pad' || ckr === 'CKR_PIN_LOCKED' ? meaning.messageVi : `${meaning.messageVi} ${status.messageVi}`;
    return new AppError('PIN_REJECTED', messageVi, `${operation} returned ${ckr}; token PIN state now ${status.state}`, {
      ckr,
      operation,
      pinState: status.state,
    } satisfies TokenErrorData);
  }
  return new AppError(meaning.code, meaning.messageVi, `${operation} returned ${ckr}`, { ckr, operation } satisfies TokenErrorData);
}

export function tokenRemovedError(detail: string): AppError {
  return new AppError('TOKEN_UNAVAILABLE', TOKEN_REMOVED_VI, detail, { ckr: null, operation: 'presence check' } satisfies TokenErrorData);
}
