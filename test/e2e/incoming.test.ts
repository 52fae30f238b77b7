import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incomingInput } from '../../src/shared/api/schemas/documents.ts';
import { registerIncoming } from '../../src/main/registry/incoming.ts';
import { launchBrowser, poll, type TestBrowser } from '../support/browser.ts';
import { bridgeCall, startTestBridge, type TestBridge } from '../support/bridge.ts';
import { fixedClock, tempDir } from '../support/temp-profile.ts';
import { openIncomingRegister } from '../support/open-register.ts';

const activeName = (b: TestBrowser) => b.page.locator(':focus').getAttribute('name');

describe('Vào sổ văn bản đến through the form', () => {
  let bridge: TestBridge;
  let browser: TestBrowser;
  const files = tempDir('vanthu-e2e-incoming-files-');

  beforeAll(async () => {
    bridge = await startTestBridge({
      clock: fixedClock('2026-03-10T02:00:00Z'),
      // Another agency's document, which a search for "dong nai" must not find.
      seed: (p) =>
        void registerIncoming(
          p,
          incomingInput.parse({
            issuingAgency: 'Sở Nội vụ tỉnh Bình Dương',
            codeNumber: '7',
            codeNotation: 'SNV-VP',
            documentDate: '2026-03-01',
            documentType: 'Công văn',
            subject: 'Về việc báo cáo công tác văn thư năm 2025',
            arrivalDate: '2026-03-02',
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

  it('shows the server\'s messages for a bad date and an empty subject, then registers on Enter', async () => {
    const { page } = browser;
    // In a browser only Alt+N reaches the page (Ctrl+N opens a window), so that is what is shown.
    expect(await page.getByRole('navigation').getByRole('button', { name: /Vào sổ văn bản đến/ }).locator('kbd').textContent()).toBe('Alt+N');
    await page.keyboard.press('Control+n');
    await page.getByRole('heading', { name: 'Vào sổ văn bản đến' }).waitFor();
    await poll(() => activeName(browser)).toBe('issuingAgency');
    // Left empty, Ngày đến is the server's today when the document is registered.
    expect(await page.getByLabel('Ngày đến').inputValue()).toBe('');
    await page.keyboard.type('UBND tỉnh Đồng Nai');
    await page.keyboard.press('Tab');
    await page.keyboard.type('15');
    await page.keyboard.press('Tab');
    await page.keyboard.type('QĐ-UBND');
    await page.keyboard.press('Tab');
    await page.keyboard.type('31/02/2026');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Quyết định');
    await page.keyboard.press('Tab');
    expect(await activeName(browser)).toBe('subject');
    await page.keyboard.press('Enter');

    await page.getByText('Chưa lưu được. Kiểm tra các ô được đánh dấu:').waitFor();
    const date = page.getByLabel('Ngày văn bản');
    const subject = page.getByLabel('Trích yếu');
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    expect(await subject.getAttribute('aria-invalid')).toBe('true');
    await poll(() => page.locator('.field--invalid .field__error').allTextContents()).toEqual([
      'không phải ngày hợp lệ — nhập dạng dd/mm/yyyy, ví dụ 05/03/2026',
      'không được để trống',
    ]);
    expect(await page.getByTestId('saved-incoming').count()).toBe(0);
    await browser.screenshot('incoming-form-errors');

    await date.fill('05/03/2026');
    await subject.fill('Về việc thành lập đoàn kiểm tra công tác văn thư, lưu trữ');
    await page.getByLabel('Độ khẩn').selectOption('khan');
    await subject.press('Enter');
    await poll(() => page.getByTestId('saved-incoming').textContent()).toBe('Đã vào sổ: số đến 2/2026');
    expect(await page.locator('.field--invalid').count()).toBe(0);
    await browser.screenshot('incoming-saved');
  });

  it('says so when a chosen file can no longer be read, and can be saved again', async () => {
    const { page } = browser;
    const path = join(files.dir, 'cong-van-da-xoa.pdf');
    writeFileSync(path, '%PDF-1.4\n');
    await page.getByLabel('Cơ quan ban hành').fill('Sở Tư pháp');
    await page.locator('input[name="codeNumber"]').fill('40');
    await page.getByLabel('Ký hiệu').fill('STP-HCTP');
    await page.getByLabel('Ngày văn bản').fill('06/03/2026');
    await page.getByLabel('Loại văn bản').fill('Công văn');
    await page.getByLabel('Trích yếu').fill('V/v rà soát văn bản quy phạm pháp luật');
    await page.getByLabel('Văn bản kèm theo').setInputFiles(path);
    rmSync(path);
    await page.getByLabel('Trích yếu').press('Enter');
    await page.getByText('Không đọc được tệp "cong-van-da-xoa.pdf"', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Vào sổ (Enter)' }).waitFor();
    expect(await page.getByTestId('saved-incoming').textContent()).toBe('Đã vào sổ: số đến 2/2026');
    expect((await bridgeCall(bridge, 'documents.list', { direction: 'incoming' })).total).toBe(2);
    await page.getByLabel('Văn bản kèm theo').setInputFiles([]);
  });

  it('asks before Ctrl+N drops typed input, and starts an empty form when told to', async () => {
    const { page } = browser;
    const agency = page.getByLabel('Cơ quan ban hành');
    await page.keyboard.press('Control+n');
    const dialog = page.getByRole('dialog', { name: 'Bỏ nội dung chưa lưu?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Ở lại (Esc)' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await agency.inputValue()).toBe('Sở Tư pháp');

    await page.keyboard.press('Alt+n');
    await dialog.getByRole('button', { name: 'Bỏ nội dung và chuyển đi' }).click();
    await poll(() => agency.inputValue()).toBe('');
    expect(await page.getByLabel('Trích yếu').inputValue()).toBe('');
    // A form with nothing typed is left without asking.
    await page.getByRole('navigation').getByRole('button', { name: 'Sổ văn bản đến', exact: true }).click();
    await page.getByRole('heading', { name: 'Sổ văn bản đến' }).waitFor();
    await page.keyboard.press('Alt+n');
    await page.getByRole('heading', { name: 'Vào sổ văn bản đến' }).waitFor();
    expect(await dialog.count()).toBe(0);
  });

  it('warns of a duplicate before saving and registers anyway when asked', async () => {
    const { page } = browser;
    await page.getByLabel('Cơ quan ban hành').fill('UBND tỉnh Đồng Nai');
    await page.locator('input[name="codeNumber"]').fill('15');
    await page.getByLabel('Ký hiệu').fill('qđ-ubnd');
    const warning = page.getByTestId('duplicate-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Số đến 2/2026 — 15/QĐ-UBND, UBND tỉnh Đồng Nai');
    await page.getByLabel('Ngày văn bản').fill('05/03/2026');
    await page.getByLabel('Loại văn bản').fill('Quyết định');
    await page.getByLabel('Trích yếu').fill('Về việc thành lập đoàn kiểm tra (bản điện tử)');
    await browser.screenshot('incoming-duplicate');
    await page.getByRole('button', { name: 'Vẫn vào sổ' }).click();
    await poll(() => page.getByTestId('saved-incoming').textContent()).toBe('Đã vào sổ: số đến 3/2026');
    expect(await warning.count()).toBe(0);
  });

  it('finds "Đồng Nai" when searching "dong nai" without diacritics', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Sổ văn bản đến', exact: true }).click();
    await poll(() => page.getByTestId('list-count').textContent()).toBe('3 văn bản');
    // The columns of the printed register (Appendix IV): Ngày đến, then Số đến.
    expect((await page.getByRole('columnheader').allTextContents()).slice(0, 2)).toEqual(['Ngày đến', 'Số đến']);
    await page.keyboard.press('Control+k');
    await poll(() => page.locator(':focus').getAttribute('type')).toBe('search');
    await page.keyboard.type('dong nai');
    await poll(() => page.getByTestId('list-count').textContent()).toBe('2 kết quả');
    const rows = page.locator('.vtable__body [role="row"]');
    await poll(() => rows.count()).toBe(2);
    for (const text of await rows.allTextContents()) expect(text).toContain('UBND tỉnh Đồng Nai');
    expect(await page.locator('.vtable__body').textContent()).not.toContain('Bình Dương');
    // The urgent one is marked in the list.
    await poll(() => page.locator('.vrow--urgent').count()).toBe(1);
    await browser.screenshot('incoming-search');
  });

  it('opens a document from the list with the keyboard', async () => {
    const { page } = browser;
    await page.getByRole('grid', { name: 'Sổ văn bản đến' }).focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Văn bản đến số 2\/2026/ }).waitFor();
    expect(await page.locator('.fields').textContent()).toContain('Về việc thành lập đoàn kiểm tra công tác văn thư, lưu trữ');
    // "/" goes back to the search box from anywhere that is not a text box.
    await page.locator('body').press('/');
    await page.getByRole('heading', { name: 'Sổ văn bản đến' }).waitFor();
    await poll(() => page.locator(':focus').getAttribute('type')).toBe('search');
    expect(browser.problems).toEqual([]);
  });
});
