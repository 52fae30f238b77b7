import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleOptions } from '../../scripts/build-electron.ts';
import { BUNDLE_FILES, bundlePaths } from '../../src/main/app/bundle-layout.ts';
import { startTokenClient } from '../../src/main/signing/pkcs11/token-client.ts';
import { CERT_IDS, createSoftHsm, type SoftHsm, type SoftHsmToken } from '../support/softhsm.ts';
import { createTestPki } from '../support/test-pki.ts';

// The token worker as the app ships it: built by the build script's own options into a temp
// folder (next to a node_modules link, as in the packaged app), then driven against SoftHSM.
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let out: string;
let hsm: SoftHsm;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'vanthu-token-bundle-'));
  symlinkSync(join(ROOT, 'node_modules'), join(out, 'node_modules'), 'junction');
  await build(bundleOptions(out).tokenWorker);
  hsm = await createSoftHsm(await createTestPki());
}, 120_000);
afterAll(() => {
  hsm?.cleanup();
  rmSync(out, { recursive: true, force: true });
});

describe('bundled token worker', () => {
  it('is CommonJS and loads only pkcs11js and Node built-ins at run time', () => {
    const code = readFileSync(join(out, BUNDLE_FILES.tokenWorker), 'utf8');
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const required = [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1] as string))].filter((s) => !builtins.has(s));
    expect(required).toEqual(['pkcs11js']);
    expect(code).not.toMatch(/^import\s/m);
  });

  it('lists and signs where bundlePaths() says it is', async () => {
    const workerUrl = bundlePaths(pathToFileURL(join(out, BUNDLE_FILES.main)).href).tokenWorker;
    const client = startTokenClient({ workerUrl, env: hsm.env });
    try {
      const token = hsm.tokens[0] as SoftHsmToken;
      const listed = await client.listTokens(hsm.modulePath);
      expect(listed.find((t) => t.serialNumber === token.serial)?.certificates).toHaveLength(2);
      const session = await client.openSession({ modulePath: hsm.modulePath, tokenSerial: token.serial, pin: token.pin });
      expect((await session.signer(CERT_IDS.rsa).sign(new Uint8Array([1]))).length).toBe(256);
      await session.close();
    } finally {
      await client.close();
    }
  });
});
