import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { registryModules } from './registry-modules.ts';

// reg.exe does not run here, so a shell script stands in for it: it answers each key with the
// recorded output of that key (test/fixtures/reg-query), the way reg.exe would, and notes its
// arguments. What is tested is the running: which keys, which flags, a key that is not there,
// a reg.exe that hangs, and not running at all off Windows.
const dir = mkdtempSync(join(tmpdir(), 'vanthu-reg-'));
const fixtures = fileURLToPath(new URL('../../../../test/fixtures/reg-query/', import.meta.url));
const calls = join(dir, 'calls.txt');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function standIn(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\necho "$@" >> '${calls}'\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

const ENV = { SystemRoot: 'C:\\Windows' };

describe('registryModules', () => {
  it('reads the CSPs (both views) and the KSPs with reg query /s /reg:64, and pairs their modules', async () => {
    rmSync(calls, { force: true });
    const reg = standIn(
      'reg-ok',
      `case "$2" in
  *WOW6432Node*) cat '${fixtures}capi-32.txt' ;;
  *Defaults*) cat '${fixtures}capi-64.txt' ;;
  *Providers) cat '${fixtures}cng.txt' ;;
  *) echo 'ERROR: The system was unable to find the specified registry key or value.' >&2; exit 1 ;;
esac`,
    );
    const found = await registryModules({ platform: 'win32', env: ENV, regExe: reg });
    expect(found.map((c) => c.path)).toEqual([
      'C:\\Windows\\System32\\BkavCA.dll',
      'C:\\Program Files (x86)\\Token Vendor\\vendor_p11.dll',
      'C:\\Windows\\system32\\tokenthu.dll',
      'C:\\Windows\\System32\\WDPKCS.dll',
      'C:\\Windows\\System32\\BkavCA.dll',
      'C:\\Windows\\SysWOW64\\BkavCA.dll',
      'C:\\Windows\\System32\\vnpt-ca_csp11.dll',
      'C:\\Windows\\SysWOW64\\vnpt-ca_csp11.dll',
      'C:\\Windows\\System32\\vnptca_p11_v6.dll',
      'C:\\Windows\\SysWOW64\\vnptca_p11_v6.dll',
      'C:\\Windows\\System32\\newca_v4.dll',
      'C:\\Windows\\system32\\viettel-ca_v6.dll',
    ]);
    expect(found.every((c) => c.source === 'registry')).toBe(true);
    expect(readFileSync(calls, 'utf8').trim().split('\n').sort()).toEqual([
      'query HKLM\\SOFTWARE\\Microsoft\\Cryptography\\Defaults\\Provider /s /reg:64',
      'query HKLM\\SOFTWARE\\WOW6432Node\\Microsoft\\Cryptography\\Defaults\\Provider /s /reg:64',
      'query HKLM\\SYSTEM\\CurrentControlSet\\Control\\Cryptography\\Providers /s /reg:64',
    ]);
  });

  it('keeps what the other keys give when one is not there (32-bit Windows has no WOW6432Node)', async () => {
    const reg = standIn('reg-no-wow', `case "$2" in *WOW6432Node*) exit 1 ;; *Defaults*) cat '${fixtures}capi-64.txt' ;; *) exit 1 ;; esac`);
    expect((await registryModules({ platform: 'win32', env: ENV, regExe: reg })).map((c) => c.provider)).toEqual(['Bkav-CA-CTDT Token CSP', 'Thiet Bi Ky So CSP', 'Token CSP Thu Nghiem v2', 'Token Mot Tep CSP']);
  });

  it('gives up on a reg.exe that hangs, at the timeout', async () => {
    const reg = standIn('reg-hangs', 'exec sleep 30');
    const started = Date.now();
    expect(await registryModules({ platform: 'win32', env: ENV, regExe: reg, timeoutMs: 300 })).toEqual([]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('finds nothing when reg.exe cannot be started', async () => {
    expect(await registryModules({ platform: 'win32', env: ENV, regExe: join(dir, 'no-such-reg.exe') })).toEqual([]);
  });

  it('runs nothing off Windows, or without %SystemRoot%', async () => {
    const marker = join(dir, 'ran');
    const reg = standIn('reg-marks', `touch '${marker}'`);
    expect(await registryModules({ platform: 'linux', env: ENV, regExe: reg })).toEqual([]);
    expect(await registryModules({ platform: 'win32', env: {}, regExe: reg })).toEqual([]);
    expect(existsSync(marker)).toBe(false);
  });
});
