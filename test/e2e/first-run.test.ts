import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, poll, type TestBrowser } from '../support/browser.ts';
import { startTestBridge, type TestBridge } from '../support/bridge.ts';
import { openIncomingRegister } from '../support/open-register.ts';

describe('first run: the agency profile form', () => {
  let bridge: TestBridge;
  let browser: TestBrowser;

  beforeAll(async () => {
    bridge = await startTestBridge({ initialized: false });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.cleanup();
  });

  it('is served with the CSP, hides the token, and sets up the agency with the keyboard', async () => {
    const { page } = browser;
    const response = await page.goto(bridge.pageUrl);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
    await page.getByRole('heading', { name: 'Chào mừng đến với VanThu' }).waitFor();
    expect(page.url()).not.toContain('token');
    await browser.screenshot('first-run');

    // The first box has the focus; Tab walks the boxes in reading order.
    await poll(() => page.locator(':focus').getAttribute('name')).toBe('name');
    await page.keyboard.type('Ủy ban nhân dân xã Hòa Tiến');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ủy ban nhân dân thành phố Đà Nẵng');
    await page.keyboard.press('Tab');
    await page.keyboard.type('không hợp lệ');
    await page.keyboard.press('Tab');
    await page.keyboard.type('UBND');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Xã Hòa Tiến');
    await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await page.getByLabel('Tên đơn vị 1').fill('Văn phòng HĐND và UBND');
    await page.getByLabel('Viết tắt đơn vị 1').fill('VP');
    await page.getByLabel('Địa danh').press('Enter');

    const organId = page.getByLabel('Mã định danh');
    await poll(() => organId.getAttribute('aria-invalid')).toBe('true');
    await page.getByText(/mã định danh chỉ gồm chữ in hoa/).first().waitFor();
    await browser.screenshot('first-run-errors');

    await organId.fill('000.46.24.H17');
    // In Địa chỉ (several lines) Enter starts a new line; Ctrl+Enter saves.
    await page.getByLabel('Địa chỉ').press('Control+Enter');
    // Set up, the app opens on Hôm nay; the register is one click away.
    await openIncomingRegister(page);
    await page.getByText('Sổ chưa có văn bản nào theo điều kiện này.').waitFor();
    await poll(() => page.locator('.sidebar__agency').textContent()).toBe('Ủy ban nhân dân xã Hòa Tiến');
    await browser.screenshot('incoming-register-empty');
  });

  it('shows the saved profile and the default series in Cài đặt', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Cài đặt' }).click();
    await page.getByRole('heading', { name: 'Cài đặt' }).waitFor();
    expect(await page.getByLabel('Mã định danh').inputValue()).toBe('000.46.24.H17');
    expect(await page.getByLabel('Chữ viết tắt').inputValue()).toBe('UBND');
    expect(await page.getByLabel('Viết tắt đơn vị 1').inputValue()).toBe('VP');
    // The three series a new profile starts with, incoming first.
    await poll(() => page.locator('#series-title ~ table tbody tr').count()).toBe(3);
    expect(await page.locator('#series-title ~ table tbody tr td:first-child').allTextContents()).toEqual(['Sổ văn bản đến', 'Sổ văn bản đi', 'Sổ bản sao văn bản']);
    // The font documents are set in, under "Soạn thảo, phát hành": the stand-in on this Linux
    // machine, and why (docs/drafting.md "Font").
    await poll(() => page.getByTestId('legal-font').textContent()).toBe(
      'Phông chữ văn bản: Liberation Serif (thay thế, cùng kích thước chữ) — Máy này không chạy Windows nên không có Times New Roman của hệ thống.',
    );
    expect(await page.locator('section[aria-labelledby="issuance-settings-title"] [data-testid="legal-font"]').count()).toBe(1);
    await browser.screenshot('settings');
    expect(browser.problems).toEqual([]);
  });
});
