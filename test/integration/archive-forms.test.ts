import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import readExcelFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBridgeServices } from '../../src/dev/bridge-server.ts';
import { contentsForm, handoverListForm, handoverRecordForm, planForm } from '../../src/main/archive/case-file-forms.ts';
import { renderFileContentsPdf } from '../../src/main/archive/forms/file-contents-pdf.ts';
import { renderFilePlanPdf } from '../../src/main/archive/forms/file-plan-pdf.ts';
import { renderFilePlanXlsx } from '../../src/main/archive/forms/file-plan-xlsx.ts';
import { renderHandoverListPdf } from '../../src/main/archive/forms/handover-list-pdf.ts';
import { renderHandoverRecordPdf } from '../../src/main/archive/forms/handover-record-pdf.ts';
import { addDocument } from '../../src/main/casefiles/filing.ts';
import { readPlan } from '../../src/main/casefiles/plan-read.ts';
import { initProfile } from '../../src/main/profile/init-profile.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { getDocument } from '../../src/main/registry/documents.ts';
import type { Services } from '../../src/main/services/create-services.ts';
import type { InputOf, OperationName, OutputOf } from '../../src/shared/api/contract.ts';
import type { Envelope } from '../../src/shared/api/envelope.ts';
import { agencyProfileInput } from '../../src/shared/api/schemas/profile.ts';
import { formatVietnameseDate } from '../../src/shared/domain/dates.ts';
import { type ArchiveProfile, AWARD_FILES, LONG_TITLE, seedArchiveProfile } from '../fixtures/archive/archive-profile.ts';
import { FILE_CONTENTS, HANDOVER_LIST, HANDOVER_RECORD, handoverFiles, NOW, SMALL_PLAN } from '../fixtures/archive/forms.ts';
import { findCell, headingColumns, layoutPages, numbersRow } from '../fixtures/archive/layout-text.ts';
import { expectAppErrorAsync } from '../support/app-error.ts';
import { addIncoming } from '../support/documents.ts';
import { fixedClock, newProfile, SAMPLE_AGENCY, tempDir } from '../support/temp-profile.ts';

// The column titles of Decree 30 Appendix V, in the law's order (nd30-phu-luc-5.md).
const PLAN_COLUMNS = ['Số và ký hiệu hồ sơ', 'Tên đề mục và tiêu đề hồ sơ', 'Thời hạn bảo quản', 'Người lập hồ sơ', 'Ghi chú'];
const LIST_COLUMNS = ['Số TT', 'Số, ký hiệu hồ sơ', 'Tiêu đề hồ sơ', 'Thời gian tài liệu', 'Thời hạn bảo quản', 'Số tờ/ Số trang', 'Ghi chú'];
const CONTENTS_COLUMNS = ['STT', 'Số, ký hiệu văn bản', 'Ngày tháng năm văn bản', 'Tên loại và trích yếu nội dung văn bản', 'Tác giả văn bản', 'Tờ số/ Trang số', 'Ghi chú'];

const flat = (pages: readonly (readonly string[])[]): string => pages.flat().map((l) => l.trim()).filter(Boolean).join(' ').replace(/\s+/g, ' ');

