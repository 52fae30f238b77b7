import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModuleCandidate } from '../../src/main/signing/pkcs11/module-candidates.ts';
import { discoverModules } from '../../src/main/signing/pkcs11/module-probe.ts';
import { ModuleRegistry } from '../../src/main/signing/pkcs11/module-registry.ts';
import type { ModuleReport } from '../../src/main/signing/pkcs11/token-types.ts';
import { createSoftHsm, SOFTHSM_MODULE, type SoftHsm } from '../support/softhsm.ts';
import { createTestPki } from '../support/test-pki.ts';

// What the registry finds joins the listing: the probe (real pkcs11js, real SoftHSM, real files)
// of candidates as registry-modules.ts hands them over on Windows. Run in this thread, without a
// token worker, so no other user of SoftHSM in the process can be finalised under it.
let dir: string;
let hsm: SoftHsm;
let registry: ModuleRegistry;
let reports: ModuleReport[];
const reportOf = (path: string) => reports.find((r) => r.path === path);

// A 32-bit Windows DLL header (see token-modules.test.ts): the probe refuses it before loading.
function dll32(): Uint8Array {
  const bytes = new Uint8Array(0x200);
  const view = new DataView(bytes.buffer);
  bytes.set([0x4d, 0x5a]);
  view.setUint32(0x3c, 0x80, true);
  bytes.set([0x50, 0x45, 0, 0], 0x80);
  view.setUint16(0x84, 0x014c, true);
  return bytes;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vanthu-registry-modules-'));
  writeFileSync(join(dir, 'vnptca_p11_v6.dll'), dll32());
  writeFileSync(join(dir, 'viettel-ca_v6.dll'), dll32());
  hsm = await createSoftHsm(await createTestPki());
  Object.assign(process.env, hsm.env);
  registry = new ModuleRegistry();
  const found: ModuleCandidate[] = [
    { path: join(dir, 'vnptca_p11_v6.dll'), source: 'registry', provider: 'VNPT-CA-CTDT V6-Token CSP' },
    { path: SOFTHSM_MODULE, source: 'registry', provider: 'SoftHSM Token CSP' },
    { path: join(dir, 'gone.dll'), source: 'registry', provider: 'Uninstalled Token CSP' },
    { path: join(dir, 'viettel-ca_v6.dll'), source: 'registry', provider: 'Viettel-CA V6 KSP' },
  ];
  reports = discoverModules([join(dir, 'viettel-ca_v6.dll')], found, registry);
});
afterAll(() => {
  registry?.closeAll();
  hsm?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('modules found through the registry', () => {
  it('are reported with the provider name and the CA of their file name, a failed one too', () => {
    expect(reportOf(join(dir, 'vnptca_p11_v6.dll'))).toMatchObject({
      source: 'registry',
      provider: 'VNPT-CA-CTDT V6-Token CSP',
      owner: { name: 'VNPT-CA', kind: 'ca', grade: 'V' },
      status: 'failed',
      detail: 'pe library for ia32, process is x64',
    });
  });

  it('load like any other, and keep the provider over the same file found by its known path', () => {
    expect(reportOf(SOFTHSM_MODULE)).toEqual({
      path: SOFTHSM_MODULE,
      source: 'registry',
      provider: 'SoftHSM Token CSP',
      status: 'loaded',
      library: { description: 'Implementation of PKCS11', manufacturer: 'SoftHSM', version: '2.6' },
    });
    expect(reports.filter((r) => r.library?.manufacturer === 'SoftHSM')).toHaveLength(1);
  });

  it('are left out when the file is not there (a CSP registered without its PKCS#11 module)', () => {
    expect(reportOf(join(dir, 'gone.dll'))).toBeUndefined();
  });

  it('give way to the same path given by the clerk, which names no CA', () => {
    const report = reportOf(join(dir, 'viettel-ca_v6.dll'));
    expect(report).toMatchObject({ source: 'user', status: 'failed' });
    expect(report && ('owner' in report || 'provider' in report)).toBe(false);
    expect(reports[0]?.path).toBe(join(dir, 'viettel-ca_v6.dll'));
  });
});
