import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incomingInput } from '../../src/shared/api/schemas/documents.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { registerIncoming } from '../../src/main/registry/incoming.ts';
import { launchBrowser, poll, type TestBrowser } from '../support/browser.ts';
import { startTestBridge, type TestBridge } from '../support/bridge.ts';
import { fixedClock } from '../support/temp-profile.ts';

function register(p: Profile, fields: { subject: string; arrivalDate: string; codeNumber: string; priority?: string; dueDate?: string }): void {
  registerIncoming(
    p,
    incomingInput.parse({
      issuingAgency: 'UBND thành phố Đà Nẵng',
      codeNotation: 'UBND-VP',
      documentDate: '2026-03-01',
      documentType: 'Công văn',
      ...fields,
    }),
  );
}

describe('Cần xử lý: assignment and follow-up', () => {
  let bridge: TestBridge;
  let browser: TestBrowser;

  beforeAll(async () => {
    // Today is 10/03/2026 for the server.
    bridge = await startTestBridge({
      clock: fixedClock('2026-03-10T02:00:00Z'),
      seed: (p) => {
        register(p, { subject: 'Đôn đốc nộp báo cáo thống kê', arrivalDate: '2026-03-02', codeNumber: '101', dueDate: '2026-03-05' });
        register(p, { subject: 'Phòng chống cháy rừng mùa khô', arrivalDate: '2026-03-09', codeNumber: '102', priority: 'hoa-toc' });
        register(p, { subject: 'Tổ chức Ngày hội đại đoàn kết', arrivalDate: '2026-03-10', codeNumber: '103' });
      },
    });
    browser = await launchBrowser();
    await browser.page.goto(bridge.pageUrl);
    await browser.page.getByRole('heading', { name: 'Sổ văn bản đến' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.cleanup();
  });

  it('assigns a document from its detail screen', async () => {
    const { page } = browser;
    await page.locator('.vtable__body [role="row"]').filter({ hasText: 'Ngày hội đại đoàn kết' }).click();
    await page.getByRole('heading', { name: /Văn bản đến số 3\/2026/ }).waitFor();
    const panel = page.getByRole('form', { name: 'Xử lý văn bản' });
    await panel.getByLabel('Đơn vị xử lý').fill('Phòng Kinh tế');
    await panel.getByLabel('Người xử lý').fill('Trần Thị Bình');
    await panel.getByLabel('Hạn xử lý').fill('09/03/2026');
    await panel.getByLabel('Người xử lý').press('Enter');
    // The deadline may not be before arrival: the server's message appears under the box.
    await panel.locator('.field__error').getByText('không được trước ngày đến').waitFor();
    await panel.getByLabel('Hạn xử lý').fill('20/03/2026');
    // Ctrl+Enter saves from anywhere in the form, a drop-down included (where Enter does not).
    await panel.getByLabel('Tiến độ giải quyết').press('Control+Enter');
    await page.getByText('Đã lưu thông tin xử lý.').waitFor();
    await page.locator('h1 .badge--assigned').getByText('Đã phân công').waitFor();
    await page.locator('.timeline').getByText('Cập nhật xử lý').waitFor();
    await browser.screenshot('document-detail');
  });

  it('lists overdue first, then the most urgent, and marks one done', async () => {
    const { page } = browser;
    await page.getByRole('navigation').getByRole('button', { name: 'Cần xử lý' }).click();
    const rows = page.getByTestId('processing-table').locator('tbody tr');
    await poll(() => rows.count()).toBe(3);
    const texts = await rows.allTextContents();
    expect(texts[0]).toContain('Đôn đốc nộp báo cáo thống kê');
    expect(texts[0]).toContain('Quá hạn');
    expect(texts[1]).toContain('Phòng chống cháy rừng mùa khô');
    expect(texts[1]).toContain('Hỏa tốc');
    expect(texts[2]).toContain('Phòng Kinh tế — Trần Thị Bình');
    expect(await rows.nth(0).getAttribute('class')).toBe('row--overdue');
    expect(await rows.nth(1).getAttribute('class')).toBe('row--urgent');
    await browser.screenshot('processing');

    await rows.nth(2).getByRole('button', { name: 'Hoàn thành' }).click();
    await poll(() => rows.count()).toBe(2);
    await page.getByRole('button', { name: 'Tất cả' }).click();
    await poll(() => rows.count()).toBe(3);
    expect(await rows.nth(2).textContent()).toContain('Hoàn thành');
    expect(browser.problems).toEqual([]);
  });
});

describe('Cần xử lý with more than a page of documents', () => {
  let bridge: TestBridge;
  let browser: TestBrowser;

  beforeAll(async () => {
    bridge = await startTestBridge({
      clock: fixedClock('2026-03-10T02:00:00Z'),
      seed: (p) => {
        for (let n = 1; n <= 60; n++) register(p, { subject: `Công văn đôn đốc số ${n}`, arrivalDate: '2026-03-09', codeNumber: String(200 + n) });
      },
    });
    browser = await launchBrowser();
    await browser.page.goto(bridge.pageUrl);
    await browser.page.getByRole('heading', { name: 'Sổ văn bản đến' }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.cleanup();
  });

  it('keeps the rows the clerk loaded when a quick step refreshes the list', async () => {
    const { page } = browser;
    await page.getByRole('navigation').getByRole('button', { name: 'Cần xử lý' }).click();
    const rows = page.getByTestId('processing-table').locator('tbody tr');
    await poll(() => rows.count()).toBe(50);
    await page.getByRole('button', { name: 'Xem thêm' }).click();
    await poll(() => rows.count()).toBe(60);

    await rows.first().getByRole('button', { name: 'Hoàn thành' }).click();
    await poll(() => page.locator('.list-count').textContent()).toBe('59 văn bản');
    expect(await rows.count()).toBe(59);
    // The button went with its row: the focus is on the heading, not lost.
    await poll(() => page.locator(':focus').getAttribute('id')).toBe('screen-title');
    expect(browser.problems).toEqual([]);
  });
});
