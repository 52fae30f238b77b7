import { createHash, createSign, createVerify, generateKeyPairSync, publicDecrypt, constants } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ecdsaRawToDer, sha256DigestInfo } from './signature-encoding.ts';

describe('sha256DigestInfo', () => {
  it('is exactly what an RSA PKCS#1 v1.5 SHA-256 signature wraps', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const data = Buffer.from('tập ký thử');
    const signature = createSign('sha256').update(data).sign(privateKey);
    const recovered = publicDecrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, signature);
    expect(Buffer.from(sha256DigestInfo(createHash('sha256').update(data).digest()))).toEqual(recovered);
  });

  it('refuses a digest of the wrong size', () => {
    expect(() => sha256DigestInfo(new Uint8Array(20))).toThrow(RangeError);
  });
});

describe('ecdsaRawToDer', () => {
  it('turns a P-256 r||s (IEEE P1363) into a DER signature node:crypto verifies', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const data = Buffer.from('văn bản');
    // Many signatures, so that r or s with a high bit set and with leading zero bytes occur.
    for (let i = 0; i < 64; i++) {
      const raw = createSign('sha256').update(data).sign({ key: privateKey, dsaEncoding: 'ieee-p1363' });
      const der = ecdsaRawToDer(raw);
      expect(createVerify('sha256').update(data).verify({ key: publicKey, dsaEncoding: 'der' }, der)).toBe(true);
    }
  });

  it('adds a zero byte before a high bit and drops redundant leading zeros', () => {
    const raw = Uint8Array.from([0x80, 0x01, 0x00, 0x7f]);
    expect([...ecdsaRawToDer(raw)]).toEqual([0x30, 0x08, 0x02, 0x03, 0x00, 0x80, 0x01, 0x02, 0x01, 0x7f]);
    expect([...ecdsaRawToDer(new Uint8Array(4))]).toEqual([0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00]);
  });

  it('uses the long length form for P-521 sized values', () => {
    const raw = new Uint8Array(132).fill(0xff);
    const der = ecdsaRawToDer(raw);
    expect([...der.subarray(0, 3)]).toEqual([0x30, 0x81, 0x8a]);
    expect(der.length).toBe(3 + 0x8a);
  });

  it('refuses an odd length', () => {
    expect(() => ecdsaRawToDer(new Uint8Array(3))).toThrow(RangeError);
  });
});
