import { describe, expect, it } from 'vitest';
import { moduleOwnerVi, moduleSourceVi } from './token-module-origin.ts';

describe('the words for a module\'s origin', () => {
  it('names a CA as it is, a token maker as shared by several CAs, and nothing as not known', () => {
    expect(moduleOwnerVi({ name: 'VNPT-CA', kind: 'ca', grade: 'V' })).toBe('VNPT-CA');
    expect(moduleOwnerVi({ name: 'Feitian ePass2003', kind: 'middleware', grade: 'I' })).toBe('Feitian ePass2003 (phần mềm của hãng thiết bị, nhiều tổ chức cấp cùng dùng)');
    expect(moduleOwnerVi(null)).toBe('Không rõ tổ chức cấp');
    expect(moduleOwnerVi(undefined)).toBe('Không rõ tổ chức cấp');
  });

  it('says where the module was found, with the provider Windows registered', () => {
    expect(moduleSourceVi('registry', 'VNPT-CA-CTDT V6-Token CSP')).toBe('đăng ký của Windows cho "VNPT-CA-CTDT V6-Token CSP"');
    expect(moduleSourceVi('registry', null)).toBe('đăng ký của Windows');
    expect(moduleSourceVi('user', null)).toBe('đường dẫn do người dùng chỉ định');
  });
});