// Each part is in the text, after the one before it.
function expectInOrder(text: string, parts: readonly string[]): void {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `"${part}" after position ${from} in:\n${text}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}

const increasing = (xs: readonly number[]) => xs.every((x, i) => i === 0 || x > (xs[i - 1] as number));

// Every page that holds rows of the table shows the column titles and their numbers first.
function expectHeadingsOnEveryPage(pages: readonly string[][], titles: readonly string[], rowLine: RegExp): void {
  const withRows = pages.filter((lines) => lines.some((l) => rowLine.test(l)));
  expect(withRows.length).toBeGreaterThan(0);
  for (const lines of withRows) {
    expect(increasing(headingColumns(lines, titles))).toBe(true);
    const numbers = lines.findIndex((l) => numbersRow(titles.length).test(l));
    expect(numbers).toBeGreaterThanOrEqual(0);
    expect(numbers).toBeLessThan(lines.findIndex((l) => rowLine.test(l)));
  }
}

describe('Appendix V forms printed from a real profile', () => {
  const clock = fixedClock('2026-03-10T02:00:00Z');
  const scratch = tempDir('vanthu-archive-forms-');
  let t: ReturnType<typeof newProfile>;
  let p: Profile;
  let a: ArchiveProfile;
  let bigFileId: number;
  // The 500 documents of the big file, as registered: their số and date.
  const registered: { codeNumber: string; date: string; order: number }[] = [];

  beforeAll(async () => {
    t = newProfile(clock);
    p = t.profile;
    a = await seedArchiveProfile(p, scratch.dir);
    // 01.TH, still open, gets 500 documents registered newest first, eight a day: the file's
    // order (by date, then registration) is not the registration order.
    bigFileId = a.open.id;
    for (let i = 0; i < 500; i++) {
      const date = new Date(Date.UTC(2026, 0, 1 + Math.floor((499 - i) / 8))).toISOString().slice(0, 10);
      const codeNumber = String(1000 + i);
      const doc = addIncoming(p, { codeNumber, codeNotation: 'QĐ-UBND', documentDate: date, subject: `Về việc giải quyết hồ sơ lần ${i + 1}`, pageCount: 1 + (i % 3) });
      addDocument(p, { caseFileId: bigFileId, documentId: doc.id });
      registered.push({ codeNumber, date, order: i });
    }
  }, 180_000);
  afterAll(() => {
    t.cleanup();
    scratch.cleanup();
  });

  it('prints the danh mục hồ sơ (II): the header, the year and the decision in words, the headings in Roman and Arabic numerals, the files, the counts', async () => {
    const pdf = await renderFilePlanPdf(planForm(p, 2026), clock.now());
    const pages = layoutPages(pdf, scratch.dir, 'danh-muc.pdf');
    const first = pages[0]!.join('\n');
    expect(first).toMatch(/ỦY BAN NHÂN DÂN THÀNH PHỐ\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\s*ĐÀ NẴNG\s+Độc lập - Tự do - Hạnh phúc\n\s*ỦY BAN NHÂN DÂN XÃ HÒA TIẾN\n/);
    const title = pages[0]!.findIndex((l) => l.trim() === 'DANH MỤC HỒ SƠ');
    expect(pages[0]![title + 1]!.trim()).toBe('Năm 2026');
    expect(findCell(pages[0]!, '(Kèm theo Quyết định số 05/QĐ-UBND ngày 05 tháng 01 năm 2026 của Chủ tịch Ủy ban nhân dân xã Hòa Tiến)')?.line).toBe(title + 2);

    // 33 files and their headings: more than a page, the column titles on each.
    const fileRow = /^\s*\d{2}\.(TH|VP)\s/;
    expect(pages.length).toBeGreaterThan(1);
    expectHeadingsOnEveryPage(pages, PLAN_COLUMNS, fileRow);
    expect(pages[0]!.some((l) => l.trim() === '1')).toBe(false);
    expect(pages[1]!.find((l) => l.trim() !== '')?.trim()).toBe('2');

    const all = pages.flat();
    const rowOf = (notation: string) => all.findIndex((l) => l.trimStart().startsWith(`${notation} `));
    const headingAt = (text: string) => all.findIndex((l) => l.trim() === text);
    const order = [
      headingAt('I. TỔNG HỢP'),
      rowOf('01.TH'),
      headingAt('II. VĂN PHÒNG'),
      rowOf('01.VP'),
      headingAt('1. Hành chính, văn thư, lưu trữ'),
      rowOf('02.VP'),
      headingAt('4. Khen thưởng các thôn'),
      rowOf('03.VP'),
      rowOf('32.VP'),
      headingAt('III. NỘI VỤ, TỔ CHỨC CÁN BỘ'),
    ];
    expect(order.every((i) => i >= 0) && increasing(order), String(order)).toBe(true);
    expect(all[rowOf('01.TH')]).toMatch(/01\.TH\s+Hồ sơ hội nghị tổng kết công tác năm\s+Vĩnh viễn\s+Lê Thị Hoa\s*$/);
    expect(all[rowOf('01.VP')]).toMatch(/10 năm\s+Lê Thị Hoa\s+Bản chính\s*$/);
    expect(all[rowOf('02.VP')]).toMatch(/Vĩnh viễn\s+Nguyễn Văn Bình\s*$/);
    expect(all[rowOf('32.VP')]).toMatch(/32\.VP\s+Hồ sơ khen thưởng thôn số 30\s+20 năm\s+Trần Thị Cúc\s*$/);
    const long = findCell(all, LONG_TITLE);
    expect(long?.line).toBe(rowOf('01.VP'));
    expect(long!.lines).toBeGreaterThanOrEqual(3);

    expectInOrder(pages.at(-1)!.map((l) => l.trim()).join('\n'), [
      `Danh mục hồ sơ này có ${AWARD_FILES + 3} hồ sơ, bao gồm:`,
      '2 hồ sơ bảo quản vĩnh viễn;',
      `${AWARD_FILES + 1} hồ sơ bảo quản có thời hạn.`,
    ]);
    const path = join(scratch.dir, 'danh-muc.pdf');
    expect(execFileSync('qpdf', ['--check', path], { encoding: 'utf8' })).toMatch(/No syntax or stream encoding errors/);
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/\s+yes\s+yes\s+yes\s+/);
  });

  it('writes the danh mục hồ sơ as XLSX that reads back with the same lines, columns and rows', async () => {
    const plan = readPlan(p, 2026)!;
    const [sheet] = await readExcelFile(await renderFilePlanXlsx(planForm(p, 2026)));
    const rows = sheet!.data;
    expect(rows[0]).toEqual(['ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG', null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', null, null]);
    expect(rows[1]).toEqual(['ỦY BAN NHÂN DÂN XÃ HÒA TIẾN', null, 'Độc lập - Tự do - Hạnh phúc', null, null]);
    expect(rows.map((r) => r[0])).toEqual(expect.arrayContaining(['DANH MỤC HỒ SƠ', 'Năm 2026', '(Kèm theo Quyết định số 05/QĐ-UBND ngày 05 tháng 01 năm 2026 của Chủ tịch Ủy ban nhân dân xã Hòa Tiến)']));
    const head = rows.findIndex((r) => r[0] === PLAN_COLUMNS[0]);
    expect(rows[head]).toEqual(PLAN_COLUMNS);
    expect(rows[head + 1]).toEqual(['(1)', '(2)', '(3)', '(4)', '(5)']);

    // The plan as the API gives it, heading by heading: the rows the sheet must hold, in order.
    const expected: unknown[][] = [];
    for (const h of plan.headings) {
      expected.push([null, h.parentId === null ? `${h.numeral}. ${h.title.toLocaleUpperCase('vi')}` : `${h.numeral}. ${h.title}`, null, null, null]);
      for (const f of plan.files.filter((x) => x.headingId === h.id)) expected.push([f.notation, f.title, f.retentionYears === null ? 'Vĩnh viễn' : `${f.retentionYears} năm`, f.creator, f.note]);
    }
    const body = rows.slice(head + 2, head + 2 + expected.length);
    expect(body).toEqual(expected);
    expect(body).toContainEqual(['01.VP', LONG_TITLE, '10 năm', 'Lê Thị Hoa', 'Bản chính']);
    expect(rows.slice(head + 2 + expected.length).map((r) => r[0]).filter(Boolean)).toEqual([
      `Danh mục hồ sơ này có ${plan.files.length} hồ sơ, bao gồm:`,
      `${plan.counts.permanent} hồ sơ bảo quản vĩnh viễn;`,
      `${plan.counts.term} hồ sơ bảo quản có thời hạn.`,
    ]);
  });

  it('prints the mục lục văn bản trong hồ sơ (IV): the documents in DocOrdinal order with their số, date, type, subject, author and pages in the file', async () => {
    const pages = layoutPages(await renderFileContentsPdf(await contentsForm(p, a.long.id), clock.now()), scratch.dir, 'muc-luc-van-ban.pdf');
    expect(pages).toHaveLength(1);
    const lines = pages[0]!;
    const text = lines.join('\n');
    // The form has no agency header: it is a sheet inside the file.
    expect(text).not.toMatch(/CỘNG HÒA|ỦY BAN NHÂN DÂN XÃ HÒA TIẾN\n/);
    expect(lines.filter((l) => l.trim() !== '').slice(0, 3).map((l) => l.trim())).toEqual(['MỤC LỤC VĂN BẢN, TÀI LIỆU', 'Số, ký hiệu hồ sơ: 01.VP', 'Năm 2026']);
    const row = /^\s*\d+\s+\d+\/[A-Z-]+\s+\d\d\/\d\d\/\d{4}\s/;
    expectHeadingsOnEveryPage(pages, CONTENTS_COLUMNS, row);

    // The file's order: the documents' dates, whatever order they were registered and filed in.
    const docs = Object.values(a.filed).map((id) => getDocument(p, id)).sort((x, y) => (x.documentDate < y.documentDate ? -1 : 1));
    const rows = lines.filter((l) => row.test(l));
    expect(rows.map((l) => l.trim().split(/\s+/).slice(0, 3))).toEqual(docs.map((d, i) => [String(i + 1), `${d.codeNumber}/${d.codeNotation}`, formatVietnameseDate(d.documentDate)]));
    expect(docs.map((d) => d.documentTypeName)).toEqual(['Thông báo', 'Kế hoạch', 'Công văn', 'Báo cáo']);
    // Pages in the file: 3 (PDF), 4 (the register's count, no PDF), 2 (PDF), 1 (PDF).
    ['1-3', '4-7', '8-9', '10'].forEach((range, i) => expect(rows[i]).toMatch(new RegExp(`\\s${range}\\s*$`)));
    for (const d of docs) {
      expect(findCell(lines, `${d.documentTypeName} ${d.subject}`), d.subject).not.toBeNull();
      expect(findCell(lines, d.issuingAgency), d.issuingAgency).not.toBeNull();
    }
    expect(docs.map((d) => d.issuingAgency)).toEqual(['Ủy ban nhân dân thành phố Đà Nẵng', 'Ủy ban nhân dân xã Hòa Tiến', 'Sở Nội vụ thành phố Đà Nẵng', 'Ủy ban nhân dân xã Hòa Tiến']);
  });

  it('prints a mục lục of 500 documents on a sane number of pages: the headings on each, every row once, in order', async () => {
    const started = performance.now();
    const pdf = await renderFileContentsPdf(await contentsForm(p, bigFileId), clock.now());
    const ms = performance.now() - started;
    const pages = layoutPages(pdf, scratch.dir, 'muc-luc-500.pdf');
    const row = /^\s*(\d+)\s+(\d+)\/QĐ-UBND\s+\d\d\/\d\d\/\d{4}\s/;
    expectHeadingsOnEveryPage(pages, CONTENTS_COLUMNS, row);
    const perPage = pages.map((lines) => lines.filter((l) => row.test(l)).length);
    const rows = pages.flat().flatMap((l) => {
      const m = row.exec(l);
      return m ? [[Number(m[1]), m[2]]] : [];
    });
    const expected = [...registered].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.order - y.order));
    expect(rows).toEqual(expected.map((r, i) => [i + 1, r.codeNumber]));
    // Each row takes two lines (type, subject; the author wraps too): A4 landscape holds about a
    // dozen; every full page the same, the first a few fewer under the title, none empty.
    const middle = perPage.slice(1, -1);
    expect(new Set(middle).size).toBe(1);
    expect(middle[0]).toBeGreaterThanOrEqual(9);
    expect(middle[0]).toBeLessThanOrEqual(16);
    expect(perPage[0]).toBeGreaterThan(middle[0]! - 4);
    expect(perPage.at(-1)).toBeGreaterThan(0);
    expect(pages.length).toBe(Math.ceil((500 - perPage[0]!) / middle[0]!) + 1);
    expect(pdf.length).toBeLessThan(2_000_000);
    // Not a timing test (bench:records measures it): only a guard against something quadratic.
    expect(ms).toBeLessThan(20_000);
  });

  it('prints the mục lục hồ sơ, tài liệu nộp lưu (III): the unit under its agency, one row per file handed over, the count in figures and in words, the preparer', async () => {
    const pages = layoutPages(await renderHandoverListPdf(handoverListForm(p, a.handoverId), clock.now()), scratch.dir, 'muc-luc-ho-so.pdf');
    const first = pages[0]!.join('\n');
    expect(first).toMatch(/ỦY BAN NHÂN DÂN XÃ HÒA TIẾN\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\s*VĂN PHÒNG - THỐNG KÊ\s+Độc lập - Tự do - Hạnh phúc\n/);
    expect(pages[0]!.map((l) => l.trim()).filter(Boolean).slice(2, 5)).toEqual(['MỤC LỤC HỒ SƠ, TÀI LIỆU NỘP LƯU', 'Văn phòng - Thống kê', 'Năm 2026']);
    const row = /^\s*\d+\s+\d{2}\.VP\s/;
    expectHeadingsOnEveryPage(pages, LIST_COLUMNS, row);
    expect(pages.length).toBeGreaterThan(1);

    const all = pages.flat();
    const rows = all.filter((l) => row.test(l));
    expect(rows.map((l) => l.trim().split(/\s+/).slice(0, 2))).toEqual(Array.from({ length: AWARD_FILES + 2 }, (_, i) => [String(i + 1), `${String(i + 1).padStart(2, '0')}.VP`]));
    expect(rows[0]).toMatch(/01\/03\/2026 -\s+10 năm\s+10\s+Bản chính\s*$/);
    expect(all[all.indexOf(rows[0]!) + 1]).toMatch(/09\/03\/2026\s*$/);
    expect(findCell(all, LONG_TITLE)?.line).toBe(all.indexOf(rows[0]!));
    expect(rows[1]).toMatch(/02\.VP\s+Tập quyết định của Ủy ban nhân dân xã năm 2026\s+02\/03\/2026\s+Vĩnh viễn\s+4\s*$/);
    expect(rows.at(-1)).toMatch(/32\.VP\s+Hồ sơ khen thưởng thôn số 30\s+03\/03\/2026\s+20 năm\s+1\s*$/);

    const end = pages.at(-1)!;
    expectInOrder(end.map((l) => l.trim()).join('\n'), [
      'Mục lục này gồm: 32 hồ sơ (đơn vị bảo quản).',
      'Viết bằng chữ: Ba mươi hai hồ sơ (đơn vị bảo quản).',
      'Xã Hòa Tiến, ngày 10 tháng 3 năm 2026',
      'Người lập',
      '(Ký và ghi rõ họ và tên, chức vụ)',
      'Lê Thị Hoa',
      'Công chức Văn phòng - Thống kê',
    ]);
    // The preparer signs in the right half of the page.
    const signer = end.find((l) => l.trim() === 'Lê Thị Hoa')!;
    expect(signer.indexOf('Lê Thị Hoa')).toBeGreaterThan(Math.max(...end.map((l) => l.length)) / 2);
  });

  it('prints the biên bản giao nhận (V) line by line as the form sets it, with the handover’s figures and both signatures', async () => {
    const pages = layoutPages(await renderHandoverRecordPdf(handoverRecordForm(p, a.handoverId), clock.now()), scratch.dir, 'bien-ban.pdf');
    expect(pages).toHaveLength(1);
    expect(pages[0]!.join('\n')).toMatch(/ỦY BAN NHÂN DÂN THÀNH PHỐ\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\s*ĐÀ NẴNG\s+Độc lập - Tự do - Hạnh phúc\n\s*ỦY BAN NHÂN DÂN XÃ HÒA TIẾN\n\s*Xã Hòa Tiến, ngày 10 tháng 3 năm 2026\n/);
    expectInOrder(flat(pages), [
      'BIÊN BẢN',
      'Giao nhận hồ sơ, tài liệu',
      'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ về công tác văn thư;',
      'Căn cứ Danh mục hồ sơ năm 2026,',
      'Chúng tôi gồm:',
      'BÊN GIAO: Văn phòng - Thống kê',
      'Ông (bà): Lê Thị Hoa',
      'Chức vụ công tác: Công chức Văn phòng - Thống kê',
      'BÊN NHẬN: Lưu trữ cơ quan',
      'Ông (bà): Trần Văn Lưu',
      'Chức vụ công tác: Viên chức lưu trữ',
      'Thống nhất lập biên bản giao nhận tài liệu với những nội dung như sau:',
      '1. Tên khối tài liệu giao nộp: Hồ sơ, tài liệu năm 2026 của Văn phòng - Thống kê',
      '2. Thời gian của hồ sơ, tài liệu: 2026',
      '3. Số lượng tài liệu:',
      'a) Đối với hồ sơ, tài liệu giấy',
      '- Tổng số hộp (cặp): …',
      '- Tổng số hồ sơ (đơn vị bảo quản): …',
      'Quy ra mét giá: …',
      'b) Đối với hồ sơ, tài liệu điện tử',
      `- Tổng số hồ sơ: ${AWARD_FILES + 2}`,
      // 01.VP: three PDFs (its outgoing plan has none); 02.VP: none; each award file: one.
      `- Tổng số tệp tin trong hồ sơ: ${AWARD_FILES + 3}`,
      '4. Tình trạng tài liệu giao nộp: Hồ sơ đã lập đầy đủ, tài liệu nguyên vẹn',
      '5. Mục lục hồ sơ, tài liệu nộp lưu kèm theo.',
      'Biên bản này được lập thành hai bản; bên giao giữ một bản, bên nhận giữ một bản./.',
    ]);
    const tail = pages[0]!.slice(pages[0]!.findIndex((l) => l.includes('ĐẠI DIỆN BÊN GIAO')));
    expect(tail[0]).toMatch(/^\s*ĐẠI DIỆN BÊN GIAO\s+ĐẠI DIỆN BÊN NHẬN\s*$/);
    expect(tail[1]).toMatch(/^\s*\(Ký và ghi rõ họ và tên\)\s+\(Ký và ghi rõ họ và tên\)\s*$/);
    expect(tail.find((l) => l.trim() !== '' && !/ĐẠI DIỆN|Ký và ghi/.test(l))).toMatch(/^\s*Lê Thị Hoa\s+Trần Văn Lưu\s*$/);
  });

  it('prints from plain values what the registers do not hold (paper boxes and shelf metres, a large count in words), and refuses impossible figures', async () => {
    const record = flat(layoutPages(await renderHandoverRecordPdf(HANDOVER_RECORD, NOW), scratch.dir, 'giay.pdf'));
    expectInOrder(record, ['- Tổng số hộp (cặp): 12', '- Tổng số hồ sơ (đơn vị bảo quản): 125. Quy ra mét giá: 1,5 mét.', '- Tổng số hồ sơ: 125', '- Tổng số tệp tin trong hồ sơ: 1840', '5. Mục lục hồ sơ, tài liệu nộp lưu kèm theo (gồm 03 bản).']);
    const nameless = flat(layoutPages(await renderHandoverRecordPdf({ ...HANDOVER_RECORD, giver: { name: 'Nguyễn Thị Lan', title: null, unit: null } }, NOW), scratch.dir, 'ca-nhan.pdf'));
    expectInOrder(nameless, ['BÊN GIAO: Nguyễn Thị Lan', 'Ông (bà): Nguyễn Thị Lan', 'Chức vụ công tác: …']);
    const list = flat(layoutPages(await renderHandoverListPdf({ ...HANDOVER_LIST, files: handoverFiles(125) }, NOW), scratch.dir, '125.pdf'));
    expectInOrder(list, ['Mục lục này gồm: 125 hồ sơ (đơn vị bảo quản).', 'Viết bằng chữ: Một trăm hai mươi lăm hồ sơ (đơn vị bảo quản).']);

    await expectAppErrorAsync(() => renderHandoverRecordPdf({ ...HANDOVER_RECORD, paper: { boxes: -1, files: 1, shelfMetres: 0 } }, NOW), 'INVALID_INPUT', /tổng số hộp/);
    await expectAppErrorAsync(() => renderHandoverRecordPdf({ ...HANDOVER_RECORD, paper: { boxes: 1, files: 1, shelfMetres: Number.NaN } }, NOW), 'INVALID_INPUT', /mét giá/);
    await expectAppErrorAsync(() => renderFilePlanPdf({ ...SMALL_PLAN, year: 20260 }, NOW), 'INVALID_INPUT', /năm của danh mục/);
    await expectAppErrorAsync(() => renderFilePlanXlsx({ ...SMALL_PLAN, decision: { number: '05/QĐ-UBND', date: '2026-02-30', by: null } }), 'INVALID_INPUT', /quyết định/);
    const backwards = { ...FILE_CONTENTS, documents: [{ ...FILE_CONTENTS.documents[0]!, pageFrom: 5, pageTo: 4 }] };
    await expectAppErrorAsync(() => renderFileContentsPdf(backwards, NOW), 'INVALID_INPUT', /tờ cuối/);
  });
});

// archive.* through the one dispatcher the app and the bridge use: each form lands in the
// profile's exports folder, each printing is audited, the package is written and verified there.
describe('archive.* through the dispatcher', () => {
  const clock = fixedClock('2026-03-10T02:00:00Z');
  const t = tempDir('vanthu-archive-api-');
  const profileDir = join(t.dir, 'profile');
  let services: Services;
  let a: ArchiveProfile;
  const call = async <K extends OperationName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> => {
    const e = (await services.dispatch(name, input)) as Envelope<OutputOf<K>>;
    if (!e.ok) throw new Error(`${name}: ${e.error.code} ${e.error.message}`);
    return e.value;
  };
  const exportsDir = join(profileDir, 'exports');

  beforeAll(async () => {
    const p = initProfile(profileDir, agencyProfileInput.parse(SAMPLE_AGENCY), { clock, actor: 'test' });
    try {
      a = await seedArchiveProfile(p, t.dir);
    } finally {
      p.close();
    }
    services = createBridgeServices({ profileDir, clock });
  }, 120_000);
  afterAll(async () => {
    await services.close();
    t.cleanup();
  });

  const landed = (out: { fileName: string; path: string; bytes: number }, name: RegExp) => {
    expect(out.fileName).toMatch(name);
    expect(out.path).toBe(join(exportsDir, out.fileName));
    expect(statSync(out.path).size).toBe(out.bytes);
    return out.path;
  };
  const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });

  it('prints each form into the exports folder and audits each printing', async () => {
    const plan = landed(await call('archive.printPlan', { year: 2026 }), /^danh-muc-ho-so-2026-\d{8}-\d{6}\.pdf$/);
    expect(pdfText(plan)).toMatch(/DANH MỤC HỒ SƠ\s+Năm 2026/);
    const sheet = landed(await call('archive.printPlan', { year: 2026, format: 'xlsx' }), /^danh-muc-ho-so-2026-\d{8}-\d{6}\.xlsx$/);
    expect((await readExcelFile(readFileSync(sheet)))[0]!.data.some((r) => r[0] === '01.VP' && r[1] === LONG_TITLE)).toBe(true);
    const contents = landed(await call('archive.printContents', { caseFileId: a.long.id }), /^muc-luc-van-ban-2026-01\.VP-\d{8}-\d{6}\.pdf$/);
    expect(pdfText(contents)).toContain('Số, ký hiệu hồ sơ: 01.VP');
    const list = landed(await call('archive.printHandover', { handoverId: a.handoverId, form: 'list' }), new RegExp(`^muc-luc-ho-so-nop-luu-${a.handoverId}-\\d{8}-\\d{6}\\.pdf$`));
    expect(pdfText(list)).toContain('MỤC LỤC HỒ SƠ, TÀI LIỆU NỘP LƯU');
    const record = landed(await call('archive.printHandover', { handoverId: a.handoverId, form: 'record' }), new RegExp(`^bien-ban-giao-nhan-${a.handoverId}-\\d{8}-\\d{6}\\.pdf$`));
    expect(pdfText(record)).toContain('Giao nhận hồ sơ, tài liệu');

    const audit = await call('audit.list', { limit: 5 });
    expect(audit.map((e) => [e.action, e.entityType, e.entityId])).toEqual([
      ['archive.printHandover', 'handover', String(a.handoverId)],
      ['archive.printHandover', 'handover', String(a.handoverId)],
      ['archive.printContents', 'case_file', String(a.long.id)],
      ['archive.printPlan', 'file_plan', '2026'],
      ['archive.printPlan', 'file_plan', '2026'],
    ]);
    expect(audit[0]!.details).toMatchObject({ fileName: record.split('/').pop(), bytes: statSync(record).size });
    const refused = await services.dispatch('archive.printContents', { caseFileId: 999_999 });
    expect(refused.ok ? null : refused.error.code).toBe('NOT_FOUND');
  });

  it('writes the handover package into the exports folder, verified there, and checks it again on request', async () => {
    const written = await call('archive.writePackage', { handoverId: a.handoverId });
    expect(written.folderName).toMatch(new RegExp(`^nop-luu-2026-${a.handoverId}-\\d{8}-\\d{6}$`));
    expect(written.path).toBe(join(exportsDir, written.folderName));
    expect(written).toMatchObject({ fileCount: AWARD_FILES + 2, documentCount: 4 + 1 + AWARD_FILES, verification: { ok: true, problems: [] } });
    for (const name of ['MANIFEST.sha256', 'package.xml', 'muc-luc-ho-so.pdf', 'bien-ban-giao-nhan.pdf', '01.VP/muc-luc-van-ban.pdf', '01.VP/004.pdf']) expect(existsSync(join(written.path, name)), name).toBe(true);
    expect(await call('archive.verifyPackage', { folderName: written.folderName })).toMatchObject({ ok: true, files: AWARD_FILES + 2, problems: [] });
    const handover = await call('caseFiles.handover', { id: a.handoverId });
    expect(handover.packageSha256).toBe(written.manifestSha256);
    const outside = await services.dispatch('archive.verifyPackage', { folderName: '../profile' });
    expect(outside.ok ? null : outside.error.code).toBe('INVALID_INPUT');
  });
});
