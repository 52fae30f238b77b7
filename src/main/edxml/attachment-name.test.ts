import { describe, expect, it } from 'vitest';
import { displayName, safeExtension, unsafeNameReason } from './attachment-name.ts';

describe('attachment names', () => {
  const reserved = 'Windows reserved device name';
  it.each([
    ['../../etc/passwd', 'path separator'],
    ['..', "'..'"],
    ['bao..cao.pdf', "'..'"],
    ['thu-muc/van-ban.pdf', 'path separator'],
    ['thu-muc\\van-ban.pdf', 'path separator'],
    ['C:van-ban.pdf', 'drive letter'],
    ['van-ban.pdf:luong-an', "':' (alternate data stream)"],
    ['CON', reserved],
    ['con.pdf', reserved],
    ['NUL.tar.gz', reserved],
    ['Aux', reserved],
    ['COM1.docx', reserved],
    ['lpt9', reserved],
    ['PRN .pdf', reserved],
    ['van-ban.pdf.', 'trailing dot or space'],
    ['van-ban.pdf ', 'trailing dot or space'],
    ['van\u0000ban.pdf', 'control character'],
    ['van\nban.pdf', 'control character'],
    ['van\u009bban.pdf', 'control character'],
    ['a'.repeat(256), 'longer than 255 characters'],
  ])('refuses %j (%s)', (name, reason) => {
    expect(unsafeNameReason(name)).toBe(reason);
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
