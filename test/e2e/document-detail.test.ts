import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incomingInput } from '../../src/shared/api/schemas/documents.ts';
import { registerIncoming } from '../../src/main/registry/incoming.ts';
import { launchBrowser, poll, type TestBrowser } from '../support/browser.ts';
import { startTestBridge, type TestBridge } from '../support/bridge.ts';
import { fixedClock, tempDir } from '../support/temp-profile.ts';
import { openIncomingRegister } from '../support/open-register.ts';

describe('the document screen: corrections and attachments', () => {
  let bridge: TestBridge;
  let browser: TestBrowser;
  const downloads = tempDir('vanthu-e2e-downloads-');

  beforeAll(async () => {
    bridge = await startTestBridge({
      clock: fixedClock('2026-03-10T02:00:00Z'),
      seed: (p) =>
        void registerIncoming(
          p,
          incomingInput.parse({
            issuingAgency: 'Sở Tài chính',
            codeNumber: '21',
            codeNotation: 'STC-NS',
            documentDate: '2026-03-06',
            documentType: 'Công văn',
            subject: 'V/v hướng dẫn dự toán',
          }),
        ),
    });
    browser = await launchBrowser();
    await browser.page.goto(bridge.pageUrl);
    await openIncomingRegister(browser.page);
    await browser.page.locator('.vtable__body [role="row"]').first().click();
    await browser.page.getByRole('heading', { name: /Văn bản đến số 1\/2026/ }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.cleanup();
    downloads.cleanup();
  });

  const focusedId = () => browser.page.locator(':focus').getAttribute('id');

  it('words an emptied date for the clerk, and Esc leaves the form without saving', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Sửa thông tin' }).click();
    const form = page.getByRole('form', { name: 'Sửa thông tin văn bản' });
    const date = form.getByLabel('Ngày văn bản');
    await date.fill('');
    await date.press('Enter');
    await form.locator('.field__error').getByText('không được để trống').waitFor();
    expect(await form.getByRole('alert').textContent()).toContain('Ngày văn bản: không được để trống');
    expect(await form.textContent()).not.toContain('YYYY-MM-DD');

    await date.press('Escape');
    await form.waitFor({ state: 'detached' });
    expect(await page.locator('.fields').textContent()).toContain('06/03/2026');
    // The form's buttons went with it; the focus is on the heading rather than nowhere.
    await poll(focusedId).toBe('screen-title');
  });

  it('corrects the metadata, with the server\'s message for an emptied field', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Sửa thông tin' }).click();
    const form = page.getByRole('form', { name: 'Sửa thông tin văn bản' });
    const subject = form.getByLabel('Trích yếu');
    await subject.fill('   ');
    await subject.press('Enter');
    await form.locator('.field__error').getByText('không được để trống').waitFor();
    expect(await subject.getAttribute('aria-invalid')).toBe('true');

    await subject.fill('V/v hướng dẫn lập dự toán ngân sách năm 2026');
    await form.getByLabel('Ghi chú').fill('Đã chuyển bản giấy cho Phòng Kinh tế');
    await subject.press('Enter');
    await page.getByText('Đã lưu sửa đổi.').waitFor();
    const fields = await page.locator('.fields').textContent();
    expect(fields).toContain('V/v hướng dẫn lập dự toán ngân sách năm 2026');
    expect(fields).toContain('Đã chuyển bản giấy cho Phòng Kinh tế');
    await page.locator('.timeline').getByText('Sửa thông tin văn bản').waitFor();
    await poll(focusedId).toBe('screen-title');
  });

  it('attaches a file and downloads the same bytes again', async () => {
    const { page } = browser;
    const content = Buffer.from('%PDF-1.4\n% Công văn hướng dẫn dự toán\n');
    await page.getByLabel('Thêm văn bản kèm theo').setInputFiles({ name: 'cong-van-21.pdf', mimeType: 'application/pdf', buffer: content });
    await page.getByRole('button', { name: 'Đính kèm', exact: true }).click();
    await page.getByText('Đã đính kèm 1 tệp.').waitFor();
    const row = page.getByRole('row').filter({ hasText: 'cong-van-21.pdf' });
    expect(await row.textContent()).toContain(`${content.length} B`);
    expect(await row.textContent()).toContain('Có');
    await browser.screenshot('document-attachments');

    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'Tải về' }).click()]);
    expect(download.suggestedFilename()).toBe('cong-van-21.pdf');
    const saved = join(downloads.dir, 'cong-van-21.pdf');
    await download.saveAs(saved);
    expect(readFileSync(saved).equals(content)).toBe(true);
  });

  it('keeps a half-typed assignment while files are attached, and attaches each file once', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Ghi ý kiến chỉ đạo' }).click();
    const panel = page.getByRole('form', { name: 'Ý kiến chỉ đạo' });
    await panel.getByLabel('Cá nhân (chủ trì)').fill('Lê Văn Cường');
    const table = page.locator('#attachments-title ~ table tbody tr');
    expect(await table.count()).toBe(1);

    // The empty file is refused by the server: the one before it is attached and listed, the
    // refused one and the one after it stay chosen.
    await page.getByLabel('Thêm văn bản kèm theo').setInputFiles([
      { name: 'phu-luc-1.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% Phụ lục 1\n') },
      { name: 'rong.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
      { name: 'phu-luc-2.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% Phụ lục 2\n') },
    ]);
    await page.getByRole('button', { name: 'Đính kèm', exact: true }).click();
    await page.getByText(/^Đã đính kèm 1 tệp\. Tệp "rong\.txt" chưa đính kèm được: /).waitFor();
    await poll(() => table.count()).toBe(2);
    expect(await page.locator('.file-list li').allTextContents()).toEqual(['rong.txt (0 B)', 'phu-luc-2.pdf (25 B)']);
    expect(await panel.getByLabel('Cá nhân (chủ trì)').inputValue()).toBe('Lê Văn Cường');

    await page.getByLabel('Thêm văn bản kèm theo').setInputFiles({ name: 'phu-luc-2.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% Phụ lục 2\n') });
    await page.getByRole('button', { name: 'Đính kèm', exact: true }).click();
    await page.getByText('Đã đính kèm 1 tệp.', { exact: true }).waitFor();
    await poll(() => table.allTextContents()).toEqual([
      expect.stringContaining('cong-van-21.pdf'),
      expect.stringContaining('phu-luc-1.pdf'),
      expect.stringContaining('phu-luc-2.pdf'),
    ]);
    expect(await panel.getByLabel('Cá nhân (chủ trì)').inputValue()).toBe('Lê Văn Cường');
    expect(browser.problems).toEqual([]);
  });
});
