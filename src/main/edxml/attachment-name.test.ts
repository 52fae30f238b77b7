import { describe, expect, it } from 'vitest';
import { displayName, safeExtension, unsafeNameReason } from './attachment-name.ts';

describe('attachment names', () => {
  it.each([
    ['../../etc/passwd'],
    ['..'],
    ['bao..cao.pdf'],
    ['thu-muc/van-ban.pdf'],
    ['thu-muc\\van-ban.pdf'],
    ['C:van-ban.pdf'],
    ['van-ban.pdf:luong-an'],
    ['CON'],
    ['con.pdf'],
    ['NUL.tar.gz'],
    ['Aux'],
    ['COM1.docx'],
    ['lpt9'],
    ['PRN .pdf'],
    ['van-ban.pdf.'],
    ['van-ban.pdf '],
    ['van\u0000ban.pdf'],
    ['van\nban.pdf'],
    ['van\u009bban.pdf'],
    ['a'.repeat(256)],
  ])('refuses %j', (name) => {
    expect(unsafeNameReason(name)).not.toBeNull();
  });

  it.each([['Công văn 12-UBND.pdf'], ['1896_QD-TTg_m_294779.doc'], ['CONG-VAN.pdf'], ['console.log'], ['COM10.txt'], ['']])('accepts %j', (name) => {
    expect(unsafeNameReason(name)).toBeNull();
  });

  it('shows names in NFC without characters Windows forbids', () => {
    expect(displayName('Co\u0301ng van <1>?.pdf')).toBe('Cóng van _1__.pdf');
  });

  it('reuses only short alphanumeric extensions', () => {
    expect(safeExtension('Quyết định.PDF')).toBe('.pdf');
    expect(safeExtension('noextension')).toBe('');
    expect(safeExtension('x.p$f')).toBe('');
  });
});
