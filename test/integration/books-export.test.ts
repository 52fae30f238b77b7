import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import readExcelFile from 'read-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ExportData, exportBook } from '../../src/main/books/export-book.ts';
import { openStreamedFile, writeWholeFile } from '../../src/main/books/output-file.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import type { BookKind } from '../../src/shared/api/schemas/books.ts';
import { APPENDIX_IV_TITLES } from '../fixtures/books/appendix-iv.ts';
import { exportData, seedSampleBooks } from '../fixtures/books/seed.ts';
import { expectAppError, expectAppErrorAsync } from '../support/app-error.ts';
import { fixedClock, newProfile } from '../support/temp-profile.ts';

const KINDS: BookKind[] = ['incoming', 'outgoing', 'followup'];

interface JsonBook {
  metadata: {
    kind: string;
    year: number;
    from: string;
    to: string;
    exportedAt: string;
    rowCount: number;
    agency: { name: string; parentName: string | null };
    columns: Array<{ number: number; key: string; title: string }>;
    registers: Array<{ seriesName: string; firstNumber: number; lastNumber: number }>;
  };
  rows: Array<Record<string, string | number | null>>;
}

describe('register book export: columns, rows and formats', () => {
  let profile: Profile;
  let dir: string;
  let clock: ReturnType<typeof fixedClock>;
  let cleanup = () => {};

  beforeEach(() => {
    clock = fixedClock('2026-03-05T02:00:00Z');
    const t = newProfile(clock);
    profile = t.profile;
    dir = t.dir;
    cleanup = t.cleanup;
  });
  afterEach(() => cleanup());

  async function exported(kind: BookKind, format: 'json' | 'csv' | 'xlsx', extra: { from?: string; to?: string; seriesId?: number } = {}) {
    const path = join(dir, `${kind}-${format}-${extra.from ?? 'all'}.${format}`);
    const result = await exportBook(profile, exportData({ kind, year: 2026, format, ...extra }), path);
    return { path, result };
  }

  async function jsonBook(kind: BookKind, extra: { from?: string; to?: string; seriesId?: number } = {}): Promise<JsonBook> {
    const { path } = await exported(kind, 'json', extra);
    return JSON.parse(readFileSync(path, 'utf8')) as JsonBook;
  }

  it.each(KINDS)('%s book: every Appendix IV column title, numbered and in order, in JSON, CSV and XLSX', async (kind) => {
    seedSampleBooks(profile);
    const titles = [...APPENDIX_IV_TITLES[kind]];
    const json = await jsonBook(kind);
    expect(json.metadata.columns.map((c) => c.title)).toEqual(titles);
    expect(json.metadata.columns.map((c) => c.number)).toEqual(titles.map((_, i) => i + 1));

    const csv = readFileSync((await exported(kind, 'csv')).path, 'utf8');
    expect(parse(csv, { bom: true })[0]).toEqual(titles);

    const sheets = await readExcelFile(readFileSync((await exported(kind, 'xlsx')).path));
    expect(sheets[0]?.data[0]).toEqual(titles);
  });

  it('maps the incoming book row by row: dates dd/MM/yyyy, "số/ký hiệu", type on its own line, urgency and notes', async () => {
    const s = seedSampleBooks(profile);
    const csv = parse(readFileSync((await exported('incoming', 'csv')).path, 'utf8'), { bom: true }) as string[][];
    expect(csv[1]).toEqual([
      '10/02/2026',
      '1',
      'Ủy ban nhân dân tỉnh Đồng Nai',
      '15/QĐ-UBND',
      '05/02/2026',
      'Quyết định\nVề việc phòng chống cháy rừng mùa khô tỉnh Đồng Nai',
      'Văn phòng',
      '',
      '',
      'Hỏa tốc\nTrình Chủ tịch',
    ]);
    expect(csv).toHaveLength(4);
    expect(s.fire.number).toBe(1);
  });

  it('keeps a voided row in its place with "ĐÃ HỦY: <reason>" in Ghi chú', async () => {
    seedSampleBooks(profile);
    const incoming = await jsonBook('incoming');
    expect(incoming.rows.map((r) => r.arrivalNumber)).toEqual([1, 2, 3]);
    expect(incoming.rows[2]?.notes).toBe('ĐÃ HỦY: Vào sổ nhầm văn bản của xã khác');
    const outgoing = await jsonBook('outgoing');
    const voided = outgoing.rows.find((r) => r.numberAndNotation === '02/UBND-VP');
    expect(voided?.notes).toBe('ĐÃ HỦY: Ghi sai trích yếu\nKhẩn');
  });

  it('writes the follow-up book from the handling of incoming documents', async () => {
    seedSampleBooks(profile);
    const book = await jsonBook('followup');
    expect(book.rows[1]).toEqual({
      arrivalNumber: 2,
      identification: 'Công văn số 07/SNV-VP ngày 27/02/2026 của Sở Nội vụ tỉnh Đồng Nai',
      handler: 'Văn phòng',
      dueDate: '2026-03-20',
      progress: 'Đang xử lý',
      replyNotation: '12/UBND-VP',
      notes: null,
    });
    // Registered and not yet handled.
    expect(book.rows[0]?.progress).toBe('Chưa xử lý');
    clock.set('2026-03-21T02:00:00Z');
    expect((await jsonBook('followup')).rows[1]?.progress).toBe('Đang xử lý (quá hạn)');
  });

  it('filters by register date and says so in the metadata', async () => {
    seedSampleBooks(profile);
    const march = await jsonBook('incoming', { from: '2026-03-01', to: '2026-03-31' });
    expect(march.rows.map((r) => r.arrivalNumber)).toEqual([2, 3]);
    expect(march.metadata).toMatchObject({ from: '2026-03-01', to: '2026-03-31', rowCount: 2 });
    const february = await jsonBook('incoming', { to: '2026-02-28' });
    expect(february.rows.map((r) => r.arrivalNumber)).toEqual([1]);
    expect(february.metadata.registers[0]).toMatchObject({ firstNumber: 1, lastNumber: 1 });
  });

  it('puts each outgoing series in number order, one after the other, and can export one series', async () => {
    const s = seedSampleBooks(profile);
    const all = await jsonBook('outgoing');
    expect(all.rows.map((r) => r.numberAndNotation)).toEqual(['01/QĐ-UBND', '02/UBND-VP', '01/SY-UBND']);
    expect(all.metadata.registers.map((r) => r.seriesName)).toEqual(['Sổ văn bản đi', 'Sổ bản sao văn bản']);
    const copySeries = profile.db.prepare('SELECT series_id AS id FROM registers WHERE id = ?').get(s.copy.registerId) as { id: number };
    const copies = await jsonBook('outgoing', { seriesId: copySeries.id });
    expect(copies.rows.map((r) => r.numberAndNotation)).toEqual(['01/SY-UBND']);
  });

  it('refuses a series of the other direction and an unknown series', async () => {
    seedSampleBooks(profile);
    const incomingSeries = (profile.db.prepare("SELECT id FROM series WHERE direction = 'incoming'").get() as { id: number }).id;
    await expectAppErrorAsync(() => exported('outgoing', 'json', { seriesId: incomingSeries }), 'INVALID_INPUT', /không thuộc loại sổ/);
    await expectAppErrorAsync(() => exported('incoming', 'json', { seriesId: 999 }), 'NOT_FOUND');
  });

  it('writes the metadata of the JSON book: agency, range, time of export', async () => {
    seedSampleBooks(profile);
    const book = await jsonBook('incoming');
    expect(book.metadata).toMatchObject({
      kind: 'incoming',
      year: 2026,
      from: '2026-02-10',
      to: '2026-03-05',
      exportedAt: '2026-03-05T02:00:00.000Z',
      rowCount: 3,
      agency: { name: 'Ủy ban nhân dân xã Hòa Tiến', parentName: 'Ủy ban nhân dân thành phố Đà Nẵng' },
    });
  });

  it('writes CSV as UTF-8 with a byte-order mark, CRLF rows, and formula-like cells made harmless', async () => {
    seedSampleBooks(profile);
    const bytes = readFileSync((await exported('outgoing', 'csv')).path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toContain('"Số, ký hiệu"');
    // "- Như trên;" would be read by a spreadsheet as a formula.
    expect(text).toContain(`"'- Như trên;\n- Lưu: VT."`);
  });

  it('writes XLSX dates as real dates and numbers as numbers', async () => {
    seedSampleBooks(profile);
    const sheets = await readExcelFile(readFileSync((await exported('incoming', 'xlsx')).path));
    const first = sheets[0]?.data[1] ?? [];
    expect(first[0]).toEqual(new Date('2026-02-10T00:00:00Z'));
    expect(first[1]).toBe(1);
    expect(first[3]).toBe('15/QĐ-UBND');
    expect(first[5]).toBe('Quyết định\nVề việc phòng chống cháy rừng mùa khô tỉnh Đồng Nai');
  });

  it('streams a book with no rows to a file with only its header', async () => {
    const { path, result } = await exported('incoming', 'csv');
    expect(result.rows).toBe(0);
    expect(parse(readFileSync(path, 'utf8'), { bom: true })).toEqual([[...APPENDIX_IV_TITLES.incoming]]);
  });

  it('leaves no temporary file behind and reports the bytes it wrote', async () => {
    seedSampleBooks(profile);
    const { path, result } = await exported('incoming', 'json');
    expect(result.bytes).toBe(readFileSync(path).length);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes nothing under the final name when the export fails', async () => {
    seedSampleBooks(profile);
    const path = join(dir, 'missing-folder', 'book.csv');
    await expect(exportBook(profile, exportData({ kind: 'incoming', year: 2026, format: 'csv' }), path)).rejects.toThrow();
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a date range reaching outside the year of the book, naming the field, and writes nothing', async () => {
    seedSampleBooks(profile);
    const path = join(dir, 'range.csv');
    // Built without the input schema, which may refuse such a range too: the book must not rely on it.
    const input = (range: { from?: string; to?: string }): ExportData => ({ kind: 'incoming', year: 2026, format: 'csv', ...range });
    const from = await expectAppErrorAsync(() => exportBook(profile, input({ from: '2025-01-01' }), path), 'INVALID_INPUT', /^"Từ ngày" 01\/01\/2025 không thuộc năm 2026 của sổ\.$/);
    expect(from.data).toEqual({ issues: [{ path: 'from', message: 'phải trong năm 2026' }] });
    const to = await expectAppErrorAsync(() => exportBook(profile, input({ from: '2026-12-01', to: '2027-01-31' }), path), 'INVALID_INPUT', /^"Đến ngày" 31\/01\/2027 không thuộc năm 2026 của sổ\.$/);
    expect(to.data).toEqual({ issues: [{ path: 'to', message: 'phải trong năm 2026' }] });
    expect(existsSync(path)).toBe(false);
    const whole = await exportBook(profile, input({ from: '2026-01-01', to: '2026-12-31' }), path);
    expect(whole.rows).toBe(3);
  });

  it('names the path the clerk can fix, in every format: a missing folder, a file used as a folder, a folder as the name', async () => {
    seedSampleBooks(profile);
    writeFileSync(join(dir, 'plain.txt'), 'x');
    mkdirSync(join(dir, 'folder.csv'));
    const cases: Array<[string, RegExp]> = [
      [join(dir, 'missing', 'so'), /^Không có thư mục ".*missing" để lưu tệp "so\.\w+"\. Hãy chọn một thư mục có sẵn\.$/],
      [join(dir, 'plain.txt', 'so'), /^Không lưu được tệp vào ".*plain\.txt.so\.\w+": trong đường dẫn có một phần không phải là thư mục\.$/],
      [join(dir, 'folder'), /^".*folder\.\w+" là một thư mục\. Hãy ghi cả tên tệp cần lưu vào thư mục đó\.$/],
    ];
    for (const format of ['csv', 'json', 'xlsx', 'pdf'] as const) {
      if (format !== 'csv') mkdirSync(join(dir, `folder.${format}`));
      for (const [stem, message] of cases) {
        await expectAppErrorAsync(() => exportBook(profile, exportData({ kind: 'incoming', year: 2026, format }), `${stem}.${format}`), 'INVALID_INPUT', message);
      }
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  // The folder can also go away between the check and the write.
  it('maps the same errors when the file is written, and leaves no temporary file', () => {
    writeFileSync(join(dir, 'plain.txt'), 'x');
    mkdirSync(join(dir, 'folder.pdf'));
    expectAppError(() => openStreamedFile(join(dir, 'missing', 'so.csv')), 'INVALID_INPUT', /^Không có thư mục ".*missing"/);
    expectAppError(() => openStreamedFile(join(dir, 'plain.txt', 'so.json')), 'INVALID_INPUT', /không phải là thư mục/);
    expectAppError(() => writeWholeFile(join(dir, 'missing', 'so.xlsx'), Buffer.from('x')), 'INVALID_INPUT', /^Không có thư mục ".*missing"/);
    expectAppError(() => writeWholeFile(join(dir, 'folder.pdf'), Buffer.from('%PDF')), 'INVALID_INPUT', /folder\.pdf" là một thư mục/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
