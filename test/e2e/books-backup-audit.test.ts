import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incomingInput } from '../../src/shared/api/schemas/documents.ts';
import { registerIncoming } from '../../src/main/registry/incoming.ts';
import { launchBrowser, poll, type TestBrowser } from '../support/browser.ts';
import { startTestBridge, type TestBridge } from '../support/bridge.ts';
import { fixedClock, tempDir } from '../support/temp-profile.ts';

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
    await browser.page.getByRole('heading', { name: 'Sổ văn bản đến' }).waitFor();
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
    await form.getByRole('button', { name: 'Xuất sổ' }).click();
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

  it('makes a backup and restores it, keeping the current data aside', async () => {
    const { page } = browser;
    await nav('Sao lưu');
    await page.getByRole('button', { name: 'Sao lưu ngay' }).click();
    await page.getByText(/^Đã sao lưu vào .*\.vtbak/).waitFor();
    const rows = page.getByTestId('backup-table').locator('tbody tr');
    await poll(() => rows.count()).toBe(1);
    await browser.screenshot('backup');

    await rows.first().getByRole('button', { name: 'Khôi phục' }).click();
    const dialog = page.getByRole('dialog', { name: 'Khôi phục bản sao lưu' });
    await dialog.getByText('Dữ liệu hiện tại không bị xóa').waitFor();
    await dialog.getByRole('button', { name: 'Khôi phục', exact: true }).click();
    await page.getByText(/Dữ liệu trước khi khôi phục được giữ ở /).waitFor();
    await nav('Sổ văn bản đến');
    // The list keeps its filters (year 2025) while the clerk moves around; show every year.
    await page.getByLabel('Năm').selectOption('');
    await poll(() => page.getByTestId('list-count').textContent()).toBe('3 văn bản');
  });

  it('verifies the audit chain and checks the data', async () => {
    const { page } = browser;
    await nav('Nhật ký');
    const table = page.getByTestId('audit-table');
    await table.getByText('Vào sổ văn bản đến').first().waitFor();
    await page.getByRole('button', { name: 'Kiểm tra nhật ký' }).click();
    await poll(() => page.getByTestId('check-result').textContent()).toMatch(/^Nhật ký toàn vẹn: \d+ mục/);
    await page.getByRole('button', { name: 'Kiểm tra dữ liệu' }).click();
    await poll(() => page.getByTestId('check-result').textContent()).toMatch(/^Dữ liệu tốt/);
    await browser.screenshot('audit');
    expect(browser.problems).toEqual([]);
  });
});
