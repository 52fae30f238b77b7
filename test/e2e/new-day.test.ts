import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, poll, type TestBrowser } from '../support/browser.ts';
import { startTestBridge, type TestBridge } from '../support/bridge.ts';
import { fixedClock } from '../support/temp-profile.ts';
import { openIncomingRegister } from '../support/open-register.ts';

// A window left open over New Year: 23:00 on 31/12/2026 in Vietnam, then 08:00 on 1/1/2027.
describe('a window left open overnight', () => {
  const clock = fixedClock('2026-12-31T16:00:00Z');
  let bridge: TestBridge;
  let browser: TestBrowser;
  const nav = (label: string) => browser.page.getByRole('navigation').getByRole('button', { name: new RegExp(`^${label}`) }).click();

  beforeAll(async () => {
    bridge = await startTestBridge({ clock });
    browser = await launchBrowser();
    await browser.page.goto(bridge.pageUrl);
    await openIncomingRegister(browser.page);
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.cleanup();
  });

  it('registers the morning mail on the new day: the date boxes hold no stale today', async () => {
    const { page } = browser;
    await poll(() => page.getByLabel('Năm').inputValue()).toBe('2026');
    await nav('Vào sổ văn bản đến');
    const arrival = page.getByLabel('Ngày đến');
    expect(await arrival.inputValue()).toBe('');
    expect(await page.locator('.field', { has: arrival }).locator('.field__hint').textContent()).toBe('Để trống: hôm nay');

    clock.set('2027-01-01T01:00:00Z');
    await page.getByLabel('Cơ quan ban hành').fill('UBND thành phố Đà Nẵng');
    await page.locator('input[name="codeNumber"]').fill('1');
    await page.getByLabel('Ký hiệu').fill('UBND-VP');
    await page.getByLabel('Ngày văn bản').fill('30/12/2026');
    await page.getByLabel('Loại văn bản').fill('Công văn');
    await page.getByLabel('Trích yếu').fill('V/v trực Tết Nguyên đán');
    await page.getByLabel('Trích yếu').press('Enter');
    await poll(() => page.getByTestId('saved-incoming').textContent()).toBe('Đã vào sổ: số đến 1/2027');
  });

  it('numbers an outgoing document without a date in the new year’s register', async () => {
    const { page } = browser;
    await nav('Cấp số văn bản đi');
    expect(await page.getByLabel('Ngày văn bản').inputValue()).toBe('');
    await page.getByLabel('Đơn vị soạn thảo').selectOption('VP');
    await poll(() => page.getByTestId('number-preview').textContent()).toContain('năm 2027');
    await page.getByLabel('Trích yếu').fill('V/v phân công trực Tết');
    await page.locator('[name="signerName"]').fill('Nguyễn Văn An');
    await page.locator('[name="signerName"]').press('Enter');
    await poll(() => page.getByTestId('saved-outgoing').textContent()).toBe('Đã cấp số: 01/UBND-VP, ngày 01/01/2027');
  });

  it('moves the lists on to the new year when the window is back in view', async () => {
    const { page } = browser;
    await nav('Sổ văn bản đến');
    // The list opened on 2026; nothing has asked the server for the date since.
    await poll(() => page.getByLabel('Năm').inputValue()).toBe('2026');
    // What the window gets when the clerk comes back to it.
    await page.evaluate(() => (globalThis as unknown as EventTarget).dispatchEvent(new Event('focus')));
    await poll(() => page.getByLabel('Năm').inputValue()).toBe('2027');
    await poll(() => page.getByTestId('list-count').textContent()).toBe('1 văn bản');
    expect(browser.problems).toEqual([]);
  });
});
