import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { moduleOfImage, parseRegQuery, registeredProviders, registryCandidates, type RegistryView } from './registry-providers.ts';

// Recorded `reg query … /s` outputs (test/fixtures/reg-query/README.md says which parts are
// VNPT's installer and which are made up).
const fixture = (name: string) => readFileSync(new URL(`../../../../test/fixtures/reg-query/${name}`, import.meta.url), 'latin1');
const ENV = { SystemRoot: 'C:\\Windows', windir: 'C:\\Windows' };
const view64: RegistryView = { windir: 'C:\\Windows', env: ENV, bits: 64 };
const view32: RegistryView = { windir: 'C:\\Windows', env: ENV, bits: 32 };

describe('parseRegQuery', () => {
  it('reads the recorded outputs with their CRLF line ends', () => {
    for (const name of ['capi-64.txt', 'capi-32.txt', 'cng.txt']) expect(fixture(name), name).toMatch(/\r\n/);
    const keys = parseRegQuery(fixture('capi-64.txt'));
    expect(keys).toHaveLength(15);
    const bkav = keys.find((k) => k.path.endsWith('\\Bkav-CA-CTDT Token CSP'));
    expect(bkav?.path).toBe('HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Cryptography\\Defaults\\Provider\\Bkav-CA-CTDT Token CSP');
    expect(bkav?.values.map((v) => [v.name, v.type])).toEqual([
      ['Image Path', 'REG_SZ'],
      ['Signature', 'REG_BINARY'],
      ['Type', 'REG_DWORD'],
    ]);
    // No CR left at the end of a value.
    expect(bkav?.values[0]?.data).toBe('%SystemRoot%\\System32\\BkavCA_s.dll');
    expect(bkav?.values[2]?.data).toBe('0x1');
  });

  it('keeps keys without values, and values with empty data', () => {
    const keys = parseRegQuery('\r\nHKEY_LOCAL_MACHINE\\A\r\n\r\nHKEY_LOCAL_MACHINE\\A\\B\r\n    Empty    REG_SZ    \r\n    (Default)    REG_SZ    x y\r\n\r\n');
    expect(keys).toEqual([
      { path: 'HKEY_LOCAL_MACHINE\\A', values: [] },
      { path: 'HKEY_LOCAL_MACHINE\\A\\B', values: [{ name: 'Empty', type: 'REG_SZ', data: '' }, { name: '(Default)', type: 'REG_SZ', data: 'x y' }] },
    ]);
  });

  it('skips what is not a key or a value (an error, the end-of-search line)', () => {
    expect(parseRegQuery('ERROR: The system was unable to find the specified registry key or value.\r\n')).toEqual([]);
    expect(parseRegQuery('\r\nHKEY_LOCAL_MACHINE\\A\r\n    Image    REG_SZ    a.dll\r\n\r\nEnd of search: 1 match(es) found.\r\n')[0]?.values).toHaveLength(1);
  });
});

describe('registeredProviders', () => {
  it('lists the CSPs that are not Windows\' own, with their image, a name with spaces included', () => {
    expect(registeredProviders(parseRegQuery(fixture('capi-64.txt')))).toEqual([
      { name: 'Bkav-CA-CTDT Token CSP', kind: 'csp', image: '%SystemRoot%\\System32\\BkavCA_s.dll' },
      { name: 'Example Smart Card CSP', kind: 'csp', image: 'excsp.dll' },
      { name: 'Thiet Bi Ky So CSP', kind: 'csp', image: '"C:\\Program Files (x86)\\Token Vendor\\vendor_p11_s.dll"' },
      { name: 'Token CSP Thu Nghiem v2', kind: 'csp', image: '%SystemRoot%\\system32\\tokenthu_s.dll' },
      { name: 'Token Mot Tep CSP', kind: 'csp', image: 'C:\\Windows\\System32\\WDPKCS.dll' },
    ]);
  });

  it('lists the KSPs, their Image under UM or under one of its interfaces, and none of Microsoft\'s', () => {
    expect(registeredProviders(parseRegQuery(fixture('cng.txt')))).toEqual([
      { name: 'Token KSP Mot Tang', kind: 'ksp', image: 'newca_v4_s.dll' },
      { name: 'Viettel-CA V6 KSP', kind: 'ksp', image: '%SystemRoot%\\system32\\viettel-ca_v6_s.dll' },
    ]);
    // Microsoft's own have images too: it is the name that leaves them out.
    const all = parseRegQuery(fixture('cng.txt')).filter((k) => k.values.some((v) => v.name === 'Image'));
    expect(all.filter((k) => k.path.includes('\\Microsoft '))).toHaveLength(6);
  });
});

