import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPadesCms } from '../../src/main/signing/cms/build-cms.ts';
import { softwareSigner } from '../support/software-signer.ts';
import { createTestPki, type TestIdentity, type TestPki } from '../support/test-pki.ts';
import { tempDir } from '../support/temp-profile.ts';

// The CMS we build, read and checked by OpenSSL: an independent parser and verifier.
describe('PAdES CMS checked by openssl cms', () => {
  let pki: TestPki;
  let dir: string;
  let cleanup = () => {};
  const data = Buffer.from('%PDF-1.7 the byte ranges of a document, hashed by the PDF signer\n');

  beforeAll(async () => {
    pki = await createTestPki();
    ({ dir, cleanup } = tempDir('vanthu-cms-'));
    writeFileSync(join(dir, 'root.pem'), pki.root.pem);
    writeFileSync(join(dir, 'data'), data);
  });
  afterAll(() => cleanup());

  async function cmsFile(identity: TestIdentity, name: string, over = data): Promise<string> {
    const cms = await buildPadesCms(softwareSigner(identity, [pki.root]), createHash('sha256').update(over).digest());
    const path = join(dir, `${name}.der`);
    writeFileSync(path, cms);
    return path;
  }

  function opensslVerify(cmsPath: string, contentPath: string): { ok: boolean; stderr: string } {
    const run = spawnSync('openssl', ['cms', '-verify', '-inform', 'DER', '-in', cmsPath, '-binary', '-content', contentPath, '-CAfile', join(dir, 'root.pem'), '-out', '/dev/null'], { encoding: 'utf8' });
    return { ok: run.status === 0, stderr: run.stderr };
  }

  function printed(cmsPath: string): string {
    return execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', cmsPath], { encoding: 'utf8' });
  }

  it.each([
    ['RSA', 'leader'],
    ['EC', 'ecLeader'],
  ] as const)('%s: signed attributes are contentType, messageDigest and signing-certificate-v2, no signingTime', async (_kind, who) => {
    const text = printed(await cmsFile(pki[who], `attrs-${who}`));
    const signedAttrs = text.slice(text.indexOf('signedAttrs:'), text.indexOf('unsignedAttrs:'));
    const objects = [...signedAttrs.matchAll(/object: (\S+) \(([\d.]+)\)/g)].map((m) => m[2]);
    expect(objects.sort()).toEqual(['1.2.840.113549.1.9.16.2.47', '1.2.840.113549.1.9.3', '1.2.840.113549.1.9.4'].sort());
    expect(text).not.toMatch(/signingTime/);
    expect(text).toMatch(/eContent: <ABSENT>/);
    expect(text).toMatch(/d\.issuerAndSerialNumber/);
    expect(text).toMatch(/signedData: \n\s+version: 1\n/);
    expect(text).toMatch(/unsignedAttrs:\n\s+<ABSENT>/);
    expect(text).toContain(who === 'leader' ? 'rsaEncryption (1.2.840.113549.1.1.1)' : 'ecdsa-with-SHA256 (1.2.840.10045.4.3.2)');
  });

  it.each([
    ['RSA', 'leader'],
    ['EC', 'ecLeader'],
  ] as const)('%s: verifies over the content whose SHA-256 was signed, and fails when one byte changes', async (_kind, who) => {
    const cmsPath = await cmsFile(pki[who], `verify-${who}`);
    expect(opensslVerify(cmsPath, join(dir, 'data'))).toEqual({ ok: true, stderr: expect.stringMatching(/Verification successful/) });

    const changed = Buffer.from(data);
    changed[5] = changed[5]! ^ 0x01;
    writeFileSync(join(dir, `changed-${who}`), changed);
    const failed = opensslVerify(cmsPath, join(dir, `changed-${who}`));
    expect(failed.ok).toBe(false);
    expect(failed.stderr).toMatch(/content verify error/);
  });

  it('carries the chain so a verifier that trusts only the root can build the path', async () => {
    const text = printed(await cmsFile(pki.agency, 'chain'));
    expect(text.match(/d\.certificate:/g)).toHaveLength(2);
    expect(text).toContain('subject: CN=VanThu Test Root CA');
  });
});
