import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incomingInput } from '../../src/shared/api/schemas/documents.ts';
import { registerIncoming } from '../../src/main/registry/incoming.ts';
import { holdRequests, launchBrowser, poll, type TestBrowser } from '../support/browser.ts';
import { bridgeCall, startTestBridge, type TestBridge } from '../support/bridge.ts';
import { fixedClock, tempDir } from '../support/temp-profile.ts';
import { openIncomingRegister } from '../support/open-register.ts';

const HEADER = 'Ngày đến,Số đến,Tác giả,"Số, ký hiệu",Ngày tháng văn bản,Tên loại và trích yếu,Đơn vị hoặc người nhận,Ngày chuyển,Ký nhận,Ghi chú';
const GOOD_ROWS = [
  '06/01/2025,1,UBND thành phố Đà Nẵng,02/KH-UBND,03/01/2025,Kế hoạch công tác phòng cháy chữa cháy năm 2025,Văn phòng,06/01/2025,Lan,',
  '08/01/2025,2,Sở Tài chính,15/STC-NS,06/01/2025,Công văn V/v hướng dẫn thực hiện dự toán ngân sách 2025,Phòng Kinh tế,08/01/2025,Hùng,',
];
const BAD_ROW = '10/01/2025,3,Công an thành phố Đà Nẵng,11/TB-CAT,31/02/2025,Thông báo về việc tăng cường phòng chống tội phạm,Công an xã,10/01/2025,Đức,';

