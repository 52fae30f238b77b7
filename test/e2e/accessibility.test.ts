import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerIncoming } from '../../src/main/registry/incoming.ts';
import { incomingInput } from '../../src/shared/api/schemas/documents.ts';
import { describeProblems, seriousViolations } from '../support/axe.ts';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { startTestBridge, type TestBridge } from '../support/bridge.ts';
import { fixedClock } from '../support/temp-profile.ts';

// The sidebar's screens (src/renderer/app/routes.ts), which the first test checks are all there.
const SCREENS = [
  'Sổ văn bản đến',
  'Vào sổ văn bản đến',
  'Sổ văn bản đi',
  'Cấp số văn bản đi',
  'Soạn thảo',
  'Phát hành',
  'Liên thông',
  'Cần xử lý',
  'In, xuất, nhập sổ',
  'Sao lưu',
  'Nhật ký',
  'Cài đặt',
];

// axe-core over every screen the sidebar offers, and a document's page, with a document in the
// register so that lists and details have rows: no serious or critical violation.
describe('accessibility of the main screens', () => {
  let bridge: TestBridge;
  let browser: TestBrowser;

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
  });

  it('offers these screens in the sidebar', async () => {
    const names = await browser.page.getByRole('navigation').getByRole('button').allTextContents();
    for (const screen of SCREENS) expect(names.some((n) => n.startsWith(screen)), screen).toBe(true);
  });

  for (const screen of SCREENS) {
    it(`finds no serious problem on "${screen}"`, async () => {
      const { page } = browser;
      // A button's name may end with its shortcut (Alt+N).
      await page.getByRole('navigation').getByRole('button', { name: new RegExp(`^${screen}`) }).click();
      await page.getByRole('main').getByRole('heading').first().waitFor();
      await page.waitForLoadState('networkidle');
      const problems = await seriousViolations(page);
      expect(problems, describeProblems(problems)).toEqual([]);
    });
  }

  it('finds no serious problem on a document', async () => {
    const { page } = browser;
    await page.getByRole('navigation').getByRole('button', { name: 'Sổ văn bản đến', exact: true }).click();
    await page.locator('.vtable__body [role="row"]').first().click();
    await page.getByRole('heading', { name: /Văn bản đến số 1\/2026/ }).waitFor();
    const problems = await seriousViolations(page);
    expect(problems, describeProblems(problems)).toEqual([]);
  });

  it('reports a planted problem, so a clean screen means something', async () => {
    const { page } = browser;
    // A button with no name at all: what a screen reader reads as just "button".
    await page.evaluate(() => {
      const button = (globalThis as unknown as { document: { createElement(tag: string): object; querySelector(s: string): { append(e: object): void } } }).document;
      button.querySelector('main').append(button.createElement('button'));
    });
    expect((await seriousViolations(page)).map((p) => p.id)).toContain('button-name');
  });
});