describe('moduleOfImage', () => {
  it('pairs a CSP shell X_s.dll with the module X.dll beside it, expanding %SystemRoot% in REG_SZ and REG_EXPAND_SZ alike', () => {
    expect(moduleOfImage('%SystemRoot%\\System32\\vnptca_p11_v6_s.dll', view64)).toEqual(['C:\\Windows\\System32\\vnptca_p11_v6.dll']);
    expect(moduleOfImage('%SYSTEMROOT%\\system32\\BKAVCA_S.DLL', view64)).toEqual(['C:\\Windows\\system32\\BKAVCA.dll']);
  });

  it('finds a bare file name in System32, and strips quotes', () => {
    expect(moduleOfImage('newca_v4_s.dll', view64)).toEqual(['C:\\Windows\\System32\\newca_v4.dll']);
    expect(moduleOfImage('"C:\\Program Files\\V\\a_s.dll"', view64)).toEqual(['C:\\Program Files\\V\\a.dll']);
  });

  it('takes an image that is itself a known module, and no other image without the _s pairing', () => {
    expect(moduleOfImage('C:\\Windows\\System32\\WDPKCS.dll', view64)).toEqual(['C:\\Windows\\System32\\WDPKCS.dll']);
    expect(moduleOfImage('excsp.dll', view64)).toEqual([]);
    expect(moduleOfImage('rsaenh.dll', view64)).toEqual([]);
  });

  it('reads a 32-bit registration\'s System32 as SysWOW64, after the 64-bit twin in System32', () => {
    expect(moduleOfImage('%SystemRoot%\\System32\\vnptca_p11_v6_s.dll', view32)).toEqual(['C:\\Windows\\System32\\vnptca_p11_v6.dll', 'C:\\Windows\\SysWOW64\\vnptca_p11_v6.dll']);
    expect(moduleOfImage('C:\\Program Files (x86)\\V\\a_s.dll', view32)).toEqual(['C:\\Program Files (x86)\\V\\a.dll']);
  });

  it('leaves a variable it does not know as it is (the file is then not found)', () => {
    expect(moduleOfImage('%TOKENDIR%\\t_s.dll', view64)).toEqual(['C:\\Windows\\System32\\%TOKENDIR%\\t.dll']);
  });
});

describe('registryCandidates', () => {
  it('turns the 64-bit CSPs into candidates that name their provider', () => {
    expect(registryCandidates(fixture('capi-64.txt'), view64)).toEqual([
      { path: 'C:\\Windows\\System32\\BkavCA.dll', source: 'registry', provider: 'Bkav-CA-CTDT Token CSP' },
      { path: 'C:\\Program Files (x86)\\Token Vendor\\vendor_p11.dll', source: 'registry', provider: 'Thiet Bi Ky So CSP' },
      { path: 'C:\\Windows\\system32\\tokenthu.dll', source: 'registry', provider: 'Token CSP Thu Nghiem v2' },
      { path: 'C:\\Windows\\System32\\WDPKCS.dll', source: 'registry', provider: 'Token Mot Tep CSP' },
    ]);
  });

  it('finds VNPT\'s modules from the registrations its 32-bit installer writes', () => {
    expect(registryCandidates(fixture('capi-32.txt'), view32).filter((c) => c.provider?.startsWith('VNPT'))).toEqual([
      { path: 'C:\\Windows\\System32\\vnpt-ca_csp11.dll', source: 'registry', provider: 'VNPT-CA-CTDT PKI-Token CSP' },
      { path: 'C:\\Windows\\SysWOW64\\vnpt-ca_csp11.dll', source: 'registry', provider: 'VNPT-CA-CTDT PKI-Token CSP' },
      { path: 'C:\\Windows\\System32\\vnptca_p11_v6.dll', source: 'registry', provider: 'VNPT-CA-CTDT V6-Token CSP' },
      { path: 'C:\\Windows\\SysWOW64\\vnptca_p11_v6.dll', source: 'registry', provider: 'VNPT-CA-CTDT V6-Token CSP' },
    ]);
  });

  it('turns the KSPs into candidates', () => {
    expect(registryCandidates(fixture('cng.txt'), view64).map((c) => c.path)).toEqual(['C:\\Windows\\System32\\newca_v4.dll', 'C:\\Windows\\system32\\viettel-ca_v6.dll']);
  });
});
