import writeExcelFile from 'write-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guardXlsxArchive } from '../../src/main/books/import/zip-guard.ts';
import { importRegister } from '../../src/main/books/import-register.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { auditActions, countRows } from '../fixtures/books/seed.ts';
import { buildZip, deflatedPart, deflatedZeros, localEntry, partsOf, storedPart, type ZipPart } from '../fixtures/books/zip-archive.ts';
import { expectAppErrorAsync } from '../support/app-error.ts';
import { fixedClock, newProfile } from '../support/temp-profile.ts';

const HEADER = 'Ngày đến,Số đến,Tác giả,"Số, ký hiệu",Ngày tháng văn bản,Tên loại và trích yếu';
const GOOD_ROW = '05/01/2026,1,UBND tỉnh Đồng Nai,12/QĐ-UBND,04/01/2026,Quyết định về việc A';

async function workbook(): Promise<Buffer> {
  const header = ['Ngày đến', 'Số đến', 'Tác giả', 'Số, ký hiệu', 'Ngày tháng văn bản', 'Tên loại và trích yếu'];
  return writeExcelFile([header, GOOD_ROW.split(',')]).toBuffer();
}

// The same workbook taken apart and built again by hand, each part deflated or stored, with or
// without data descriptors, then `extra` entries.
async function rebuilt(extra: readonly ZipPart[] = [], how: { stored?: boolean; descriptor?: boolean } = {}): Promise<Buffer> {
  const part = how.stored ? storedPart : deflatedPart;
  return buildZip([...partsOf(await workbook()).map((p) => part(p.name, p.content, { descriptor: how.descriptor ?? false })), ...extra]);
}

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;
// 1 GiB of zeros deflated to about 1 MB, built once.
let bombData: Buffer | null = null;
const bomb = (): Buffer => (bombData ??= deflatedZeros(1024));

// The peak resident memory of this test process so far; it never goes down, so a refusal that
// inflated the bomb on the way would show.
const peakRss = (): number => process.resourceUsage().maxRSS * 1024;

// Puts bytes just before the central directory and moves the directory's offset to match: a
// well-formed archive that carries data no listed entry accounts for.
function withHiddenBytes(zip: Buffer, hidden: Buffer = Buffer.alloc(64, 0x41)): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const cdStart = zip.readUInt32LE(eocd + 16);
  const out = Buffer.concat([zip.subarray(0, cdStart), hidden, zip.subarray(cdStart)]);
  out.writeUInt32LE(cdStart + hidden.length, eocd + hidden.length + 16);
  return out;
}

