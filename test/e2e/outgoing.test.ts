import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdRequests, launchBrowser, poll, type TestBrowser } from '../support/browser.ts';
import { bridgeCall, startTestBridge, type TestBridge } from '../support/bridge.ts';
import { fixedClock } from '../support/temp-profile.ts';
import { openIncomingRegister } from '../support/open-register.ts';

describe('Cấp số văn bản đi, and voiding it', () => {
  let bridge: TestBridge;
  let browser: TestBrowser;
  const outgoingNotations = async () =>
    (await bridgeCall(bridge, 'documents.list', { direction: 'outgoing', order: 'asc' })).rows.map((d) => `${d.codeNumber}/${d.codeNotation}`);

  beforeAll(async () => {
    bridge = await startTestBridge({ clock: fixedClock('2026-03-10T02:00:00Z') });
    browser = await launchBrowser();
    await browser.page.goto(bridge.pageUrl);
    await openIncomingRegister(browser.page);
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.cleanup();
  });

  it('previews and then assigns 01/UBND-VP to a công văn of the Văn phòng, dated by the server', async () => {
    const { page } = browser;
    await page.getByRole('navigation').getByRole('button', { name: 'Cấp số văn bản đi' }).click();
    await page.getByRole('heading', { name: 'Cấp số văn bản đi' }).waitFor();
    expect(await page.getByLabel('Loại văn bản').inputValue()).toBe('cong-van');
    // Left empty, the date is the server's today when the number is assigned.
    expect(await page.getByLabel('Ngày văn bản').inputValue()).toBe('');
    // A công văn needs its drafting unit for the notation; the server says so in the preview.
    await page.locator('.preview--problem').getByText('Công văn cần đơn vị soạn thảo').waitFor();
    await page.getByLabel('Đơn vị soạn thảo').selectOption('VP');
    const preview = page.getByTestId('number-preview');
    await poll(() => preview.textContent()).toContain('01/UBND-VP');
    expect(await preview.textContent()).toContain('(chưa giữ số)');

    await page.getByLabel('Trích yếu').fill('V/v báo cáo tình hình tiếp nhận văn bản quý I năm 2026');
    await page.getByLabel('Chức vụ người ký').fill('Chủ tịch');
    await page.locator('[name="signerName"]').fill('Nguyễn Văn An');
    await page.getByLabel('Nơi nhận').fill('- UBND thành phố Đà Nẵng;\n- Lưu: VT, VP.');
    await browser.screenshot('outgoing-form');
    await page.locator('[name="signerName"]').press('Enter');
    await poll(() => page.getByTestId('saved-outgoing').textContent()).toBe('Đã cấp số: 01/UBND-VP, ngày 10/03/2026');
    await poll(() => preview.textContent()).toContain('02/UBND-VP');
    expect(await page.getByLabel('Ngày văn bản').inputValue()).toBe('');
  });

  it('issues one number however often Enter is pressed while the save is in flight, and keeps the confirmation', async () => {
    const { page } = browser;
    const subject = page.getByLabel('Trích yếu');
    await subject.fill('V/v tổ chức tập huấn công tác văn thư năm 2026');
    const saves = await holdRequests(page, 'outgoing.register');
    await subject.press('Enter');
    await poll(() => saves.held.length).toBe(1);
    await page.getByRole('button', { name: 'Đang cấp số…' }).waitFor();
    // Enter in Trích yếu and Ctrl+Enter both call requestSubmit, which ignores the disabled button.
    await subject.press('Enter');
    await page.locator('[name="signerName"]').press('Control+Enter');
    await saves.release();
    await poll(() => page.getByTestId('saved-outgoing').textContent()).toBe('Đã cấp số: 02/UBND-VP, ngày 10/03/2026');
    expect(saves.held).toHaveLength(1);
    expect(await outgoingNotations()).toEqual(['01/UBND-VP', '02/UBND-VP']);

    // Enter again on the emptied form: the server refuses it, and the confirmation of 02 stays.
    await subject.press('Enter');
    await page.getByText('Chưa lưu được. Kiểm tra các ô được đánh dấu:').waitFor();
    expect(await page.getByTestId('saved-outgoing').textContent()).toBe('Đã cấp số: 02/UBND-VP, ngày 10/03/2026');
    expect(await outgoingNotations()).toEqual(['01/UBND-VP', '02/UBND-VP']);
  });

  it('voids the document with a reason; it stays in the register and its number is not reused', async () => {
    const { page } = browser;
    await page.getByRole('navigation').getByRole('button', { name: 'Sổ văn bản đi' }).click();
    const row = page.locator('.vtable__body [role="row"]').filter({ hasText: '01/UBND-VP' });
    await row.click();
    await page.getByRole('heading', { name: /Văn bản đi 01\/UBND-VP/ }).waitFor();

    await page.getByRole('button', { name: 'Hủy văn bản' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hủy văn bản đi 01/UBND-VP' });
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Hủy văn bản' }).click();
    await dialog.getByLabel('Lý do hủy').press('Enter');
    await dialog.locator('.field__error').getByText('không được để trống').waitFor();
    await dialog.getByLabel('Lý do hủy').fill('Ghi nhầm nơi nhận, sẽ ban hành công văn khác');
    await browser.screenshot('outgoing-void-dialog');
    await dialog.getByLabel('Lý do hủy').press('Enter');
    await page.getByText('Đã hủy văn bản. Văn bản vẫn nằm trong sổ với lý do hủy.').waitFor();
    expect(await page.locator('.fields').textContent()).toContain('Ghi nhầm nơi nhận, sẽ ban hành công văn khác');
    await page.locator('h1 .badge--void').waitFor();
    await page.locator('.timeline').getByText('Hủy văn bản').waitFor();
    // "Hủy văn bản" went with the void; the focus is on the heading, not lost.
    await poll(() => page.locator(':focus').getAttribute('id')).toBe('screen-title');
    await browser.screenshot('outgoing-voided-detail');

    await page.getByRole('button', { name: 'Về sổ' }).click();
    await page.locator('.vrow--void').filter({ hasText: '01/UBND-VP' }).waitFor();
    await page.getByRole('navigation').getByRole('button', { name: 'Cấp số văn bản đi' }).click();
    await page.getByLabel('Đơn vị soạn thảo').selectOption('VP');
    await poll(() => page.getByTestId('number-preview').textContent()).toContain('03/UBND-VP');
    expect(browser.problems).toEqual([]);
  });
});
