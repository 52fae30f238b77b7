import { describe, expect, it } from 'vitest';
import { pinStatusOf, TOKEN_FLAG } from './pin-status.ts';

// A SoftHSM token as it reports itself: RNG, login required, user PIN set, restore key not
// needed, initialised (0x42d).
const READY = 0x42d;

describe('pinStatusOf', () => {
  it('a ready token asks for the PIN and states the lock rule', () => {
    const status = pinStatusOf(READY);
    expect(status).toMatchObject({ state: 'ok', pinPad: false });
    expect(status.messageVi).toMatch(/3 lần nhập sai/);
  });

  it('after a wrong PIN (COUNT_LOW, what SoftHSM sets) warns that the token may lock', () => {
    const status = pinStatusOf(READY | TOKEN_FLAG.userPinCountLow);
    expect(status.state).toBe('count-low');
    expect(status.messageVi).toMatch(/nhập sai ít nhất một lần/);
  });

  it('on the final try says the next wrong PIN locks the token, even if COUNT_LOW is also set', () => {
    const status = pinStatusOf(READY | TOKEN_FLAG.userPinCountLow | TOKEN_FLAG.userPinFinalTry);
    expect(status.state).toBe('final-try');
    expect(status.messageVi).toMatch(/Chỉ còn 1 lần.*sẽ bị khóa/);
  });

  it('locked wins over every warning and tells who can unlock', () => {
    const status = pinStatusOf(READY | TOKEN_FLAG.userPinFinalTry | TOKEN_FLAG.userPinLocked | TOKEN_FLAG.protectedAuthenticationPath);
    expect(status).toMatchObject({ state: 'locked', pinPad: true });
    expect(status.messageVi).toMatch(/đã bị khóa.*tổ chức cung cấp dịch vụ/);
  });

  it('a PIN-pad token prompts on the device, and keeps pinPad when it is near locking', () => {
    expect(pinStatusOf(READY | TOKEN_FLAG.protectedAuthenticationPath)).toMatchObject({ state: 'pin-pad', pinPad: true });
    const nearLock = pinStatusOf(READY | TOKEN_FLAG.protectedAuthenticationPath | TOKEN_FLAG.userPinFinalTry);
    expect(nearLock).toMatchObject({ state: 'final-try', pinPad: true });
    expect(nearLock.messageVi).toMatch(/bàn phím của thiết bị/);
  });

  it('a token without CKF_LOGIN_REQUIRED needs no PIN', () => {
    expect(pinStatusOf(READY & ~TOKEN_FLAG.loginRequired).state).toBe('no-login');
  });

  it('a blank token cannot sign', () => {
    expect(pinStatusOf(READY & ~TOKEN_FLAG.tokenInitialized).state).toBe('not-initialized');
  });

  it('a PIN the token wants changed is said alongside the state', () => {
    const status = pinStatusOf(READY | TOKEN_FLAG.userPinToBeChanged);
    expect(status.state).toBe('ok');
    expect(status.messageVi).toMatch(/yêu cầu đổi mã PIN/);
  });
});