describe('register import: hostile and broken files', () => {
  let profile: Profile;
  let cleanup = () => {};

  beforeEach(() => {
    const t = newProfile(fixedClock('2026-03-05T02:00:00Z'));
    profile = t.profile;
    cleanup = t.cleanup;
  });
  afterEach(() => {
    cleanup();
  });

  // Every refusal below happens on a real run and must leave the profile untouched.
  async function refused(data: Uint8Array, message: RegExp) {
    const audit = auditActions(profile);
    const error = await expectAppErrorAsync(() => importRegister(profile, { kind: 'incoming', fileName: 'x', data, dryRun: false }), 'INVALID_INPUT', message);
    expect(countRows(profile)).toBe(0);
    expect(auditActions(profile)).toEqual(audit);
    return error;
  }

  it('refuses an empty file, and one with only a byte-order mark and blank lines', async () => {
    await refused(new Uint8Array(0), /Tệp rỗng/);
    await refused(Buffer.from('\uFEFF\r\n\r\n ,, \r\n', 'utf8'), /Tệp rỗng/);
  });

  it('refuses binary garbage with a message the clerk can act on', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    await refused(garbage, /UTF-8/);
    await refused(Buffer.alloc(2048), /nhị phân/);
  });

  it('refuses a CSV in a legacy Vietnamese code page rather than importing mojibake', async () => {
    await refused(Buffer.from(`${HEADER}\r\n${GOOD_ROW}`, 'latin1'), /mã UTF-8/);
  });

  it('names the required columns that are missing', async () => {
    const error = await refused(Buffer.from('Ngày đến,"Số, ký hiệu",Ngày tháng văn bản,Trích yếu\r\n05/01/2026,1/QĐ,04/01/2026,A', 'utf8'), /thiếu cột bắt buộc: Số đến, Tác giả/);
    expect(error.data).toEqual({ missingColumns: ['Số đến', 'Tác giả'] });
  });

  it('refuses a table without any header it knows', async () => {
    await refused(Buffer.from('a,b,c\r\n1,2,3', 'utf8'), /Không tìm thấy dòng tiêu đề/);
  });

  it('refuses a header with no row under it', async () => {
    await refused(Buffer.from(`${HEADER}\r\n,,,,,\r\n`, 'utf8'), /không có dòng văn bản nào/);
  });

  it("refuses 'PK' files that are not spreadsheets: garbage, another kind of ZIP, hidden data", async () => {
    const garbage = await refused(Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(500, 0x5a)]), /không phải bảng tính Excel/);
    expect(garbage.message).toMatch(/no end of central directory/);
    const notASpreadsheet = Buffer.from((await workbook()).toString('latin1').replaceAll('xl/workbook.xml', 'xl/workbook.xmk'), 'latin1');
    expect((await refused(notASpreadsheet, /không phải bảng tính Excel/)).message).toMatch(/not a spreadsheet/);
    expect((await refused(withHiddenBytes(await workbook()), /không phải bảng tính Excel/)).message).toMatch(/data hidden/);
  });

  it('imports the same workbook when nothing has been tampered with', async () => {
    const report = await importRegister(profile, { kind: 'incoming', fileName: 'x.xlsx', data: await workbook(), dryRun: false });
    expect(report.imported).toBe(1);
  });

  it('reads a workbook whose parts are stored or deflated, with or without data descriptors', async () => {
    for (const how of [{}, { descriptor: true }, { stored: true }, { stored: true, descriptor: true }]) {
      const report = await importRegister(profile, { kind: 'incoming', fileName: 'x.xlsx', data: await rebuilt([], how), dryRun: true });
      expect(report, JSON.stringify(how)).toMatchObject({ errors: [], validRows: 1 });
    }
  });

  it('refuses an archive whose parts declare more than the budget, whatever their names, before inflating them', async () => {
    const zip = await workbook();
    await expect(guardXlsxArchive(zip)).resolves.toBeUndefined();
    const small = await expectAppErrorAsync(() => guardXlsxArchive(zip, 200), 'INVALID_INPUT', /khi giải nén lớn hơn 1 MB/);
    expect(small.message).toMatch(/declared sizes pass the budget/);
    const before = peakRss();
    for (const name of ['xl/worksheets/sheet2.xml', 'xl/media/image1.png']) {
      const error = await refused(await rebuilt([{ name, data: bomb(), method: 8, crc: 0, size: GIB }]), /khi giải nén lớn hơn 512 MB.*tách sổ/);
      expect(error.message).toMatch(/declared sizes pass the budget/);
    }
    expect(peakRss() - before).toBeLessThan(150 * MIB);
  });

  // The spreadsheet reader streams the archive and trusts the local headers; the central directory
  // must not be able to show the guard anything else.
  it('refuses a zip bomb whose local name differs from its central one, without inflating it', async () => {
    const before = peakRss();
    const disguised: ZipPart = { name: 'bomb.bin', localName: 'xl/media/bomb.xml', data: bomb(), method: 8, crc: 0, size: GIB };
    const error = await refused(await rebuilt([disguised]), /không phải bảng tính Excel/);
    expect(error.message).toMatch(/local name differs from central name bomb\.bin/);
    expect(peakRss() - before).toBeLessThan(150 * MIB);
  });

  it('refuses parts that lie about their size, in both headers or in one, without inflating them', async () => {
    const before = peakRss();
    const liar: ZipPart = { name: 'xl/worksheets/sheet2.xml', data: bomb(), method: 8, crc: 0, size: 1000 };
    expect((await refused(await rebuilt([liar]), /không phải bảng tính Excel/)).message).toMatch(/sheet2\.xml does not inflate to the 1000 bytes it declares/);
    expect((await refused(await rebuilt([{ ...liar, localSize: GIB }]), /không phải bảng tính Excel/)).message).toMatch(/local sizes of xl\/worksheets\/sheet2\.xml differ/);
    expect((await refused(await rebuilt([{ ...liar, localSize: GIB, descriptor: true }]), /không phải bảng tính Excel/)).message).toMatch(/data descriptor of .* differs/);
    expect(peakRss() - before).toBeLessThan(150 * MIB);
    const badCrc = deflatedPart('xl/worksheets/sheet2.xml', Buffer.from('<worksheet/>'), { crc: 1 });
    expect((await refused(await rebuilt([badCrc]), /không phải bảng tính Excel/)).message).toMatch(/fails its CRC/);
  });

  it('refuses an entry hidden behind an early data descriptor, or without a central record', async () => {
    const before = peakRss();
    const hidden = localEntry({ name: 'xl/hidden.xml', data: bomb(), method: 8, crc: 0, size: GIB });
    // The reader ends the picture at the first descriptor signature, then reads the hidden entry.
    const picture = Buffer.concat([Buffer.from('not a picture'), Buffer.from([0x50, 0x4b, 0x07, 0x08]), Buffer.alloc(12), hidden]);
    const cover = storedPart('xl/media/image1.png', picture, { descriptor: true });
    expect((await refused(await rebuilt([cover]), /không phải bảng tính Excel/)).message).toMatch(/data descriptor of xl\/media\/image1\.png is not where its data ends/);
    expect((await refused(withHiddenBytes(await workbook(), hidden), /không phải bảng tính Excel/)).message).toMatch(/has no central record/);
    expect(peakRss() - before).toBeLessThan(150 * MIB);
  });

  it('refuses an Excel 97-2003 .xls file and says how to convert it', async () => {
    await refused(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), /Excel 97-2003/);
  });

  it('refuses a CSV whose quotes never close, or whose row is absurdly long', async () => {
    await refused(Buffer.from(`${HEADER}\r\n05/01/2026,1,"UBND tỉnh Đồng Nai,12/QĐ-UBND,04/01/2026,A\r\n`, 'utf8'), /lỗi cấu trúc/);
    await refused(Buffer.from(`${HEADER}\r\n05/01/2026,1,"${'x'.repeat(150_000)}",12/QĐ-UBND,04/01/2026,A\r\n`, 'utf8'), /lỗi cấu trúc/);
  });

  it('reports a cell longer than the limit on its row instead of storing it', async () => {
    const data = Buffer.from(`${HEADER}\r\n05/01/2026,1,UBND,12/QĐ-UBND,04/01/2026,"Quyết định ${'dài '.repeat(2600)}"\r\n`, 'utf8');
    const report = await importRegister(profile, { kind: 'incoming', fileName: 'x', data, dryRun: true });
    expect(report.errors).toEqual([{ row: 2, field: 'typeAndSubject', message: 'Tên loại và trích yếu: ô dài quá 10000 ký tự' }]);
  });

  it('refuses more than 200,000 rows and asks for the file to be split', async () => {
    const rows = Array.from({ length: 200_001 }, (_, i) => `05/01/2026,${i + 1},A,${i + 1}/B,04/01/2026,C`);
    await refused(Buffer.from([HEADER, ...rows].join('\n'), 'utf8'), /hơn 200\.000 dòng/);
  });
});
