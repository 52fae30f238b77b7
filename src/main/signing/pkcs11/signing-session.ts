import { createHash } from 'node:crypto';
import pkcs11js from 'pkcs11js';
import { pinStatusOf, TOKEN_FLAG } from '../../../shared/domain/pin-status.ts';
import { AppError } from '../../../shared/errors.ts';
import type { KeyAlgorithm } from '../raw-signer.ts';
import { chainOf, parseCertificate } from './certificate-summary.ts';
import { tokenError, tokenRemovedError } from './errors.ts';
import type { Pkcs11 } from './module-registry.ts';
import { ecdsaRawToDer, sha256DigestInfo } from './signature-encoding.ts';
import { certificatesWithKeys, closeQuietly, summarize } from './token-listing.ts';
import { readTokenObjects, type KeyObject } from './token-objects.ts';
import type { TokenCertificate } from './token-types.ts';

// What the main side needs to build a RawSigner for one certificate of an open session.
export interface SessionCertificate extends TokenCertificate {
  readonly der: Uint8Array;
  readonly chain: readonly Uint8Array[];
}

interface KeyEntry {
  readonly handle: Buffer;
  readonly keyAlgorithm: KeyAlgorithm;
}

// Big enough for an RSA-8192 signature or an r||s of P-521; pkcs11js returns the used part.
const SIGNATURE_ROOM = 1024;

function findSlot(module: Pkcs11, tokenSerial: string): Buffer {
  let slots: Buffer[];
  try {
    slots = module.C_GetSlotList(true);
  } catch (e) {
    throw tokenError(e, 'C_GetSlotList');
  }
  for (const slot of slots) {
    try {
      if (module.C_GetTokenInfo(slot).serialNumber.trim() === tokenSerial) return slot;
    } catch {
      // A slot whose token went away meanwhile is not the one we want.
    }
  }
  throw new AppError('TOKEN_UNAVAILABLE', 'Không thấy thiết bị ký số đã chọn. Hãy cắm thiết bị vào máy rồi thử lại.', `no token with serial ${tokenSerial} in any slot`);
}

// One login, many signatures (PKCS#11 login state is per token and application, and lasts until
// C_Logout or the last session closes). After any failure the token's presence is checked, so
// that a pulled-out token is reported as such whatever the module returned: SoftHSM answers
// CKR_OBJECT_HANDLE_INVALID when its token directory disappears, hardware modules
// CKR_DEVICE_REMOVED or CKR_SESSION_HANDLE_INVALID.
export class SigningSession {
  readonly tokenSerial: string;
  readonly certificates: readonly SessionCertificate[];
  private readonly module: Pkcs11;
  private readonly slot: Buffer;
  private readonly session: Buffer;
  private readonly keys: ReadonlyMap<string, KeyEntry>;
  private readonly hasSha256RsaPkcs: boolean;
  private removed: AppError | null = null;

  private constructor(module: Pkcs11, slot: Buffer, session: Buffer, tokenSerial: string) {
    this.module = module;
    this.slot = slot;
    this.session = session;
    this.tokenSerial = tokenSerial;
    const objects = readTokenObjects(module, session);
    // After login the private keys are visible: only certificates with one can sign.
    const withKeys = summarize(certificatesWithKeys(objects, false));
    const all = objects.certificates.flatMap((c) => {
      try {
        return [parseCertificate(c.der)];
      } catch {
        return [];
      }
    });
    const keys = new Map<string, KeyEntry>();
    this.certificates = withKeys.map((summary) => {
      const der = new Uint8Array(Buffer.from(summary.derBase64, 'base64'));
      const key = objects.privateKeys.find((k) => k.id === summary.id) as KeyObject;
      keys.set(summary.id, { handle: key.handle, keyAlgorithm: summary.keyAlgorithm });
      return { ...summary, der, chain: chainOf(parseCertificate(der), all).map((c) => new Uint8Array(c.rawData)) };
    });
    this.keys = keys;
    this.hasSha256RsaPkcs = module.C_GetMechanismList(slot).includes(pkcs11js.CKM_SHA256_RSA_PKCS);
  }

