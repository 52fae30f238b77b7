import { verify, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/shared/errors.ts';
import { startTokenClient, type TokenClient } from '../../src/main/signing/pkcs11/token-client.ts';
import type { TokenInfo } from '../../src/main/signing/pkcs11/token-types.ts';
import { expectAppErrorAsync } from '../support/app-error.ts';
import { CERT_IDS, createSoftHsm, type SoftHsm, type SoftHsmToken } from '../support/softhsm.ts';
import { createTestPki, type TestPki } from '../support/test-pki.ts';

// Listing, login and signing against real SoftHSM2 tokens, through the real worker thread.
let pki: TestPki;
let hsm: SoftHsm;
let client: TokenClient;
let first: SoftHsmToken;
let second: SoftHsmToken;

beforeAll(async () => {
  pki = await createTestPki();
  hsm = await createSoftHsm(pki, { labels: ['VanThu A', 'VanThu B'] });
  [first, second] = hsm.tokens as [SoftHsmToken, SoftHsmToken];
  client = startTokenClient({ env: hsm.env });
});
afterAll(async () => {
  await client?.close();
  hsm?.cleanup();
});

const tokenOf = (tokens: TokenInfo[], serial: string) => tokens.find((t) => t.serialNumber === serial);

function verifies(certificate: Uint8Array, data: Uint8Array, signature: Uint8Array): boolean {
  return verify('sha256', data, new X509Certificate(certificate).publicKey, signature);
}

describe('token listing', () => {
  it('lists each token with its PIN state and only the certificates that have a key', async () => {
    const tokens = await client.listTokens(hsm.modulePath);
    const token = tokenOf(tokens, first.serial);
    expect(token).toMatchObject({ label: 'VanThu A', manufacturer: 'SoftHSM project', model: 'SoftHSM v2', pinStatus: { state: 'ok', pinPad: false } });
    // The certificate without a key (09) and the root CA certificate (ca) are hidden.
    expect(token?.certificates.map((c) => c.id).sort()).toEqual([CERT_IDS.rsa, CERT_IDS.ec]);
    const rsa = token?.certificates.find((c) => c.id === CERT_IDS.rsa);
    const parsed = new X509Certificate(first.rsaCertificate);
    expect(rsa).toMatchObject({
      label: 'Chữ ký RSA',
      keyAlgorithm: 'RSA',
      keySize: 2048,
      issuer: pki.root.certificate.subject,
      serialNumber: parsed.serialNumber.toLowerCase(),
      notAfter: new Date(parsed.validTo).toISOString(),
      keyUsage: ['digitalSignature', 'nonRepudiation'],
      derBase64: Buffer.from(first.rsaCertificate).toString('base64'),
    });
    expect(rsa?.subject).toContain('Nguyễn Văn Token 0');
    expect(token?.certificates.find((c) => c.id === CERT_IDS.ec)).toMatchObject({ keyAlgorithm: 'EC', keySize: 256 });
    expect(tokenOf(tokens, second.serial)?.label).toBe('VanThu B');
    // SoftHSM always offers one more, blank slot; it is listed as such and holds nothing.
    const blank = tokens.find((t) => t.pinStatus.state === 'not-initialized');
    expect(blank?.certificates).toEqual([]);
  });
});

describe('signing session', () => {
  it('one login signs a batch of 20 with RSA, each verified by node:crypto against the certificate', async () => {
    const session = await client.openSession({ modulePath: hsm.modulePath, tokenSerial: first.serial, pin: first.pin });
    try {
      expect(session.certificates.map((c) => c.id).sort()).toEqual([CERT_IDS.rsa, CERT_IDS.ec]);
      const signer = session.signer(CERT_IDS.rsa);
      expect(signer.keyAlgorithm).toBe('RSA');
      expect(Buffer.from(signer.certificate)).toEqual(Buffer.from(first.rsaCertificate));
      // The root CA certificate on the token issues the signer: it is the chain.
      expect(signer.chain.map((c) => Buffer.from(c))).toEqual([Buffer.from(pki.root.der)]);
      const documents = Array.from({ length: 20 }, (_, i) => new TextEncoder().encode(`thuộc tính đã ký của văn bản ${i}`));
      const signatures = await Promise.all(documents.map((d) => signer.sign(d)));
      for (const [i, signature] of signatures.entries()) {
        expect(signature.length).toBe(256);
        expect(verifies(first.rsaCertificate, documents[i] as Uint8Array, signature), `document ${i}`).toBe(true);
      }
      expect(verifies(first.rsaCertificate, documents[1] as Uint8Array, signatures[0] as Uint8Array)).toBe(false);
    } finally {
      await session.close();
    }
  });

  it('signs with the EC key: SHA-256 then CKM_ECDSA, r||s turned into DER', async () => {
    const session = await client.openSession({ modulePath: hsm.modulePath, tokenSerial: first.serial, pin: first.pin });
    try {
      const signer = session.signer(CERT_IDS.ec);
      expect(signer.keyAlgorithm).toBe('EC');
      for (let i = 0; i < 5; i++) {
        const data = new TextEncoder().encode(`EC ${i}`);
        const signature = await signer.sign(data);
        expect(signature[0]).toBe(0x30);
        expect(verifies(first.ecCertificate, data, signature)).toBe(true);
      }
    } finally {
      await session.close();
    }
  });

  it('refuses a certificate without a key, an unknown id, and a second session on the same token', async () => {
    const session = await client.openSession({ modulePath: hsm.modulePath, tokenSerial: first.serial, pin: first.pin });
    try {
      expect(() => session.signer(CERT_IDS.keyless)).toThrow(AppError);
      expect(() => session.signer('deadbeef')).toThrow(/no certificate with CKA_ID deadbeef/);
      await expectAppErrorAsync(() => client.openSession({ modulePath: hsm.modulePath, tokenSerial: first.serial, pin: first.pin }), 'INVALID_INPUT', /đang được dùng/);
    } finally {
      await session.close();
    }
    const signer = session.signer(CERT_IDS.rsa);
    await expectAppErrorAsync(() => signer.sign(new Uint8Array([1])), 'TOKEN_UNAVAILABLE', /Phiên ký đã kết thúc/);
  });

  it('asks for a PIN when none is given to a token without a PIN pad', async () => {
    await expectAppErrorAsync(() => client.openSession({ modulePath: hsm.modulePath, tokenSerial: first.serial, pin: null }), 'INVALID_INPUT', /Hãy nhập mã PIN/);
  });

  it('a token that is not there is TOKEN_UNAVAILABLE', async () => {
    await expectAppErrorAsync(() => client.openSession({ modulePath: hsm.modulePath, tokenSerial: '0000000000000000', pin: '1' }), 'TOKEN_UNAVAILABLE', /Không thấy thiết bị/);
  });
});

describe('PIN', () => {
  it('a wrong PIN is PIN_REJECTED, says what the token now reports, and the PIN appears nowhere', async () => {
    const wrongPin = '73915';
    const error = await expectAppErrorAsync(() => client.openSession({ modulePath: hsm.modulePath, tokenSerial: second.serial, pin: wrongPin }), 'PIN_REJECTED', /^Mã PIN không đúng\./);
    // SoftHSM sets CKF_USER_PIN_COUNT_LOW after a wrong PIN, read again after the failure.
    expect(error.data).toEqual({ ckr: 'CKR_PIN_INCORRECT', operation: 'C_Login', pinState: 'count-low' });
    expect(error.messageVi).toMatch(/nhập sai ít nhất một lần/);
    expect(error.message).toBe('C_Login returned CKR_PIN_INCORRECT; token PIN state now count-low');
    const everything = JSON.stringify({ message: error.message, messageVi: error.messageVi, data: error.data, stack: error.stack });
    expect(everything).not.toContain(wrongPin);

    // The dialog shows the warning before the next try, and the right PIN clears it.
    expect(tokenOf(await client.listTokens(hsm.modulePath), second.serial)?.pinStatus.state).toBe('count-low');
    const session = await client.openSession({ modulePath: hsm.modulePath, tokenSerial: second.serial, pin: second.pin });
    await session.close();
    expect(tokenOf(await client.listTokens(hsm.modulePath), second.serial)?.pinStatus.state).toBe('ok');
  });

  it('SoftHSM never locks a PIN (no FINAL_TRY, no LOCKED): found here, so locking is tested on the flags in pin-status.test.ts', async () => {
    for (let i = 0; i < 5; i++) {
      await expectAppErrorAsync(() => client.openSession({ modulePath: hsm.modulePath, tokenSerial: second.serial, pin: `000${i}` }), 'PIN_REJECTED');
    }
    const token = tokenOf(await client.listTokens(hsm.modulePath), second.serial);
    expect(token?.pinStatus.state).toBe('count-low');
    const session = await client.openSession({ modulePath: hsm.modulePath, tokenSerial: second.serial, pin: second.pin });
    await session.close();
  });

  it('a PIN of a length the token cannot take is refused before C_Login, so it costs no try', async () => {
    const error = await expectAppErrorAsync(() => client.openSession({ modulePath: hsm.modulePath, tokenSerial: first.serial, pin: '1' }), 'PIN_REJECTED', /từ 4 đến 255 ký tự/);
    expect(error.message).toMatch(/no login attempted/);
    expect(tokenOf(await client.listTokens(hsm.modulePath), first.serial)?.pinStatus.state).toBe('ok');
  });
});
