import { describe, expect, it } from 'vitest';
import { isKnownWindowsModuleName, mergeCandidates, VENDOR_FOLDER, windowsFoldersOf, windowsSystemCandidates, WINDOWS_MODULE_NAMES } from './module-candidates.ts';

describe('module candidates', () => {
  it('lists every DLL from signing.md, VNPT v6 to v10 and Viettel v1 to v6 included', () => {
    for (const name of ['vnpt-ca_csp11.dll', 'VNPT-CA_v34.dll', 'vnptca_p11_v6.dll', 'vnptca_p11_v10.dll', 'viettel-ca.dll', 'viettel-ca_v6.dll', 'BkavCA.dll', 'BkavCAv2S.dll', 'fpt-ca.dll', 'fptca_v3.dll', 'CA2_csp11.dll', 'ShuttleCsp11_3003.dll', 'eps2003csp11.dll', 'eps2003csp11v2.dll', 'eTPKCS11.dll']) {
      expect(WINDOWS_MODULE_NAMES).toContain(name);
    }
    expect(WINDOWS_MODULE_NAMES).toHaveLength(23);
  });

  it('probes System32 then SysWOW64 under %WINDIR%', () => {
    const paths = windowsSystemCandidates('C:\\Windows');
    expect(paths[0]).toBe('C:\\Windows\\System32\\vnpt-ca_csp11.dll');
    expect(paths).toContain('C:\\Windows\\SysWOW64\\eTPKCS11.dll');
    expect(paths).toHaveLength(2 * WINDOWS_MODULE_NAMES.length);
    expect(windowsSystemCandidates(undefined)).toEqual([]);
  });

  it('reads the Windows folders from the environment, once each', () => {
    expect(windowsFoldersOf({ SystemRoot: 'D:\\WIN', ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)', ProgramW6432: 'C:\\Program Files' })).toEqual({
      windir: 'D:\\WIN',
      programFiles: ['C:\\Program Files', 'C:\\Program Files (x86)'],
    });
  });

  it('recognises vendor folders and module names without case', () => {
    expect(VENDOR_FOLDER.test('VNPT-CA Plugin')).toBe(true);
    expect(VENDOR_FOLDER.test('Viettel-CA v6')).toBe(true);
    expect(VENDOR_FOLDER.test('SafeNet')).toBe(true);
    expect(VENDOR_FOLDER.test('Microsoft Office')).toBe(false);
    expect(isKnownWindowsModuleName('ETPKCS11.DLL')).toBe(true);
    expect(isKnownWindowsModuleName('kernel32.dll')).toBe(false);
  });

  it('puts user paths first and keeps each path once (without case on Windows)', () => {
    expect(mergeCandidates(['C:\\x\\ETPKCS11.dll', ' '], ['C:\\X\\eTPKCS11.dll', 'C:\\y.dll'], 'win32')).toEqual([
      { path: 'C:\\x\\ETPKCS11.dll', source: 'user' },
      { path: 'C:\\y.dll', source: 'known' },
    ]);
    expect(mergeCandidates(['/a/B.so'], ['/a/b.so', '/a/B.so'], 'linux')).toEqual([
      { path: '/a/B.so', source: 'user' },
      { path: '/a/b.so', source: 'known' },
    ]);
  });
});
