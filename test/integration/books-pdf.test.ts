import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBook } from '../../src/main/books/export-book.ts';
import { systemFontHost } from '../../src/main/fonts/legal-font.ts';
import { programResources } from '../../src/main/program/resources.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import type { BookKind } from '../../src/shared/api/schemas/books.ts';
import { APPENDIX_IV_TITLES, COVER_TITLES } from '../fixtures/books/appendix-iv.ts';
import { addIncoming, exportData, seedSampleBooks } from '../fixtures/books/seed.ts';
import { expectAppErrorAsync } from '../support/app-error.ts';
import { ROOT } from '../support/cli.ts';
import { fixedClock, newProfile } from '../support/temp-profile.ts';
import { windowsFontsFolder } from '../support/times-fixture.ts';

const KINDS: BookKind[] = ['incoming', 'outgoing', 'followup'];

function tool(command: string, ...args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8' });
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

// Text of one page in content order, whitespace collapsed: wrapped cells read as one line.
function pageText(path: string, page: number): string {
  return collapse(tool('pdftotext', '-raw', '-f', String(page), '-l', String(page), path, '-'));
}

function pageCount(path: string): number {
  return Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', path))?.[1]);
}

// The header as it reads in the PDF: each title followed by its number, "(1)", "(2)", …
function headerSequence(kind: BookKind): string {
  return APPENDIX_IV_TITLES[kind].map((title, i) => `${title} (${i + 1})`).join(' ');
}

describe('register book PDF', () => {
  let profile: Profile;
  let dir: string;
  let cleanup = () => {};

  beforeEach(() => {
    const t = newProfile(fixedClock('2026-03-05T02:00:00Z'));
    profile = t.profile;
    dir = t.dir;
    cleanup = t.cleanup;
  });
  afterEach(() => cleanup());

  async function pdf(kind: BookKind, name: string = kind, extra: { from?: string; to?: string } = {}): Promise<string> {
    const path = join(dir, `${name}.pdf`);
    await exportBook(profile, exportData({ kind, year: 2026, format: 'pdf', ...extra }), path);
    return path;
  }

  it.each(KINDS)('%s book: a valid PDF with embedded subset fonts, the cover and every column', async (kind) => {
    seedSampleBooks(profile);
    const path = await pdf(kind);
    expect(tool('qpdf', '--check', path)).toContain('No syntax or stream encoding errors');

    const fonts = tool('pdffonts', path).trim().split('\n').slice(2);
    expect(fonts).toHaveLength(3);
    for (const line of fonts) {
      const [name, ...cols] = line.split(/\s+/);
      expect(name).toMatch(/^[A-Z]{6}\+LiberationSerif(-Bold|-Italic)?$/);
      // emb, sub, uni: embedded, subset, with a Unicode map (so the text can be searched and copied).
      expect(cols.slice(-5, -2)).toEqual(['yes', 'yes', 'yes']);
    }

    const cover = tool('pdftotext', '-layout', '-f', '1', '-l', '1', path, '-');
    for (const line of ['ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG', 'ỦY BAN NHÂN DÂN XÃ HÒA TIẾN', COVER_TITLES[kind], 'Năm 2026', 'Quyển số: 01']) {
      expect(cover).toContain(line);
    }
    expect(pageText(path, 2)).toContain(headerSequence(kind));
  });

  it('states the dates and numbers the book covers on its cover', async () => {
    seedSampleBooks(profile);
    const incoming = tool('pdftotext', '-layout', '-f', '1', '-l', '1', await pdf('incoming'), '-');
    expect(incoming).toContain('Từ ngày 10/02/2026 đến ngày 05/03/2026');
    expect(incoming).toContain('Từ số 1 đến số 3');
    // Each outgoing series has its own numbers; they are printed with their leading zero.
    const outgoing = tool('pdftotext', '-layout', '-f', '1', '-l', '1', await pdf('outgoing'), '-');
    expect(outgoing).toContain('Sổ văn bản đi: từ số 01 đến số 02');
    expect(outgoing).toContain('Sổ bản sao văn bản: từ số 01 đến số 01');
    // Part of a year: the requested range, and the volume left for the clerk to write in.
    const march = tool('pdftotext', '-layout', '-f', '1', '-l', '1', await pdf('incoming', 'march', { from: '2026-03-01' }), '-');
    expect(march).toContain('Từ ngày 01/03/2026 đến ngày 05/03/2026');
    expect(march).toContain('Từ số 2 đến số 3');
    expect(march).toContain('Quyển số: ……');
  });

  it('prints Vietnamese exactly, NFC, including text stored decomposed', async () => {
    seedSampleBooks(profile);
    // A note typed on a keyboard that sends combining marks (NFD).
    profile.db.prepare('UPDATE documents SET notes = ? WHERE number = 1 AND direction = ?').run('Chuyển gấp Thượng khẩn'.normalize('NFD'), 'incoming');
    const text = pageText(await pdf('incoming'), 2);
    expect(text).toContain('Về việc phòng chống cháy rừng mùa khô tỉnh Đồng Nai');
    expect(text).toContain('Ủy ban nhân dân tỉnh Đồng Nai');
    expect(text).toContain('Hỏa tốc');
    expect(text).toContain('Chuyển gấp Thượng khẩn');
    expect(text).toContain('ĐÃ HỦY: Vào sổ nhầm văn bản của xã khác');
    expect(text.normalize('NFC')).toBe(text);
  });

  it('draws the letters themselves, not only their text layer', async () => {
    seedSampleBooks(profile);
    const path = await pdf('incoming');
    // The cover title, cropped at 72 dpi: blank glyphs (a broken font subset) would leave it white.
    const pgm = execFileSync('pdftoppm', ['-gray', '-r', '72', '-f', '1', '-l', '1', '-x', '200', '-y', '195', '-W', '440', '-H', '60', path]);
    const pixels = pgm.subarray(pgm.length - 440 * 60);
    const dark = pixels.filter((v) => v < 128).length;
    expect(dark).toBeGreaterThan(1000);
  });

  it('grows page by page with the rows, repeating the header and numbering every page', async () => {
    for (let i = 0; i < 5; i++) addIncoming(profile, { arrivalDate: '2026-01-05', documentDate: '2026-01-02' });
    const small = await pdf('incoming', 'small');
    for (let i = 0; i < 95; i++) addIncoming(profile, { arrivalDate: '2026-01-06', documentDate: '2026-01-02' });
    const large = await pdf('incoming', 'large');
    expect(pageCount(small)).toBe(2);
    const pages = pageCount(large);
    // The cover, then the 100 rows over seven pages.
    expect(pages).toBe(8);
    for (let page = 2; page <= pages; page++) {
      const text = pageText(large, page);
      expect(text).toContain(headerSequence('incoming'));
      expect(text).toContain(`Trang ${page}/${pages}`);
      expect(text).toContain('In ngày 05/03/2026 lúc 09:00');
    }
    const all = Array.from({ length: pages - 1 }, (_, i) => pageText(large, i + 2)).join(' ');
    expect(all).toContain('Về việc kiểm tra công tác văn thư');
    expect(all.match(/\b\d{3}\/QĐ-UBND\b/g)).toHaveLength(100);
  });

  it('carries a row taller than a page on to the next page without losing text', async () => {
    const words = Array.from({ length: 500 }, (_, i) => `ghi${i}`).join(' ');
    addIncoming(profile, { arrivalDate: '2026-01-05', documentDate: '2026-01-02', notes: `${words} HẾT` });
    const path = await pdf('incoming', 'tall');
    const pages = pageCount(path);
    // The cover, then the one row's 500-word note over seven pages.
    expect(pages).toBe(8);
    const all = Array.from({ length: pages - 1 }, (_, i) => pageText(path, i + 2)).join(' ');
    // Every word of the note, in order, across the pages (headers and footers fall in between).
    expect(all.match(/ghi\d+|HẾT/g)).toEqual([...words.split(' '), 'HẾT']);
    // The other cells are printed once, on the row's first page.
    expect(all.match(/\d+\/QĐ-UBND/g)).toHaveLength(1);
  });

  it('prints an empty book as its cover and table header', async () => {
    const path = await pdf('outgoing');
    expect(pageCount(path)).toBe(2);
    expect(pageText(path, 2)).toContain(headerSequence('outgoing'));
    expect(tool('pdftotext', '-layout', '-f', '1', '-l', '1', path, '-')).toContain('Từ ngày 01/01/2026 đến ngày 31/12/2026');
  });

  it('fails with a clear message, and writes nothing, when its fonts are missing', async () => {
    seedSampleBooks(profile);
    const path = join(dir, 'nofonts.pdf');
    const input = exportData({ kind: 'incoming', year: 2026, format: 'pdf' });
    await expectAppErrorAsync(() => exportBook(profile, input, path, { fontsDir: join(dir, 'no-fonts') }), 'FILE_MISSING', /phông chữ/);
    expect(existsSync(path)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('is set in the Times New Roman chosen from a Windows fonts folder, with the same cover and columns', async () => {
    seedSampleBooks(profile);
    const path = join(dir, 'times.pdf');
    const windir = join(dir, 'Windows');
    windowsFontsFolder(windir);
    const { fonts: fontsDir } = programResources(join(ROOT, 'resources'), { ...systemFontHost, platform: 'win32', env: { WINDIR: windir } });
    await exportBook(profile, exportData({ kind: 'incoming', year: 2026, format: 'pdf' }), path, { fontsDir });
    expect(tool('qpdf', '--check', path)).toContain('No syntax or stream encoding errors');
    const fonts = tool('pdffonts', path).trim().split('\n').slice(2);
    expect(fonts.map((line) => line.split(/\s+/)[0]?.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['TimesNewRomanPS-BoldMT', 'TimesNewRomanPS-ItalicMT', 'TimesNewRomanPSMT']);
    const cover = tool('pdftotext', '-layout', '-f', '1', '-l', '1', path, '-');
    for (const line of ['ỦY BAN NHÂN DÂN XÃ HÒA TIẾN', COVER_TITLES.incoming, 'Năm 2026', 'Từ số 1 đến số 3']) expect(cover).toContain(line);
    expect(pageText(path, 2)).toContain(headerSequence('incoming'));
  });
});
