import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeProblems, seriousViolations } from '../support/axe.ts';
import { launchBrowser, poll, type TestBrowser } from '../support/browser.ts';
import { bridgeCall, startTestBridge, type TestBridge } from '../support/bridge.ts';
import { pdfLibSample } from '../support/pdf-samples.ts';
import { fixedClock, tempDir } from '../support/temp-profile.ts';

// Issue 13's "Done when", tried as a new clerk would through the UI: this year's plan from the
// default headings, approved; a day's documents filed from their screens; a file closed with its
// dates and totals, its mục lục printed; on the reminder, the handover with its mục lục and biên
// bản, the electronic package built and verified; then the file frozen, every change refused in
// the server's words. axe checks each new screen on the way.
describe('case files (hồ sơ) through the UI', () => {
  // Tuesday 10/03/2026 in Vietnam.
  const clock = fixedClock('2026-03-10T02:00:00Z');
  const scratch = tempDir('vanthu-e2e-casefiles-');
  let bridge: TestBridge;
  let browser: TestBrowser;
  const ids = { first: 0, voided: 0 };
  const SUBJECTS = {
    first: 'V/v hướng dẫn lập danh mục hồ sơ năm 2026',
    second: 'V/v kiểm tra công tác văn thư, lưu trữ năm 2026',
    voided: 'V/v gửi nhầm',
  };

  const nav = (label: string) => browser.page.getByRole('navigation').getByRole('button', { name: label, exact: true }).click();
  const heading = (name: string | RegExp) => browser.page.getByRole('heading', { name, level: 1 }).waitFor();
  const expectAccessible = async (page: Page) => {
    const problems = await seriousViolations(page);
    expect(problems, describeProblems(problems)).toEqual([]);
  };
  // A PDF the page offers as a download, as text.
  const downloadedText = async (page: Page, button: RegExp, name: string): Promise<string> => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    const saved = join(scratch.dir, name);
    await download.saveAs(saved);
    return execFileSync('pdftotext', ['-raw', saved, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  };

  beforeAll(async () => {
    bridge = await startTestBridge({ clock });
    // The day's mail, registered through the API as the registration screens would (their own
    // tests drive them): two incoming documents with PDFs of 2 and 3 pages, one outgoing reply
    // with a 1-page PDF, and a document voided the same day.
    const pdf = async (name: string, pages: number) => ({ name, dataBase64: readFileSync(await pdfLibSample(join(scratch.dir, name), { objectStreams: false, pages })).toString('base64') });
    const incoming = (codeNumber: string, documentDate: string, subject: string, attachments: Array<{ name: string; dataBase64: string }>) =>
      bridgeCall(bridge, 'incoming.register', { issuingAgency: 'UBND thành phố Đà Nẵng', codeNumber, codeNotation: 'UBND-VP', documentDate, documentType: 'Công văn', subject, attachments });
    // Registered in the reverse of their dates: DocOrdinal orders by the document's own date.
    await incoming('45', '2026-03-09', SUBJECTS.second, [await pdf('kiem-tra.pdf', 3)]);
    ids.first = (await incoming('12', '2026-03-02', SUBJECTS.first, [await pdf('huong-dan.pdf', 2)])).id;
    await bridgeCall(bridge, 'outgoing.register', {
        documentType: 'Báo cáo',
        subject: 'Báo cáo công tác văn thư, lưu trữ quý I năm 2026',
        signerName: 'Nguyễn Văn An',
        signerPosition: 'Chủ tịch',
        documentDate: '2026-03-10',
        attachments: [await pdf('bao-cao.pdf', 1)],
      });
    ids.voided = (await incoming('50', '2026-03-10', SUBJECTS.voided, [])).id;
    await bridgeCall(bridge, 'documents.void', { id: ids.voided, reason: 'Gửi nhầm cơ quan' });
    browser = await launchBrowser();
    await browser.page.goto(bridge.pageUrl);
    await heading(/^Hôm nay/);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await bridge?.cleanup();
    scratch.cleanup();
  });

  it('makes this year\'s plan from the default headings, adds files, approves and prints it', async () => {
    const { page } = browser;
    await nav('Hồ sơ');
    await heading('Hồ sơ năm 2026');
    const create = page.getByRole('form', { name: 'Lập danh mục hồ sơ' });
    expect(await create.getByLabel('Các đề mục mặc định của Ủy ban nhân dân xã').isChecked()).toBe(true);
    await create.getByLabel('Cách đánh số hồ sơ').selectOption('plan');
    await create.getByRole('button', { name: 'Lập danh mục hồ sơ' }).click();
    const table = page.getByTestId('plan-table');
    await poll(() => table.locator('.plan__heading--top th').allTextContents()).toEqual([
      'I. TỔNG HỢP (TH)',
      'II. VĂN PHÒNG (VP)',
      'III. NỘI VỤ, TỔ CHỨC CÁN BỘ (NV)',
      'IV. TƯ PHÁP - HỘ TỊCH (TP)',
      'V. ĐỊA CHÍNH - XÂY DỰNG - MÔI TRƯỜNG (ĐC)',
      'VI. TÀI CHÍNH - KẾ TOÁN (TC)',
      'VII. VĂN HÓA - XÃ HỘI (VHXH)',
      'VIII. QUỐC PHÒNG - AN NINH (QPAN)',
    ]);
    expect(await page.getByTestId('plan-state').textContent()).toContain('Chưa phê duyệt');

    // A sub-heading renamed, a new one added under VĂN PHÒNG.
    await table.getByRole('button', { name: 'Sửa đề mục II.3. Thống kê' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên đề mục').fill('Thống kê, báo cáo');
    await dialog.getByLabel('Tên đề mục').press('Enter');
    await page.getByText('Đã sửa đề mục II.3.').waitFor();
    await table.getByRole('button', { name: 'Thêm đề mục nhỏ vào II. VĂN PHÒNG' }).click();
    await dialog.getByLabel('Tên đề mục').fill('Tiếp công dân');
    await dialog.getByRole('button', { name: 'Lưu đề mục' }).click();
    await table.locator('.plan__heading--sub th').getByText('II.4. Tiếp công dân').waitFor();

    // A file: an empty number of years is refused under its box, in the clerk's words.
    await table.getByRole('button', { name: 'Thêm hồ sơ vào II.1. Hành chính, văn thư, lưu trữ' }).click();
    dialog = page.getByRole('dialog', { name: 'Thêm hồ sơ vào danh mục' });
    await dialog.getByLabel('Tiêu đề hồ sơ').fill('Hồ sơ về công tác văn thư, lưu trữ năm 2026');
    await dialog.getByLabel('Thời hạn bảo quản', { exact: true }).selectOption('term');
    await dialog.getByLabel('Người lập hồ sơ').fill('Lê Thị Hoa');
    await dialog.getByRole('button', { name: 'Lưu hồ sơ' }).click();
    await dialog.locator('.field__error').first().waitFor();
    expect(await dialog.getByRole('alert').textContent()).toContain('Thời hạn bảo quản (năm):');
    await dialog.getByLabel('Thời hạn bảo quản (năm)').fill('10');
    await dialog.getByLabel('Ghi chú').fill('Kèm danh mục năm trước');
    await dialog.getByLabel('Ghi chú').press('Control+Enter');
    await page.getByText('Đã thêm hồ sơ 01.VP: Hồ sơ về công tác văn thư, lưu trữ năm 2026.').waitFor();
    // Numbered across the plan: a file added under TỔNG HỢP, before VĂN PHÒNG, takes 01 and moves
    // the other on (the numbers are provisional until approval).
    await table.getByRole('button', { name: 'Thêm hồ sơ vào I. TỔNG HỢP' }).click();
    dialog = page.getByRole('dialog', { name: 'Thêm hồ sơ vào danh mục' });
    await dialog.getByLabel('Tiêu đề hồ sơ').fill('Hồ sơ hội nghị tổng kết năm 2026');
    expect(await dialog.getByLabel('Người lập hồ sơ').inputValue()).toBe('Lê Thị Hoa');
    await dialog.getByLabel('Tiêu đề hồ sơ').press('Enter');
    await page.getByText('Đã thêm hồ sơ 01.TH: Hồ sơ hội nghị tổng kết năm 2026.').waitFor();
    await poll(() => table.locator('tbody tr:not(.plan__heading) td:first-child').allTextContents()).toEqual(['01.TH', '02.VP']);
    expect(await table.getByRole('row').filter({ hasText: '02.VP' }).textContent()).toContain('10 nămLê Thị HoaKèm danh mục năm trướcĐang lập');
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Phê duyệt danh mục…' }).click();
    dialog = page.getByRole('dialog', { name: 'Phê duyệt Danh mục hồ sơ năm 2026' });
    await dialog.getByLabel('Số quyết định').fill('05/QĐ-UBND');
    await dialog.getByLabel('Ngày quyết định').fill('31/02/2026');
    await dialog.getByLabel('Người phê duyệt').fill('Chủ tịch UBND xã');
    await dialog.getByRole('button', { name: 'Phê duyệt' }).click();
    await dialog.locator('.field__error').getByText(/dd\/mm\/yyyy/).waitFor();
    await dialog.getByLabel('Ngày quyết định').fill('05/01/2026');
    await dialog.getByLabel('Ngày quyết định').press('Enter');
    await poll(() => page.getByTestId('plan-state').textContent()).toMatch(/^Đã phê duyệt theo Quyết định số 05\/QĐ-UBND ngày 05\/01\/2026 của Chủ tịch UBND xã\. Danh mục có 2 hồ sơ: 1 vĩnh viễn, 1 có thời hạn\.$/);
    // Approved: the way of numbering is fixed and said, no longer a choice.
    expect(await page.getByLabel('Cách đánh số hồ sơ').count()).toBe(0);
    await page.getByText('Đánh số hồ sơ liên tục trong cả danh mục.').waitFor();

    await page.getByRole('button', { name: 'In danh mục (PDF)' }).click();
    await poll(() => page.getByTestId('plan-printed').textContent(), 30_000).toMatch(/danh-muc-ho-so-2026-.*\.pdf/);
    const plan = await downloadedText(page, /^Tải về danh-muc-ho-so-2026/, 'danh-muc.pdf');
    expect(plan).toContain('DANH MỤC HỒ SƠ');
    expect(plan).toContain('Hồ sơ về công tác văn thư, lưu trữ năm 2026');
    await page.getByRole('button', { name: 'Xuất danh mục (Excel)' }).click();
    await poll(() => page.getByTestId('plan-printed').textContent(), 30_000).toMatch(/danh-muc-ho-so-2026-.*\.xlsx/);
    await browser.screenshot('case-file-plan');
  });

  it('files the day\'s documents from their screens, shows their files in the registers, refuses a void document and a file closed meanwhile', async () => {
    const { page } = browser;
    const panel = page.getByRole('region', { name: 'Hồ sơ' });
    const fileInto = async (subject: string, search: string, notation: string) => {
      await openIncoming(page, subject);
      await panel.getByText('Văn bản chưa thuộc hồ sơ nào.').waitFor();
      await panel.getByLabel('Đưa vào hồ sơ đang lập năm 2026').fill(search);
      await panel.getByRole('button', { name: `Đưa vào Hồ sơ ${notation} năm 2026` }).click();
      await page.getByText(`Đã đưa văn bản vào Hồ sơ ${notation} năm 2026.`).waitFor();
      await panel.getByRole('button', { name: `Hồ sơ ${notation} năm 2026: Hồ sơ về công tác văn thư, lưu trữ năm 2026` }).waitFor();
    };
    // By words of the title, diacritics left out, and by notation.
    await fileInto(SUBJECTS.second, 'van thu', '02.VP');
    await expectAccessible(page);
    await fileInto(SUBJECTS.first, '02.VP', '02.VP');
    // One document in two files (Appendix VI III.4.e).
    await panel.getByLabel('Đưa vào hồ sơ đang lập năm 2026').fill('tong ket');
    await panel.getByRole('button', { name: 'Đưa vào Hồ sơ 01.TH năm 2026' }).click();
    await poll(() => panel.getByRole('list', { name: 'Hồ sơ có văn bản này' }).getByRole('listitem').count()).toBe(2);

    // A void document is refused, in the server's words.
    await openIncoming(page, SUBJECTS.voided);
    await panel.getByLabel('Đưa vào hồ sơ đang lập năm 2026').fill('01.TH');
    await panel.getByRole('button', { name: 'Đưa vào Hồ sơ 01.TH năm 2026' }).click();
    await poll(() => panel.getByTestId('filing-refusal').textContent()).toBe('Không đưa văn bản đến số 3/2026 vào hồ sơ: văn bản đã bị hủy.');

    // The outgoing reply, filed too.
    await nav('Sổ văn bản đi');
    await page.getByRole('heading', { name: 'Sổ văn bản đi', level: 1 }).waitFor();
    await page.locator('.vtable__body [role="row"]').first().click();
    await page.getByRole('heading', { name: /^Văn bản đi/, level: 1 }).waitFor();
    await panel.getByLabel('Đưa vào hồ sơ đang lập năm 2026').fill('02.VP');
    await panel.getByRole('button', { name: 'Đưa vào Hồ sơ 02.VP năm 2026' }).click();
    await page.getByText('Đã đưa văn bản vào Hồ sơ 02.VP năm 2026.').waitFor();

    // The register shows each document's files and filters by one.
    await nav('Sổ văn bản đến');
    const rows = page.locator('.vtable__body [role="row"]');
    await poll(() => rows.count()).toBe(3);
    await page.getByRole('columnheader', { name: 'Hồ sơ' }).waitFor();
    await poll(() => rows.filter({ hasText: 'hướng dẫn lập danh mục' }).textContent()).toContain('01.TH, 02.VP');
    await page.getByLabel('Hồ sơ', { exact: true }).fill('02.');
    await page.getByText('nhập số và ký hiệu hồ sơ, ví dụ 01.VP').waitFor();
    await page.getByLabel('Hồ sơ', { exact: true }).fill('02.vp');
    await poll(() => page.getByTestId('list-count').textContent()).toBe('2 văn bản');
    await page.getByLabel('Hồ sơ', { exact: true }).fill('');
    await poll(() => page.getByTestId('list-count').textContent()).toBe('3 văn bản');
    // A search that is exactly a file's notation lists that file's documents.
    await page.getByLabel('Tìm kiếm (Ctrl+K)').fill('01.TH');
    await poll(() => page.getByTestId('list-count').textContent()).toBe('1 kết quả');
    await page.getByLabel('Tìm kiếm (Ctrl+K)').fill('');

    // A file closed elsewhere (the CLI, another window) while it was on offer: refused with the
    // server's reason, then no longer offered.
    await openIncoming(page, SUBJECTS.second);
    await panel.getByLabel('Đưa vào hồ sơ đang lập năm 2026').fill('01.TH');
    const offer = panel.getByRole('button', { name: 'Đưa vào Hồ sơ 01.TH năm 2026' });
    await offer.waitFor();
    const th = (await bridgeCall(bridge, 'caseFiles.list', { year: 2026, query: '01.TH' }))[0];
    await bridgeCall(bridge, 'caseFiles.close', { id: th?.id ?? 0 });
    await offer.click();
    await poll(() => panel.getByTestId('filing-refusal').textContent()).toBe('Hồ sơ 01.TH năm 2026 đã kết thúc: hãy mở lại hồ sơ trước khi thay đổi.');
    await offer.waitFor({ state: 'detached' });
    await bridgeCall(bridge, 'caseFiles.reopen', { id: th?.id ?? 0, reason: 'Còn văn bản của hội nghị' });
  });

  it('shows the file in DocOrdinal order, closes it with its dates and totals, prints its mục lục, reopens it', async () => {
    const { page } = browser;
    await nav('Hồ sơ');
    await page.getByTestId('plan-table').getByRole('button', { name: 'Hồ sơ về công tác văn thư, lưu trữ năm 2026' }).click();
    await heading(/^Hồ sơ 02\.VP năm 2026/);
    const docs = page.getByTestId('filed-documents').locator('tbody tr');
    await poll(() => docs.count()).toBe(3);
    expect((await docs.allTextContents()).map((t) => t.slice(0, 30))).toEqual([
      expect.stringMatching(/^112\/UBND-VP02\/03\/2026/),
      expect.stringMatching(/^245\/UBND-VP09\/03\/2026/),
      expect.stringMatching(/^301\/BC-UBND10\/03\/2026/),
    ]);
    // Pages within the file, as the mục lục lists them: 1–2, 3–5, 6.
    expect(await docs.locator('td:nth-child(6)').allTextContents()).toEqual(['1–2', '3–5', '6']);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Kết thúc hồ sơ…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Kết thúc Hồ sơ 02.VP năm 2026' });
    await poll(() => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document.activeElement?.textContent)).toBe('Thôi (Esc)');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Kết thúc hồ sơ' }).click();
    await page.getByText('Đã kết thúc Hồ sơ 02.VP năm 2026: Từ 02/03/2026 đến 10/03/2026, 3 văn bản, 6 trang. Hạn nộp lưu: 10/03/2027.').waitFor();
    const facts = page.getByTestId('case-file-facts');
    expect(await facts.textContent()).toContain('Tổng số văn bản3');
    expect(await facts.textContent()).toContain('Tổng số trang6');
    expect(await page.getByRole('button', { name: 'Kết thúc hồ sơ…' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Rút khỏi hồ sơ/ }).count()).toBe(0);

    await page.getByRole('button', { name: 'In mục lục văn bản' }).click();
    await poll(() => page.getByTestId('contents-printed').textContent(), 30_000).toMatch(/muc-luc-van-ban-2026-02\.VP-.*\.pdf/);
    const contents = await downloadedText(page, /^Tải về muc-luc-van-ban/, 'muc-luc.pdf');
    expect(contents).toContain('MỤC LỤC VĂN BẢN');
    expect(contents).toContain(SUBJECTS.first);
    await browser.screenshot('case-file');

    // Reopened with a reason, then closed again.
    await page.getByRole('button', { name: 'Mở lại hồ sơ…' }).click();
    const reopen = page.getByRole('dialog', { name: 'Mở lại Hồ sơ 02.VP năm 2026' });
    await reopen.getByLabel('Lý do mở lại').fill('Bổ sung văn bản còn thiếu');
    await reopen.getByRole('button', { name: 'Mở lại hồ sơ' }).click();
    await page.getByText('Đã mở lại Hồ sơ 02.VP năm 2026.').waitFor();
    await page.getByRole('button', { name: 'Kết thúc hồ sơ…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Kết thúc hồ sơ' }).click();
    await page.getByText(/^Đã kết thúc Hồ sơ 02\.VP năm 2026/).waitFor();
  });

  it('reminds of the file 30 days before it is due, hands it over, prints the forms, builds and verifies the package', async () => {
    const { page } = browser;
    // 18 days before the handover is due (10/03/2027).
    clock.set('2027-02-20T02:00:00Z');
    await nav('Hôm nay');
    const due = page.getByTestId('today-handovers');
    await due.getByRole('button', { name: 'Hồ sơ 02.VP năm 2026: Hồ sơ về công tác văn thư, lưu trữ năm 2026' }).waitFor();
    expect(await due.textContent()).toContain('Hạn nộp lưu 10/03/2027 (còn 18 ngày)');
    await expectAccessible(page);
    await due.getByRole('button', { name: /^Hồ sơ 02\.VP năm 2026/ }).click();
    await heading(/^Hồ sơ 02\.VP năm 2026/);

    await page.getByRole('button', { name: 'Về danh mục năm 2026' }).click();
    await heading('Hồ sơ năm 2026');
    // Last year's plan, from a window whose today is 2027: still the Hồ sơ screen in the sidebar.
    expect(await page.getByRole('navigation').getByRole('button', { name: 'Hồ sơ', exact: true }).getAttribute('aria-current')).toBe('page');
    await page.getByRole('button', { name: 'Lập lần nộp lưu mới…' }).click();
    const form = page.getByRole('form', { name: 'Nộp lưu hồ sơ' });
    await form.getByLabel('02.VP — Hồ sơ về công tác văn thư, lưu trữ năm 2026').check();
    await form.getByLabel(/^Người giao/).fill('Lê Thị Hoa');
    await form.getByLabel('Chức vụ người giao').fill('Văn thư');
    await form.getByLabel(/^Người nhận/).fill('Trần Văn Lưu');
    await form.getByLabel('Chức vụ người nhận').fill('Công chức phụ trách lưu trữ');
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Nộp lưu 1 hồ sơ' }).click();
    await heading(/^Lần nộp lưu \d+: hồ sơ năm 2026$/);
    expect(await page.getByTestId('handover-files').textContent()).toContain('02.VP');

    await page.getByRole('button', { name: 'In mục lục hồ sơ nộp lưu' }).click();
    await poll(() => page.getByTestId('handover-printed').textContent(), 30_000).toMatch(/muc-luc-ho-so-nop-luu-.*\.pdf/);
    expect(await downloadedText(page, /^Tải về muc-luc-ho-so-nop-luu/, 'muc-luc-nop-luu.pdf')).toContain('Hồ sơ về công tác văn thư, lưu trữ năm 2026');
    await page.getByRole('button', { name: 'In biên bản giao nhận' }).click();
    await poll(() => page.getByTestId('handover-printed').textContent(), 30_000).toMatch(/bien-ban-giao-nhan-.*\.pdf/);
    const record = await downloadedText(page, /^Tải về bien-ban-giao-nhan/, 'bien-ban.pdf');
    expect(record).toContain('BIÊN BẢN');
    expect(record).toContain('Trần Văn Lưu');

    await page.getByRole('button', { name: 'Lập gói nộp lưu điện tử' }).click();
    await poll(() => page.getByTestId('package-written').textContent(), 60_000).toMatch(/^Đã lập gói nộp lưu: 1 hồ sơ, 3 văn bản/);
    expect(await page.getByTestId('package-written-check').textContent()).toMatch(/^Kiểm tra ngay khi lập: gói hợp lệ — 1 hồ sơ, 3 văn bản/);
    await page.getByRole('button', { name: 'Kiểm tra gói' }).click();
    await poll(() => page.getByTestId('package-check').textContent(), 30_000).toMatch(/^Kiểm tra lại gói: gói hợp lệ — 1 hồ sơ, 3 văn bản, \d+ tệp đã đối chiếu mã SHA-256\.$/);
    await expectAccessible(page);
    await browser.screenshot('handover');
  });

  it('shows the file frozen and refuses every change with a clear message', async () => {
    const { page } = browser;
    await page.getByTestId('handover-files').getByRole('button', { name: 'Hồ sơ về công tác văn thư, lưu trữ năm 2026' }).click();
    await heading(/^Hồ sơ 02\.VP năm 2026/);
    await poll(() => page.getByTestId('frozen-notice').textContent()).toMatch(/^Hồ sơ 02\.VP năm 2026 đã nộp lưu vào Lưu trữ cơ quan ngày 20\/02\/2027/);
    for (const edit of ['Sửa thông tin hồ sơ…', 'Kết thúc hồ sơ…', 'Mở lại hồ sơ…']) expect(await page.getByRole('button', { name: edit }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Rút khỏi hồ sơ/ }).count()).toBe(0);
    await expectAccessible(page);

    // From a document of the file: withdrawing is refused, and so is a correction.
    await page.getByTestId('filed-documents').getByRole('button', { name: new RegExp(SUBJECTS.first.slice(4)) }).click();
    await heading(/^Văn bản đến số 2\/2026/);
    const panel = page.getByRole('region', { name: 'Hồ sơ' });
    await panel.getByRole('button', { name: 'Rút khỏi Hồ sơ 02.VP năm 2026' }).click();
    await poll(() => panel.getByTestId('filing-refusal').textContent()).toMatch(
      /^Hồ sơ 02\.VP năm 2026 đã nộp lưu vào Lưu trữ cơ quan ngày 20\/02\/2027: hồ sơ và các văn bản trong hồ sơ không được thay đổi/,
    );
    await page.getByRole('button', { name: 'Sửa thông tin' }).click();
    const edit = page.getByRole('form', { name: 'Sửa thông tin văn bản' });
    await edit.getByLabel('Trích yếu').fill('V/v sửa sau khi nộp lưu');
    await edit.getByLabel('Trích yếu').press('Enter');
    await poll(() => edit.getByRole('alert').textContent()).toContain('đã nộp lưu vào Lưu trữ cơ quan');
    expect((await bridgeCall(bridge, 'documents.get', { id: ids.first })).subject).toBe(SUBJECTS.first);
    // Its other file is not handed over: withdrawing from it still works.
    await edit.getByLabel('Trích yếu').press('Escape');
    await edit.waitFor({ state: 'detached' });
    await panel.getByRole('button', { name: 'Rút khỏi Hồ sơ 01.TH năm 2026' }).click();
    await page.getByText('Đã rút văn bản khỏi Hồ sơ 01.TH năm 2026.').waitFor();
    const audit = await bridgeCall(bridge, 'audit.list', { limit: 20 });
    expect(audit.filter((e) => e.action === 'caseFile.frozen.refused').length).toBeGreaterThanOrEqual(2);
    expect(browser.problems).toEqual([]);
  });
});

// A document of the incoming register, opened from its row.
async function openIncoming(page: Page, subject: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: 'Sổ văn bản đến', exact: true }).click();
  await page.getByRole('heading', { name: 'Sổ văn bản đến', level: 1 }).waitFor();
  await page.locator('.vtable__body [role="row"]').filter({ hasText: subject }).click();
  await page.getByRole('heading', { name: /^Văn bản đến số/, level: 1 }).waitFor();
}