describe('print/export, import, backup and the audit log', () => {
  let bridge: TestBridge;
  let browser: TestBrowser;
  const files = tempDir('vanthu-e2e-files-');
  const nav = (label: string) => browser.page.getByRole('navigation').getByRole('button', { name: label, exact: true }).click();

  beforeAll(async () => {
    bridge = await startTestBridge({
      clock: fixedClock('2026-03-10T02:00:00Z'),
      seed: (p) =>
        void registerIncoming(
          p,
          incomingInput.parse({
            issuingAgency: 'UBND tỉnh Đồng Nai',
            codeNumber: '15',
            codeNotation: 'QĐ-UBND',
            documentDate: '2026-03-05',
            documentType: 'Quyết định',
            subject: 'Về việc thành lập đoàn kiểm tra',
          }),
        ),
    });
    browser = await launchBrowser();
    await browser.page.goto(bridge.pageUrl);
    await openIncomingRegister(browser.page);
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.cleanup();
    files.cleanup();
  });

  it('exports the incoming register to PDF and downloads it through the bridge', async () => {
    const { page } = browser;
    await nav('In, xuất, nhập sổ');
    const form = page.getByRole('form', { name: 'Xuất sổ' });
    expect(await form.getByLabel('Năm').inputValue()).toBe('2026');
    // Ctrl+Enter exports from anywhere in the form, the format drop-down included.
    await form.getByLabel('Định dạng').press('Control+Enter');
    const result = page.getByTestId('export-result');
    await poll(() => result.textContent(), 30_000).toMatch(/Đã lưu 1 dòng .* vào tệp .*so-van-ban-den-2026-.*\.pdf/);
    await browser.screenshot('books-export');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Tải về / }).click()]);
    const saved = join(files.dir, download.suggestedFilename());
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The bridge cannot open files on the desktop; the page says what to do instead.
    await page.getByRole('button', { name: 'Mở', exact: true }).click();
    await page.getByText('Không mở được tệp bằng chương trình của máy').waitFor();
  });

  it('ties the check to the file and register it was made for', async () => {
    const { page } = browser;
    const good = join(files.dir, 'so-den-2025-kiem-tra.csv');
    writeFileSync(good, [HEADER, ...GOOD_ROWS].join('\n'));
    const panel = page.getByRole('region', { name: 'Nhập sổ từ Excel hoặc CSV' });
    const kind = panel.getByLabel('Loại sổ');
    const picker = panel.getByLabel('Tệp sổ (.xlsx, .csv)');
    const importButton = page.getByRole('button', { name: 'Nhập 2 dòng' });

    await picker.setInputFiles(good);
    const checks = await holdRequests(page, 'books.import');
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await poll(() => checks.held.length).toBe(1);
    // Neither the file nor the register can change under a check that is running.
    expect(await kind.isDisabled()).toBe(true);
    expect(await picker.isDisabled()).toBe(true);
    await checks.release();
    await importButton.waitFor();

    // The report was for the incoming register: for the outgoing one it no longer holds.
    await kind.selectOption('outgoing');
    await importButton.waitFor({ state: 'detached' });
    expect(await page.getByTestId('import-report').count()).toBe(0);
    await kind.selectOption('incoming');
    expect(await importButton.count()).toBe(0);
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await importButton.waitFor();

    // Nor for another file.
    await picker.setInputFiles({ name: 'so-den-khac.csv', mimeType: 'text/csv', buffer: Buffer.from([HEADER, BAD_ROW].join('\n')) });
    await importButton.waitFor({ state: 'detached' });
    expect(await page.getByTestId('import-report').count()).toBe(0);
  });

  it('checks an import first, refuses one with errors, and imports a clean file', async () => {
    const { page } = browser;
    const bad = join(files.dir, 'so-den-2025-co-loi.csv');
    const good = join(files.dir, 'so-den-2025.csv');
    writeFileSync(bad, [HEADER, ...GOOD_ROWS, BAD_ROW].join('\n'));
    writeFileSync(good, [HEADER, ...GOOD_ROWS].join('\n'));
    const report = page.getByTestId('import-report');

    await page.getByLabel('Tệp sổ (.xlsx, .csv)').setInputFiles(bad);
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await report.getByText(/Kiểm tra xong: 1 lỗi trong 3 dòng/).waitFor();
    expect(await report.locator('tbody tr').first().textContent()).toContain('Ngày tháng văn bản');
    expect(await page.getByRole('button', { name: 'Nhập', exact: true }).isDisabled()).toBe(true);
    await browser.screenshot('books-import-errors');

    await page.getByLabel('Tệp sổ (.xlsx, .csv)').setInputFiles(good);
    await page.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await report.getByText('Kiểm tra xong: 2/2 dòng hợp lệ.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Nhập 2 dòng' }).click();
    await report.getByText('Đã nhập 2 dòng vào sổ năm 2025.').waitFor();

    await nav('Sổ văn bản đến');
    await page.getByLabel('Năm').selectOption('2025');
    await poll(() => page.getByTestId('list-count').textContent()).toBe('2 văn bản');
  });

  it('makes a backup and restores it: what was registered after it is gone, kept aside with the data before', async () => {
    const { page } = browser;
    await nav('Sao lưu');
    await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
    await page.getByText(/^Đã sao lưu vào .*\.vtbak/).waitFor();
    const rows = page.getByTestId('backup-table').locator('tbody tr');
    await poll(() => rows.count()).toBe(1);
    await browser.screenshot('backup');

    // Registered after the backup: the restore must take it out of the register in use.
    const late = await bridgeCall(bridge, 'incoming.register', {
      issuingAgency: 'Sở Xây dựng',
      codeNumber: '77',
      codeNotation: 'SXD-QLN',
      documentDate: '2026-03-09',
      documentType: 'Công văn',
      subject: 'V/v kiểm tra nhà ở sau bão',
    });
    const hasLate = async () => (await bridgeCall(bridge, 'documents.list', { direction: 'incoming' })).rows.some((d) => d.id === late.id);
    expect(await hasLate()).toBe(true);

    await rows.first().getByRole('button', { name: 'Khôi phục' }).click();
    const dialog = page.getByRole('dialog', { name: 'Khôi phục bản sao lưu' });
    await dialog.getByText('Dữ liệu hiện tại không bị xóa').waitFor();
    const restores = await holdRequests(page, 'backup.restore');
    await dialog.getByRole('button', { name: 'Khôi phục', exact: true }).click();
    await poll(() => restores.held.length).toBe(1);
    // While the data is being replaced the dialog stays: Esc and "Thôi" do nothing.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole('button', { name: 'Thôi (Esc)' }).isDisabled()).toBe(true);
    await restores.release();

    await page.getByText(/^Đã khôi phục từ .*\.vtbak\. Dữ liệu trước khi khôi phục được giữ ở .+\.$/).waitFor();
    await dialog.waitFor({ state: 'detached' });
    expect(await hasLate()).toBe(false);
    await nav('Sổ văn bản đến');
    // The list keeps its filters (year 2025) while the clerk moves around; show every year.
    await page.getByLabel('Năm').selectOption('');
    await poll(() => page.getByTestId('list-count').textContent()).toBe('3 văn bản');
    expect(await page.locator('.vtable__body').textContent()).not.toContain('Sở Xây dựng');
  });

  it('verifies the audit chain and checks the data', async () => {
    const { page } = browser;
    await nav('Nhật ký');
    const table = page.getByTestId('audit-table');
    await table.getByText('Vào sổ văn bản đến').first().waitFor();
    // What each entry is about, in words: no table names, no database ids.
    const subjects = await table.locator('tbody tr td:nth-child(5)').allTextContents();
    expect(subjects).toEqual(expect.arrayContaining([expect.stringMatching(/^Văn bản đến số 1\/2026/), expect.stringMatching(/^Bản sao lưu .*\.vtbak$/)]));
    expect(subjects.join('\n')).not.toMatch(/document|backup|register|mã \d/);
    await page.getByRole('button', { name: 'Kiểm tra nhật ký' }).click();
    await poll(() => page.getByTestId('check-result').textContent()).toMatch(/^Nhật ký toàn vẹn: \d+ mục/);
    await page.getByRole('button', { name: 'Kiểm tra dữ liệu' }).click();
    await poll(() => page.getByTestId('check-result').textContent()).toMatch(/^Dữ liệu tốt/);
    await browser.screenshot('audit');
    expect(browser.problems).toEqual([]);
  });
});
