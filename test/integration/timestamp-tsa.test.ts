import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPadesCms } from '../../src/main/signing/cms/build-cms.ts';
import { requestTimestamp } from '../../src/main/signing/timestamp/tsa-client.ts';
import { expectAppErrorAsync } from '../support/app-error.ts';
import { softwareSigner } from '../support/software-signer.ts';
import { createTestPki, type TestPki } from '../support/test-pki.ts';
import { startTestTsa, type TestTsaFailure } from '../support/test-tsa.ts';
import { tempDir } from '../support/temp-profile.ts';

// The RFC 3161 client against a real HTTP TSA on loopback, its tokens checked by `openssl ts`.
describe('timestamp client', () => {
  let pki: TestPki;
  let dir: string;
  let cleanup = () => {};

  beforeAll(async () => {
    pki = await createTestPki();
    ({ dir, cleanup } = tempDir('vanthu-tsa-'));
    writeFileSync(join(dir, 'root.pem'), pki.root.pem);
  });
  afterAll(() => cleanup());

  it('gets a granted token over the SHA-256 of the signature value, which openssl ts verifies', async () => {
    const tsa = await startTestTsa(pki);
    try {
      const signatureValue = randomBytes(256);
      const before = Date.now();
      const result = await requestTimestamp(tsa.url, signatureValue);
      expect(tsa.requests).toBe(1);
      expect(result.tsaName).toContain('CN=VanThu Test TSA');
      expect(result.genTime.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(result.genTime.getTime()).toBeLessThanOrEqual(Date.now());

      writeFileSync(join(dir, 'token.der'), result.token);
      const digest = createHash('sha256').update(signatureValue).digest('hex');
      const verify = (hex: string) =>
        spawnSync('openssl', ['ts', '-verify', '-in', join(dir, 'token.der'), '-token_in', '-digest', hex, '-CAfile', join(dir, 'root.pem')], { encoding: 'utf8' });
      expect(verify(digest).stdout).toMatch(/Verification: OK/);
      // Over another digest openssl refuses it, for the imprint.
      const other = verify(createHash('sha256').update('other').digest('hex'));
      expect(other).toMatchObject({ status: 1, stdout: 'Verification: FAILED\n' });
      expect(other.stderr).toMatch(/message imprint mismatch/);
    } finally {
      await tsa.close();
    }
  });

  it('makes a B-T CMS: the token sits in the unsigned attributes and the CMS still verifies', async () => {
    const tsa = await startTestTsa(pki);
    try {
      const data = Buffer.from('pdf byte ranges');
      const cms = await buildPadesCms(softwareSigner(pki.leader, [pki.root]), createHash('sha256').update(data).digest(), {
        timestamp: async (signatureValue) => (await requestTimestamp(tsa.url, signatureValue)).token,
      });
      writeFileSync(join(dir, 'bt.der'), cms);
      writeFileSync(join(dir, 'bt.data'), data);
      const printed = execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', join(dir, 'bt.der')], { encoding: 'utf8' });
      expect(printed.slice(printed.indexOf('unsignedAttrs:'))).toMatch(/id-smime-aa-timeStampToken \(1\.2\.840\.113549\.1\.9\.16\.2\.14\)/);
      const run = spawnSync('openssl', ['cms', '-verify', '-inform', 'DER', '-in', join(dir, 'bt.der'), '-binary', '-content', join(dir, 'bt.data'), '-CAfile', join(dir, 'root.pem'), '-out', '/dev/null']);
      expect(run.status).toBe(0);
    } finally {
      await tsa.close();
    }
  });

  it.each<[TestTsaFailure, RegExp]>([
    ['http-500', /HTTP 500/],
    ['garbage', /the reply is not one DER TimeStampResp/],
    ['wrong-imprint', /imprint/],
    ['rejection', /refused: status 2 \(policy not accepted\)/],
    ['hang', /no complete reply within 300 ms/],
    ['oversize', /reply exceeds 1048576 bytes/],
  ])('a TSA that answers %s is a SIGNING_FAILED with a Vietnamese message', async (fail, detail) => {
    const tsa = await startTestTsa(pki, { fail });
    try {
      const started = Date.now();
      const error = await expectAppErrorAsync(() => requestTimestamp(tsa.url, randomBytes(64), { timeoutMs: 300 }), 'SIGNING_FAILED', /^Không lấy được dấu thời gian/);
      expect(error.message).toMatch(detail);
      expect(tsa.requests).toBe(1);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await tsa.close();
    }
  });

  it('refuses a token signed by a key other than its certificate', async () => {
    const impostor = { ...pki.tsa, privateKeyPem: pki.stranger.privateKeyPem };
    const tsa = await startTestTsa(pki, { identity: impostor });
    try {
      const error = await expectAppErrorAsync(() => requestTimestamp(tsa.url, randomBytes(64)), 'SIGNING_FAILED');
      expect(error.message).toMatch(/signature value does not verify/);
    } finally {
      await tsa.close();
    }
  });

  it('fails fast when nothing listens, and refuses a URL that is not http(s)', async () => {
    const tsa = await startTestTsa(pki);
    const url = tsa.url;
    await tsa.close();
    const refused = await expectAppErrorAsync(() => requestTimestamp(url, randomBytes(64)), 'SIGNING_FAILED', /không kết nối được/);
    expect(refused.message).toMatch(/ECONNREFUSED/);
    await expectAppErrorAsync(() => requestTimestamp('file:///etc/passwd', randomBytes(64)), 'SIGNING_FAILED', /địa chỉ máy chủ không hợp lệ/);
  });
});
