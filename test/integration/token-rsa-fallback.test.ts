import { execFileSync } from 'node:child_process';
import { verify, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTokenClient, type TokenClient } from '../../src/main/signing/pkcs11/token-client.ts';
import { CERT_IDS, createSoftHsm, type SoftHsm, type SoftHsmToken } from '../support/softhsm.ts';
import { createTestPki } from '../support/test-pki.ts';

// A token without CKM_SHA256_RSA_PKCS (SoftHSM limited by slots.mechanisms): RSA signing falls
// back to CKM_RSA_PKCS over a DER DigestInfo, which must give the same PKCS#1 v1.5 signature.
let hsm: SoftHsm;
let client: TokenClient;
let token: SoftHsmToken;

beforeAll(async () => {
  hsm = await createSoftHsm(await createTestPki(), { labels: ['Không SHA256-RSA'], onlyMechanisms: ['CKM_RSA_PKCS', 'CKM_RSA_PKCS_KEY_PAIR_GEN', 'CKM_EC_KEY_PAIR_GEN', 'CKM_ECDSA'] });
  token = hsm.tokens[0] as SoftHsmToken;
  client = startTokenClient({ env: hsm.env });
});
afterAll(async () => {
  await client?.close();
  hsm?.cleanup();
});

describe('RSA without CKM_SHA256_RSA_PKCS', () => {
  it('the token really lacks the mechanism', () => {
    const mechanisms = execFileSync('pkcs11-tool', ['--module', hsm.modulePath, '--token-label', token.label, '-M'], { env: { ...process.env, ...hsm.env }, encoding: 'utf8' });
    expect(mechanisms).toMatch(/^\s*RSA-PKCS,/m);
    expect(mechanisms).not.toMatch(/SHA256-RSA-PKCS,/);
  });

  it('signs with CKM_RSA_PKCS over the DigestInfo, and node:crypto verifies it as sha256WithRSAEncryption', async () => {
    const session = await client.openSession({ modulePath: hsm.modulePath, tokenSerial: token.serial, pin: token.pin });
    try {
      const signer = session.signer(CERT_IDS.rsa);
      for (let i = 0; i < 3; i++) {
        const data = new TextEncoder().encode(`thuộc tính ${i}`);
        const signature = await signer.sign(data);
        expect(verify('sha256', data, new X509Certificate(token.rsaCertificate).publicKey, signature)).toBe(true);
      }
    } finally {
      await session.close();
    }
  });
});
