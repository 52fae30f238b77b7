import pkcs11js from 'pkcs11js';
import { describe, expect, it } from 'vitest';
import { TOKEN_FLAG } from '../../../shared/domain/pin-status.ts';
import { AppError } from '../../../shared/errors.ts';
import { ckrNameOf, TOKEN_REMOVED_VI, tokenError } from './errors.ts';

// A Pkcs11Error as pkcs11js makes it from a native failure ("CKR_NAME:code" on the stack).
function pkcs11Error(name: string): Error {
  const code = (pkcs11js as unknown as Record<string, number>)[name];
  return new pkcs11js.Pkcs11Error(`${name}:${code}`, code, 'C_Test');
}

const READY = 0x42d;

describe('tokenError', () => {
  it('reads the CKR name from pkcs11js errors', () => {
    expect(ckrNameOf(pkcs11Error('CKR_PIN_INCORRECT'))).toBe('CKR_PIN_INCORRECT');
    expect(ckrNameOf(new Error('libfoo.so: cannot open shared object file'))).toBeNull();
  });

  it.each([
    ['CKR_PIN_INCORRECT', 'PIN_REJECTED', /Mã PIN không đúng/],
    ['CKR_PIN_LOCKED', 'PIN_REJECTED', /đã bị khóa/],
    ['CKR_PIN_LEN_RANGE', 'PIN_REJECTED', /dài hoặc ngắn/],
    ['CKR_PIN_EXPIRED', 'PIN_REJECTED', /hết hạn/],
    ['CKR_FUNCTION_CANCELED', 'PIN_REJECTED', /bị hủy/],
    ['CKR_TOKEN_NOT_PRESENT', 'TOKEN_UNAVAILABLE', /đã bị rút/],
    ['CKR_DEVICE_REMOVED', 'TOKEN_UNAVAILABLE', /đã bị rút/],
    ['CKR_DEVICE_ERROR', 'TOKEN_UNAVAILABLE', /lỗi phần cứng/],
    ['CKR_SESSION_HANDLE_INVALID', 'TOKEN_UNAVAILABLE', /Phiên làm việc .* đã bị đóng/],
    ['CKR_SESSION_CLOSED', 'TOKEN_UNAVAILABLE', /Phiên làm việc .* đã bị đóng/],
    ['CKR_TOKEN_NOT_RECOGNIZED', 'TOKEN_UNAVAILABLE', /không nhận ra thiết bị/],
    ['CKR_GENERAL_ERROR', 'TOKEN_UNAVAILABLE', /báo lỗi/],
    ['CKR_USER_NOT_LOGGED_IN', 'SIGNING_FAILED', /nhập mã PIN/],
    ['CKR_KEY_HANDLE_INVALID', 'SIGNING_FAILED', /khóa bí mật/],
    ['CKR_MECHANISM_INVALID', 'SIGNING_FAILED', /không hỗ trợ thuật toán/],
  ])('%s → %s', (name, code, messageVi) => {
    const error = tokenError(pkcs11Error(name), 'C_Login');
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe(code);
    expect(error.messageVi).toMatch(messageVi);
    expect(error.message).toBe(`C_Login returned ${name}`);
    expect(error.data).toEqual({ ckr: name, operation: 'C_Login' });
  });

  it('an unlisted CKR still names the code, as a signing failure', () => {
    const error = tokenError(pkcs11Error('CKR_ATTRIBUTE_READ_ONLY'), 'C_Sign');
    expect(error.code).toBe('SIGNING_FAILED');
    expect(error.messageVi).toContain('CKR_ATTRIBUTE_READ_ONLY');
  });

  it('after a wrong PIN, the message says what the token flags now say', () => {
    const countLow = tokenError(pkcs11Error('CKR_PIN_INCORRECT'), 'C_Login', READY | TOKEN_FLAG.userPinCountLow);
    expect(countLow.messageVi).toMatch(/^Mã PIN không đúng\. Mã PIN đã bị nhập sai ít nhất một lần/);
    expect(countLow.data).toEqual({ ckr: 'CKR_PIN_INCORRECT', operation: 'C_Login', pinState: 'count-low' });
    const finalTry = tokenError(pkcs11Error('CKR_PIN_INCORRECT'), 'C_Login', READY | TOKEN_FLAG.userPinFinalTry);
    expect(finalTry.messageVi).toMatch(/Chỉ còn 1 lần nhập mã PIN/);
    const locked = tokenError(pkcs11Error('CKR_PIN_INCORRECT'), 'C_Login', READY | TOKEN_FLAG.userPinLocked);
    expect(locked.messageVi).toMatch(/đã bị khóa/);
    expect((locked.data as { pinState: string }).pinState).toBe('locked');
  });

  it('a loader failure is TOKEN_UNAVAILABLE with the loader text in the detail only', () => {
    const error = tokenError(new Error('x.so: file too short'), 'load');
    expect(error.code).toBe('TOKEN_UNAVAILABLE');
    expect(error.message).toBe('load failed: Error: x.so: file too short');
  });

  it('an AppError passes through unchanged', () => {
    const original = new AppError('TOKEN_UNAVAILABLE', TOKEN_REMOVED_VI, 'gone');
    expect(tokenError(original, 'C_Sign')).toBe(original);
  });

  it('our flag values are the ones pkcs11js (the PKCS#11 headers) uses', () => {
    expect(TOKEN_FLAG).toEqual({
      loginRequired: pkcs11js.CKF_LOGIN_REQUIRED,
      userPinInitialized: pkcs11js.CKF_USER_PIN_INITIALIZED,
      protectedAuthenticationPath: pkcs11js.CKF_PROTECTED_AUTHENTICATION_PATH,
      tokenInitialized: pkcs11js.CKF_TOKEN_INITIALIZED,
      userPinCountLow: pkcs11js.CKF_USER_PIN_COUNT_LOW,
      userPinFinalTry: pkcs11js.CKF_USER_PIN_FINAL_TRY,
      userPinLocked: pkcs11js.CKF_USER_PIN_LOCKED,
      userPinToBeChanged: pkcs11js.CKF_USER_PIN_TO_BE_CHANGED,
    });
  });
});
