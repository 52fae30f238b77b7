import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src/hub/main.ts';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { bridgeCall, startTestBridge, type TestBridge } from '../support/bridge.ts';
import { SYS_B, testHubDir, type TestHubDir } from '../support/hub-fixtures.ts';

// Cài đặt → Trục liên thông in Chromium, through the loopback bridge, against the reference hub:
// the clerk enters the connection, checks the network and fetches the agency directory.
describe('hub settings panel', () => {
  let dir: TestHubDir;
  let hub: RunningHub;
  let bridge: TestBridge;
  let browser: TestBrowser;

  beforeAll(async () => {
    dir = testHubDir();
    hub = await dir.start();
    bridge = await startTestBridge();
    browser = await launchBrowser();
    await browser.page.goto(bridge.pageUrl);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await bridge?.cleanup();
    await hub?.close();
    dir?.remove();
  });

  it('saves the connection, shows the network up and the directory count', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Cài đặt' }).click();
    const panel = page.getByRole('region', { name: 'Trục liên thông' });
    const form = page.getByRole('form', { name: 'Cài đặt trục liên thông' });
    await panel.getByText('Mạng chuyên dùng: chưa kiểm tra').waitFor();
    expect(await panel.getByRole('button', { name: 'Kiểm tra kết nối' }).isDisabled()).toBe(true);

    await form.getByLabel('Địa chỉ trục liên thông').fill(`${hub.url}/XrdAdapter/adapter`);
    await form.getByLabel('Mã hệ thống').fill(SYS_B.systemId);
    await form.getByLabel('Giờ đồng bộ cuối ngày').fill('5 giờ chiều');
    await form.getByRole('button', { name: 'Lưu cài đặt trục' }).click();
    // Each refusal on its field: the time is HH:mm, then the secret is needed the first time.
    await form.locator('.field__error', { hasText: 'dạng HH:mm' }).waitFor();
    await form.getByLabel('Giờ đồng bộ cuối ngày').fill('16:30');
    await form.getByRole('button', { name: 'Lưu cài đặt trục' }).click();
    await form.locator('.field__error', { hasText: 'cần nhập khóa bí mật do trục cấp' }).waitFor();
    expect(await form.locator('.field__error', { hasText: 'dạng HH:mm' }).count()).toBe(0);
    expect((await bridgeCall(bridge, 'hub.settings', {})).settings).toBeNull();

    await form.getByLabel('Khóa bí mật').fill(SYS_B.secret);
    await form.getByRole('button', { name: 'Lưu cài đặt trục' }).click();
    await panel.getByText('Đã lưu cài đặt trục liên thông.').waitFor();
    // The secret is not shown back: the box is empty and says it is stored.
    expect(await form.getByLabel('Khóa bí mật').inputValue()).toBe('');
    await form.getByText(/Đã lưu \(được mã hóa trên máy này\)/).waitFor();
    expect(await bridgeCall(bridge, 'hub.settings', {})).toMatchObject({ settings: { systemId: 'SYS-B', scheduleTime: '16:30', hasSecret: true } });

    await panel.getByRole('button', { name: 'Kiểm tra kết nối' }).click();
    await panel.getByText(/Mạng chuyên dùng: có \(\d+ ms\)/).waitFor();

    await panel.getByRole('button', { name: 'Cập nhật danh bạ cơ quan' }).click();
    await panel.getByText('Đã cập nhật danh bạ: 4 cơ quan (thêm 4, bỏ 0).').waitFor();
    await panel.getByText(/Danh bạ cơ quan: 4 cơ quan, cập nhật lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/).waitFor();
    expect((await bridgeCall(bridge, 'hub.agencies', { query: 'binh minh' })).total).toBe(2);

    await panel.scrollIntoViewIfNeeded();
    await browser.screenshot('hub-settings');
    expect(await page.content()).not.toContain(SYS_B.secret);
    expect(browser.problems).toEqual([]);
  });
});
