import { beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, type TestPki } from '../../../../test/support/test-pki.ts';
import { chainOf, parseCertificate } from './certificate-summary.ts';
import { certificatesWithKeys, slotIdOf, summarize } from './token-listing.ts';
import type { TokenObjects } from './token-objects.ts';

let pki: TestPki;
beforeAll(async () => {
  pki = await createTestPki();
});

const cert = (id: string, der: Uint8Array) => ({ id, label: `c${id}`, der });

describe('certificatesWithKeys', () => {
  it('before login a public key with the same CKA_ID vouches for the pair; after login only private keys count', () => {
    const objects: TokenObjects = {
      certificates: [cert('01', pki.leader.der), cert('02', pki.ecLeader.der), cert('09', pki.agency.der), cert('', pki.expired.der)],
      privateKeys: [{ id: '02', handle: Buffer.alloc(8) }],
      publicKeyIds: new Set(['01', '02', '']),
    };
    expect(certificatesWithKeys(objects, true).map((c) => c.id)).toEqual(['01', '02']);
    expect(certificatesWithKeys(objects, false).map((c) => c.id)).toEqual(['02']);
  });
});

describe('summarize', () => {
  it('reads subject, issuer, serial, validity, usages and key; skips what does not parse', () => {
    const [leader, ec] = summarize([cert('01', pki.leader.der), cert('0a', new Uint8Array([1, 2, 3])), cert('02', pki.ecLeader.der)]);
    expect(leader).toMatchObject({
      id: '01',
      subject: pki.leader.certificate.subject,
      issuer: pki.root.certificate.subject,
      serialNumber: pki.leader.certificate.serialNumber.toLowerCase(),
      notBefore: pki.leader.certificate.notBefore.toISOString(),
      keyUsage: ['digitalSignature', 'nonRepudiation'],
      keyAlgorithm: 'RSA',
      keySize: 2048,
    });
    expect(ec).toMatchObject({ id: '02', keyAlgorithm: 'EC', keySize: 256 });
  });
});

describe('chainOf', () => {
  it('finds the issuing CA among the token certificates and nothing from another CA', () => {
    const candidates = [pki.unknownRoot, pki.agency, pki.root].map((i) => parseCertificate(i.der));
    expect(chainOf(parseCertificate(pki.leader.der), candidates).map((c) => c.subject)).toEqual([pki.root.certificate.subject]);
    expect(chainOf(parseCertificate(pki.leader.der), [parseCertificate(pki.unknownRoot.der)])).toEqual([]);
  });
});

describe('slotIdOf', () => {
  it('reads a 64-bit CK_SLOT_ID (Linux) and a 32-bit one (Windows)', () => {
    expect(slotIdOf(Buffer.from([0x8e, 0x8c, 0xf8, 0x1b, 0, 0, 0, 0]))).toBe(String(0x1bf88c8e));
    expect(slotIdOf(Buffer.from([1, 0, 0, 0]))).toBe('1');
  });
});
