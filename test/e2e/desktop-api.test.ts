import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { startTestBridge, type TestBridge } from '../support/bridge.ts';

// Stands in for the Electron preload: a `window.vanthu` with one function per operation that
// resolves to an envelope. It forwards to the bridge, records the calls, and reports the given
// integrity state so the banner can be seen.
function installFakePreload({ token, integrity, detail }: { token: string; integrity: string; detail: string }): void {
  const calls: string[] = [];
  (globalThis as unknown as { __calls: string[] }).__calls = calls;
  (globalThis as unknown as { vanthu: unknown }).vanthu = new Proxy(
    {},
    {
      get: (_target, name: string) => async (input: unknown) => {
        calls.push(name);
        const response = await fetch(`/api/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-VanThu-Token': token },
          body: JSON.stringify(input),
        });
        const envelope = (await response.json()) as { ok: boolean; value?: Record<string, unknown> };
        if (name === 'app.info' && envelope.ok && envelope.value) {
          envelope.value.integrity = integrity;
          envelope.value.integrityDetail = detail;
        }
        return envelope;
      },
    },
  );
}

describe('inside the desktop shell (window.vanthu present)', () => {
  let bridge: TestBridge;
  let browser: TestBrowser;

  beforeAll(async () => {
    bridge = await startTestBridge();
    browser = await launchBrowser();
    await browser.page.addInitScript(installFakePreload, {
      token: bridge.token,
      integrity: 'failed',
      detail: 'Page 7: btreeInitPage() returns error code 11',
    });
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.cleanup();
  });

  it('calls the preload API, and shows the integrity banner with the way forward', async () => {
    const { page } = browser;
    // No token in the address: the page must not need the bridge's own path.
    await page.goto(bridge.url);
    const banner = page.getByRole('alert').filter({ hasText: 'Dữ liệu có dấu hiệu bị hỏng.' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Page 7: btreeInitPage()');
    const calls = await page.evaluate(() => (globalThis as unknown as { __calls: string[] }).__calls);
    expect(calls).toEqual(expect.arrayContaining(['app.info', 'profile.get', 'today.summary']));
    await browser.screenshot('integrity-banner');
    await banner.getByRole('button', { name: 'Mở Sao lưu để khôi phục' }).click();
    await page.getByRole('heading', { name: 'Sao lưu' }).waitFor();
    expect(browser.problems).toEqual([]);
  });
});

describe('when the background data check could not run', () => {
  let bridge: TestBridge;
  let browser: TestBrowser;

  beforeAll(async () => {
    bridge = await startTestBridge();
    browser = await launchBrowser();
    await browser.page.addInitScript(installFakePreload, { token: bridge.token, integrity: 'unavailable', detail: 'cơ sở dữ liệu đang bận' });
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.cleanup();
  });

  it('shows a neutral note, not the damage banner, and leads to the manual check', async () => {
    const { page } = browser;
    await page.goto(bridge.url);
    const note = page.getByRole('status').filter({ hasText: 'Chưa kiểm tra tự động được cơ sở dữ liệu' });
    await note.waitFor();
    expect(await note.textContent()).toContain('Đây không phải dấu hiệu dữ liệu bị hỏng');
    expect(await page.getByText('Dữ liệu có dấu hiệu bị hỏng.').count()).toBe(0);
    await note.getByRole('button', { name: 'Mở Nhật ký để kiểm tra' }).click();
    await page.getByRole('heading', { name: 'Nhật ký' }).waitFor();
    await page.getByRole('button', { name: 'Kiểm tra dữ liệu' }).waitFor();
    expect(browser.problems).toEqual([]);
  });
});
