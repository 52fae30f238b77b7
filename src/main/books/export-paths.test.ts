import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportFileName, resolveExportPath } from './export-paths.ts';

describe('export file names', () => {
  it('names an export by book, year and Vietnam time', () => {
    const name = exportFileName({ kind: 'incoming', year: 2026, format: 'pdf' }, new Date('2026-03-10T02:00:05Z'));
    expect(name).toBe('so-van-ban-den-2026-20260310-090005.pdf');
  });

  it('resolves only plain names of exported books inside the exports folder', () => {
    expect(resolveExportPath('/p/exports', 'so-van-ban-di-2026-20260310-090005.xlsx')).toBe(join('/p/exports', 'so-van-ban-di-2026-20260310-090005.xlsx'));
    for (const bad of ['../vanthu.db', 'a/b.pdf', '..\\x.pdf', '.hidden.pdf', 'tool.exe', 'so.pdf.lnk', 'script.bat']) {
      expect(() => resolveExportPath('/p/exports', bad), bad).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
    }
  });
});
