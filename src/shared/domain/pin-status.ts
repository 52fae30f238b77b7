// What the sign dialog tells the clerk about the PIN before they type it, read from the token's
// CK_TOKEN_INFO flags (PKCS#11 2.40 §3.2). PKCS#11 gives no count of tries left, only "some
// wrong tries" (COUNT_LOW), "the next wrong try locks" (FINAL_TRY) and "locked"; VGCA tokens
// lock after 3 wrong PINs in a row, so the message names that rule instead of a number.
export const TOKEN_FLAG = {
  loginRequired: 0x4,
  userPinInitialized: 0x8,
  protectedAuthenticationPath: 0x100,
  tokenInitialized: 0x400,
  userPinCountLow: 0x10000,
  userPinFinalTry: 0x20000,
  userPinLocked: 0x40000,
  userPinToBeChanged: 0x80000,
} as const;

// 'not-initialized': a blank token (never set up by the CA); nothing on it can sign.
export type PinState = 'ok' | 'count-low' | 'final-try' | 'locked' | 'pin-pad' | 'no-login' | 'not-initialized';

export interface PinStatus {
  readonly state: PinState;
  readonly messageVi: string;
  // The PIN is typed on the device's own keypad (CKF_PROTECTED_AUTHENTICATION_PATH): the dialog
  // shows no PIN field. Kept apart from `state` because a PIN-pad token can also be near locking.
  readonly pinPad: boolean;
}

const LOCK_RULE = 'Thiết bị ký số của Ban Cơ yếu Chính phủ bị khóa sau 3 lần nhập sai liên tiếp.';
const UNLOCK = 'Hãy liên hệ tổ chức cung cấp dịch vụ chứng thực chữ ký số để mở khóa; không thử nhập thêm.';
const PAD = 'Nhập mã PIN trên bàn phím của thiết bị ký số khi được nhắc.';
const CHANGE = 'Thiết bị yêu cầu đổi mã PIN: hãy đổi mã PIN bằng phần mềm của nhà cung cấp trước khi ký.';

const has = (flags: number, flag: number) => (flags & flag) !== 0;

function sentences(...parts: Array<string | false>): string {
  return parts.filter((p): p is string => p !== false).join(' ');
}

export function pinStatusOf(flags: number): PinStatus {
  const pinPad = has(flags, TOKEN_FLAG.protectedAuthenticationPath);
  const mustChange = has(flags, TOKEN_FLAG.userPinToBeChanged) && CHANGE;
  const pad = pinPad && PAD;
  if (!has(flags, TOKEN_FLAG.tokenInitialized)) {
    return { state: 'not-initialized', pinPad, messageVi: 'Thiết bị ký số chưa được khởi tạo nên không có chứng thư số để ký. Hãy liên hệ tổ chức cung cấp dịch vụ chứng thực chữ ký số.' };
  }
  if (has(flags, TOKEN_FLAG.userPinLocked)) {
    return { state: 'locked', pinPad, messageVi: sentences('Mã PIN của thiết bị ký số đã bị khóa do nhập sai quá số lần cho phép.', UNLOCK) };
  }
  if (has(flags, TOKEN_FLAG.userPinFinalTry)) {
    return {
      state: 'final-try',
      pinPad,
      messageVi: sentences('Chỉ còn 1 lần nhập mã PIN: nếu nhập sai lần nữa, thiết bị ký số sẽ bị khóa.', 'Nếu không chắc mã PIN, hãy dừng lại và hỏi người quản lý thiết bị.', pad, mustChange),
    };
  }
  if (has(flags, TOKEN_FLAG.userPinCountLow)) {
    return {
      state: 'count-low',
      pinPad,
      messageVi: sentences('Mã PIN đã bị nhập sai ít nhất một lần kể từ lần nhập đúng gần nhất.', LOCK_RULE, 'Hãy nhập thật cẩn thận.', pad, mustChange),
    };
  }
  if (pinPad) return { state: 'pin-pad', pinPad, messageVi: sentences(PAD, mustChange) };
  if (!has(flags, TOKEN_FLAG.loginRequired)) {
    return { state: 'no-login', pinPad, messageVi: 'Thiết bị ký số này không yêu cầu mã PIN.' };
  }
  return { state: 'ok', pinPad, messageVi: sentences('Nhập mã PIN của thiết bị ký số.', LOCK_RULE, mustChange) };
}
