import { describe, expect, it } from 'vitest';
import {
  isKnownWindowsModuleName,
  KNOWN_MODULE_NAMES,
  knownModuleName,
  mergeCandidates,
  ownerOf,
  programFilesCandidates,
  VENDOR_FOLDER,
  windowsFoldersOf,
  windowsSystemCandidates,
  WINDOWS_MODULE_NAMES,
} from './module-candidates.ts';

describe('the module name table', () => {
  it('names the CA of the modules the evidence lists (../shared/trust/PKCS11-MODULES.md)', () => {
    const expected: Record<string, [string, string]> = {
      'vnptca_p11_v6.dll': ['VNPT-CA', 'V'],
      'vnpt-ca_csp11.dll': ['VNPT-CA', 'V'],
      'vnptca_p11_v10.dll': ['VNPT-CA', 'I'],
      'viettel-ca_v6.dll': ['Viettel-CA', 'V'],
      'viettel-ca.dll': ['Viettel-CA', 'I'],
      'BkavCA.dll': ['BKAV-CA', 'V'],
      'st3csp11.dll': ['BKAV-CA', 'V'],
      'fptca_v4.dll': ['FPT-CA', 'I'],
      'fpt-ca-stx.dll': ['FPT-CA', 'L'],
      'CA2_csp11.dll': ['CA2 (Nacencomm)', 'I'],
      'nca_v4.dll': ['CA2 (Nacencomm)', 'L'],
      'nca_v9.dll': ['CA2 (Nacencomm)', 'L'],
      'ncca_csp11_v1.dll': ['NC-CA', 'I'],
      'newca_v4.dll': ['NEWTEL-CA', 'I'],
      'Vina-CA.dll': ['SmartSign (Vina-CA)', 'L'],
      'vina-ca_v5.dll': ['SmartSign (Vina-CA)', 'I'],
      'Safe-ca_v2.dll': ['SAFE-CA', 'I'],
      'efy-ca_v1.dll': ['EFY-CA', 'I'],
      'fca_v1.dll': ['FastCA', 'I'],
      'misaca_csp11_v2.dll': ['MISA-CA', 'I'],
      'bit4xpki.dll': ['Ban Cơ yếu Chính phủ (VGCA)', 'I'],
      'eps2003csp11.dll': ['Feitian ePass2003', 'I'],
      'eTPKCS11.dll': ['SafeNet eToken', 'I'],
      'WDPKCS.dll': ['Watchdata', 'I'],
      'IDPrimePKCS1164.dll': ['Thales IDPrime', 'I'],
    };
    for (const [name, [owner, grade]] of Object.entries(expected)) {
      expect(knownModuleName(name), name).toMatchObject({ owner, grade });
    }
    expect(KNOWN_MODULE_NAMES).toHaveLength(70);
  });

  it('keeps the token makers apart from the CAs: their module does not tell which CA issued the certificate', () => {
    const middleware = KNOWN_MODULE_NAMES.filter((m) => m.kind === 'middleware').map((m) => m.name);
    expect(middleware.sort()).toEqual(['eTPKCS11.dll', 'eps2003csp11.dll', 'eps2003csp11v2.dll', 'IDPrimePKCS1164.dll', 'opensc-pkcs11.dll', 'ShuttleCsp11_3003.dll', 'WDPKCS.dll'].sort());
  });

  it('has each name once, ignoring case as Windows does', () => {
    const lower = WINDOWS_MODULE_NAMES.map((n) => n.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
  });

  it('leaves out the names the evidence calls invented or never found, and those whose owner it does not give', () => {
    for (const name of ['vgca_csp11.dll', 'BkavCA_P11.dll', 'vnpt-ca_p11_v10.dll', 'viettel-ca_p11.dll', 'vdctdcsp11.dll', 'U1000AUTO.dll']) {
      expect(isKnownWindowsModuleName(name), name).toBe(false);
    }
  });
});

describe('module candidates', () => {
  it('probes System32 then SysWOW64 under %WINDIR%', () => {
    const paths = windowsSystemCandidates('C:\\Windows');
    expect(paths[0]).toBe('C:\\Windows\\System32\\vnptca_p11_v6.dll');
    expect(paths).toContain('C:\\Windows\\SysWOW64\\eTPKCS11.dll');
    expect(paths).toContain('C:\\Windows\\System32\\bit4xpki.dll');
    expect(paths).toHaveLength(2 * WINDOWS_MODULE_NAMES.length);
    expect(windowsSystemCandidates(undefined)).toEqual([]);
  });

  it('looks for OpenSC where its installer puts it, three levels under Program Files', () => {
    expect(programFilesCandidates(['C:\\Program Files'])).toEqual(['C:\\Program Files\\OpenSC Project\\OpenSC\\pkcs11\\opensc-pkcs11.dll']);
  });

  it('reads the Windows folders from the environment, once each', () => {
    expect(windowsFoldersOf({ SystemRoot: 'D:\\WIN', ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)', ProgramW6432: 'C:\\Program Files' })).toEqual({
      windir: 'D:\\WIN',
      programFiles: ['C:\\Program Files', 'C:\\Program Files (x86)'],
    });
  });

  it('recognises vendor folders and module names without case', () => {
    for (const folder of ['VNPT-CA Plugin', 'Viettel-CA v6', 'SafeNet', 'Bkav Corporation', 'SmartSign', 'NewTel-CA', 'Watchdata']) expect(VENDOR_FOLDER.test(folder), folder).toBe(true);
    expect(VENDOR_FOLDER.test('Microsoft Office')).toBe(false);
    expect(isKnownWindowsModuleName('ETPKCS11.DLL')).toBe(true);
    expect(isKnownWindowsModuleName('BIT4XPKI.dll')).toBe(true);
    expect(isKnownWindowsModuleName('kernel32.dll')).toBe(false);
  });

  it('puts user paths first, then the registry, then known names, each path once (without case on Windows)', () => {
    const found = [
      { path: 'C:\\Windows\\System32\\vnptca_p11_v6.dll', source: 'registry' as const, provider: 'VNPT-CA-CTDT V6-Token CSP' },
      { path: 'C:\\X\\eTPKCS11.dll', source: 'known' as const },
      { path: 'C:\\WINDOWS\\system32\\VNPTCA_P11_V6.dll', source: 'known' as const },
      { path: 'C:\\y.dll', source: 'known' as const },
    ];
    expect(mergeCandidates(['C:\\x\\ETPKCS11.dll', ' '], found, 'win32')).toEqual([
      { path: 'C:\\x\\ETPKCS11.dll', source: 'user' },
      { path: 'C:\\Windows\\System32\\vnptca_p11_v6.dll', source: 'registry', provider: 'VNPT-CA-CTDT V6-Token CSP' },
      { path: 'C:\\y.dll', source: 'known' },
    ]);
    expect(mergeCandidates(['/a/B.so'], [{ path: '/a/b.so', source: 'known' }, { path: '/a/B.so', source: 'known' }], 'linux')).toEqual([
      { path: '/a/B.so', source: 'user' },
      { path: '/a/b.so', source: 'known' },
    ]);
  });
});

describe('whose module it is', () => {
  it('names the CA from the file name of a module found by name or through the registry', () => {
    expect(ownerOf({ path: 'C:\\Windows\\System32\\VNPTCA_P11_V6.DLL', source: 'known' })).toEqual({ name: 'VNPT-CA', kind: 'ca', grade: 'V' });
    expect(ownerOf({ path: 'C:\\Windows\\SysWOW64\\newca_v4.dll', source: 'registry', provider: 'NEWTEL CSP' })).toEqual({ name: 'NEWTEL-CA', kind: 'ca', grade: 'I' });
    expect(ownerOf({ path: 'C:\\Program Files\\OpenSC Project\\OpenSC\\pkcs11\\opensc-pkcs11.dll', source: 'known' })).toEqual({ name: 'OpenSC', kind: 'middleware', grade: 'I' });
  });

  it('names no CA for a path the clerk gave, even at a known name, nor for an unknown name', () => {
    expect(ownerOf({ path: 'D:\\Token\\vnptca_p11_v6.dll', source: 'user' })).toBeUndefined();
    expect(ownerOf({ path: 'C:\\Windows\\System32\\tokenthu.dll', source: 'registry', provider: 'Token CSP' })).toBeUndefined();
    expect(ownerOf({ path: '/usr/lib/softhsm/libsofthsm2.so', source: 'known' })).toBeUndefined();
  });
});
