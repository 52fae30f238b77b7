import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTokenClient, type TokenClient } from '../../src/main/signing/pkcs11/token-client.ts';
import type { ModuleReport } from '../../src/main/signing/pkcs11/token-types.ts';
import { createSoftHsm, SOFTHSM_MODULE, type SoftHsm } from '../support/softhsm.ts';
import { createTestPki } from '../support/test-pki.ts';

// Module discovery and the probe (load, C_Initialize, C_GetInfo, C_Finalize) with real files:
// SoftHSM and OpenSC as installed, and files that are not usable modules for different reasons.
let dir: string;
let hsm: SoftHsm;
let client: TokenClient;

// A 32-bit Windows DLL as far as any loader can tell: MZ header, e_lfanew, "PE\0\0", and the
// COFF Machine field IMAGE_FILE_MACHINE_I386.
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
  dir = mkdtempSync(join(tmpdir(), 'vanthu-modules-'));
  writeFileSync(join(dir, 'notes.so'), 'these are notes, not a library');
  writeFileSync(join(dir, 'viettel-ca_v6.dll'), dll32());
  hsm = await createSoftHsm(await createTestPki());
  client = startTokenClient({ env: hsm.env });
});
afterAll(async () => {
  await client?.close();
  hsm?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('listModules', () => {
  let reports: ModuleReport[];
  const reportOf = (path: string) => reports.find((r) => r.path === path);

  beforeAll(async () => {
    reports = await client.listModules([join(dir, 'missing.so'), join(dir, 'notes.so'), join(dir, 'viettel-ca_v6.dll'), '/usr/lib/x86_64-linux-gnu/libc.so.6']);
  });

  it('loads SoftHSM from the known Linux paths and reads its library info, once for its two paths', () => {
    expect(reportOf(SOFTHSM_MODULE)).toEqual({
      path: SOFTHSM_MODULE,
      source: 'known',
      status: 'loaded',
      library: { description: 'Implementation of PKCS11', manufacturer: 'SoftHSM', version: '2.6' },
    });
    // /usr/lib/softhsm/libsofthsm2.so links to the multiarch file: the same module.
    expect(reportOf('/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so')).toBeUndefined();
  });

  it('finds OpenSC where Debian installs it', () => {
    if (!existsSync('/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so')) {
      console.log('skipped: OpenSC is not installed on this machine');
      return;
    }
    expect(reportOf('/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so')).toMatchObject({ status: 'loaded', library: { manufacturer: 'OpenSC Project' } });
  });

  it('reports a user path that does not exist as missing', () => {
    expect(reportOf(join(dir, 'missing.so'))).toMatchObject({ source: 'user', status: 'missing', reasonVi: 'Không tìm thấy tệp thư viện ở đường dẫn này.' });
  });

  it('reports a file that is not a library with the loader reason', () => {
    const report = reportOf(join(dir, 'notes.so'));
    expect(report).toMatchObject({ source: 'user', status: 'failed' });
    expect(report?.reasonVi).toMatch(/không phải là thư viện nạp được/);
    expect(report?.detail).toMatch(/notes\.so/);
  });

  it('reports a 32-bit DLL as the wrong architecture without trying to load it', () => {
    const report = reportOf(join(dir, 'viettel-ca_v6.dll'));
    expect(report).toMatchObject({ source: 'user', status: 'failed', detail: 'pe library for ia32, process is x64' });
    expect(report?.reasonVi).toMatch(/^DLL 32-bit trong ứng dụng 64-bit/);
    // A path the clerk gave names no CA, even at a name the table knows.
    expect(report && 'owner' in report).toBe(false);
  });

  it('reports a library without C_GetFunctionList as not a PKCS#11 module', () => {
    const report = reportOf('/usr/lib/x86_64-linux-gnu/libc.so.6');
    expect(report).toMatchObject({ status: 'failed' });
    expect(report?.reasonVi).toMatch(/không phải thư viện PKCS#11/);
  });

  it('lists user paths first, in the order given', () => {
    expect(reports.slice(0, 4).map((r) => r.source)).toEqual(['user', 'user', 'user', 'user']);
  });

  it('reports a module the worker holds open (a session) as loaded, without finalising it', async () => {
    const token = hsm.tokens[0];
    if (!token) throw new Error('no token');
    const session = await client.openSession({ modulePath: hsm.modulePath, tokenSerial: token.serial, pin: token.pin });
    try {
      const again = await client.listModules([]);
      expect(again.find((r) => r.path === SOFTHSM_MODULE)?.status).toBe('loaded');
      const signature = await session.signer('01').sign(new Uint8Array([1, 2, 3]));
      expect(signature.length).toBe(256);
    } finally {
      await session.close();
    }
  });
});
