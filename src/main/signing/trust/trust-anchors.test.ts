import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, type TestPki } from '../../../../test/support/test-pki.ts';
import { tempDir } from '../../../../test/support/temp-profile.ts';
import { loadTrustAnchors } from './trust-anchors.ts';

describe('loadTrustAnchors', () => {
  let pki: TestPki;
  let dir: string;
  let cleanup = () => {};

  beforeAll(async () => {
    pki = await createTestPki();
    ({ dir, cleanup } = tempDir('vanthu-anchors-'));
  });
  afterAll(() => cleanup());

  it('reads PEM bundles and DER files, skips duplicates and other files, reports bad ones and goes on', () => {
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    mkdirSync(a);
    mkdirSync(b);
    writeFileSync(join(a, 'roots.pem'), `${pki.root.pem}\n${pki.unknownRoot.pem}`);
    writeFileSync(join(a, 'root-again.CER'), pki.root.der);
    writeFileSync(join(a, 'README.txt'), 'not read');
    writeFileSync(join(b, 'tsa.crt'), pki.tsa.der);
    writeFileSync(join(b, 'broken.der'), Buffer.from('garbage'));
    writeFileSync(join(b, 'key.pem'), pki.root.privateKeyPem);
    writeFileSync(join(b, 'huge.cer'), Buffer.alloc(2 * 1024 * 1024));
    mkdirSync(join(b, 'folder.pem'));

    const result = loadTrustAnchors([a, b, join(dir, 'missing')]);
    expect(result.certificates.map((c) => Buffer.from(c))).toEqual([pki.root.der, pki.unknownRoot.der, pki.tsa.der].map((c) => Buffer.from(c)));
    expect(result.problems.map((p) => [p.file, p.detail.split(':')[0]])).toEqual([
      [join(b, 'broken.der'), 'not a certificate'],
      [join(b, 'huge.cer'), 'not a certificate'],
      [join(b, 'key.pem'), 'not a certificate'],
      [join(dir, 'missing'), 'folder not readable'],
    ]);
    expect(result.problems[1]!.detail).toMatch(/limit/);
    expect(result.problems[3]!.detail).toMatch(/ENOENT/);
  });
});