  // `pin` null: the token has a PIN pad (protected authentication path) and asks on the device.
  static open(module: Pkcs11, tokenSerial: string, pin: string | null): SigningSession {
    const slot = findSlot(module, tokenSerial);
    let info: pkcs11js.TokenInfo;
    try {
      info = module.C_GetTokenInfo(slot);
    } catch (e) {
      throw tokenError(e, 'C_GetTokenInfo');
    }
    const flags = info.flags;
    const status = pinStatusOf(flags);
    if (status.state === 'locked' || status.state === 'not-initialized') {
      throw new AppError(status.state === 'locked' ? 'PIN_REJECTED' : 'TOKEN_UNAVAILABLE', status.messageVi, `token ${tokenSerial} is ${status.state}; no login attempted`, { pinState: status.state });
    }
    if (pin === null && status.state !== 'no-login' && !status.pinPad) {
      throw new AppError('INVALID_INPUT', 'Hãy nhập mã PIN của thiết bị ký số.', `token ${tokenSerial} has no PIN pad and no PIN was given`);
    }
    const loginRequired = (flags & TOKEN_FLAG.loginRequired) !== 0;
    if (pin !== null && loginRequired) checkPinLength(pin, info);
    let session: Buffer;
    try {
      session = module.C_OpenSession(slot, pkcs11js.CKF_SERIAL_SESSION);
    } catch (e) {
      throw tokenError(e, 'C_OpenSession');
    }
    try {
      if (loginRequired) login(module, slot, session, pin);
      return new SigningSession(module, slot, session, tokenSerial);
    } catch (e) {
      closeQuietly(module, session);
      throw tokenError(e, 'opening the signing session');
    }
  }

  sign(certificateId: string, data: Uint8Array): Uint8Array {
    if (this.removed) throw this.removed;
    const key = this.keys.get(certificateId);
    if (!key) {
      throw new AppError('INVALID_INPUT', 'Chứng thư số này không có khóa bí mật trên thiết bị ký số.', `no private key with CKA_ID ${certificateId} on token ${this.tokenSerial}`);
    }
    try {
      return key.keyAlgorithm === 'RSA' ? this.signRsa(key.handle, data) : this.signEc(key.handle, data);
    } catch (e) {
      if (!this.isPresent()) {
        this.removed = tokenRemovedError(`token ${this.tokenSerial} is gone (C_Sign failed with ${(e as Error).message})`);
        throw this.removed;
      }
      throw tokenError(e, 'C_Sign');
    }
  }

  close(): void {
    if (!this.removed) {
      try {
        this.module.C_Logout(this.session);
      } catch {
        // Logged out already, or the device is gone: either way no login remains.
      }
    }
    closeQuietly(this.module, this.session);
  }

  private signRsa(key: Buffer, data: Uint8Array): Uint8Array {
    if (this.hasSha256RsaPkcs) return this.rawSign({ mechanism: pkcs11js.CKM_SHA256_RSA_PKCS }, key, Buffer.from(data));
    const digest = createHash('sha256').update(data).digest();
    return this.rawSign({ mechanism: pkcs11js.CKM_RSA_PKCS }, key, Buffer.from(sha256DigestInfo(digest)));
  }

  private signEc(key: Buffer, data: Uint8Array): Uint8Array {
    const digest = createHash('sha256').update(data).digest();
    return ecdsaRawToDer(this.rawSign({ mechanism: pkcs11js.CKM_ECDSA }, key, digest));
  }

  private rawSign(mechanism: pkcs11js.Mechanism, key: Buffer, input: Buffer): Uint8Array {
    this.module.C_SignInit(this.session, mechanism, key);
    return new Uint8Array(this.module.C_Sign(this.session, input, Buffer.alloc(SIGNATURE_ROOM)));
  }

  private isPresent(): boolean {
    try {
      const present = this.module.C_GetSlotList(true).some((s) => s.equals(this.slot));
      return present && this.module.C_GetTokenInfo(this.slot).serialNumber.trim() === this.tokenSerial;
    } catch {
      return false;
    }
  }
}

// Checked before C_Login because many tokens count a PIN of the wrong length as a wrong try.
function checkPinLength(pin: string, info: pkcs11js.TokenInfo): void {
  const length = Buffer.byteLength(pin, 'utf8');
  if (length >= info.minPinLen && length <= info.maxPinLen) return;
  throw new AppError(
    'PIN_REJECTED',
    `Mã PIN của thiết bị này phải dài từ ${info.minPinLen} đến ${info.maxPinLen} ký tự; mã vừa nhập chưa được gửi tới thiết bị nên không bị tính là một lần nhập sai.`,
    `PIN length ${length} outside the token's ${info.minPinLen}..${info.maxPinLen}; no login attempted`,
    { ckr: null, operation: 'PIN length check' },
  );
}

function login(module: Pkcs11, slot: Buffer, session: Buffer, pin: string | null): void {
  try {
    // PKCS#11 asks for a NULL pPin on a PIN-pad token; pkcs11js 2.1.7 requires a string, and
    // an empty one reaches the module as length 0, which PIN-pad modules take as "ask the pad"
    // (checked in pkcs11js src/pkcs11.cpp; no PIN-pad device was available to test with).
    module.C_Login(session, pkcs11js.CKU_USER, pin ?? '');
  } catch (e) {
    let flagsAfter: number | undefined;
    try {
      flagsAfter = module.C_GetTokenInfo(slot).flags;
    } catch {
      // The token is gone too; the error from C_Login says enough.
    }
    throw tokenError(e, 'C_Login', flagsAfter);
  }
}
