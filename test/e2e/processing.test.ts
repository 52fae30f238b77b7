import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incomingInput } from '../../src/shared/api/schemas/documents.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { registerIncoming } from '../../src/main/registry/incoming.ts';
import { launchBrowser, poll, type TestBrowser } from '../support/browser.ts';
import { startTestBridge, type TestBridge } from '../support/bridge.ts';
import { fixedClock } from '../support/temp-profile.ts';
import { openIncomingRegister } from '../support/open-register.ts';

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
    await openIncomingRegister(browser.page);
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.cleanup();
  });

  it("records the leader's instruction with two units and deadlines, corrects it, prints the phiếu", async () => {
    const { page } = browser;
    await page.locator('.vtable__body [role="row"]').filter({ hasText: 'Ngày hội đại đoàn kết' }).click();
    await page.getByRole('heading', { name: /Văn bản đến số 3\/2026/ }).waitFor();
    await page.getByRole('button', { name: 'Ghi ý kiến chỉ đạo' }).click();
    const form = page.getByRole('form', { name: 'Ý kiến chỉ đạo' });
    await form.getByLabel('Người cho ý kiến').fill('Nguyễn Văn An, Chủ tịch');
    await form.getByLabel('Ý kiến chỉ đạo').fill('Chuẩn bị kế hoạch tổ chức.');
    await form.getByLabel('Đơn vị (chủ trì)').fill('Phòng Kinh tế');
    await form.getByLabel('Cá nhân (chủ trì)').fill('Trần Thị Bình');
    await form.getByLabel('Hạn xử lý (chủ trì)').fill('09/03/2026');
    await form.getByLabel('Đơn vị (phối hợp 1)').fill('Văn phòng');
    await form.getByLabel('Hạn xử lý (phối hợp 1)').fill('18/03/2026');
    await form.getByRole('button', { name: 'Lưu ý kiến chỉ đạo' }).click();
    // A deadline before the opinion (given today, 10/03) is refused under its own box.
    await form.locator('.field__error').getByText('không được trước ngày cho ý kiến').waitFor();
    await form.getByLabel('Hạn xử lý (chủ trì)').fill('20/03/2026');
    await form.getByLabel('Hạn xử lý (phối hợp 1)').press('Control+Enter');
    await page.getByText('Đã lưu thông tin xử lý.').waitFor();
    await page.locator('h1 .badge--assigned').getByText('Đã phân công').waitFor();
    const distribution = page.getByTestId('distribution');
    await poll(() => distribution.locator('tbody tr').allTextContents()).toEqual(['Chủ trìPhòng Kinh tế — Trần Thị Bình20/03/2026', 'Phối hợpVăn phòng18/03/2026']);

    // A correction is a new entry; the first one stays, marked.
    const history = page.getByTestId('processing-history');
    await history.getByRole('button', { name: /^Sửa mục #/ }).click();
    const fix = page.getByRole('form', { name: 'Ý kiến chỉ đạo' });
    expect(await fix.getByLabel('Đơn vị (phối hợp 1)').inputValue()).toBe('Văn phòng');
    await fix.getByLabel('Hạn xử lý (phối hợp 1)').fill('16/03/2026');
    await fix.getByRole('button', { name: 'Lưu ý kiến chỉ đạo' }).click();
    await poll(() => history.locator(':scope > li').count()).toBe(2);
    await history.getByText(/đã được sửa bởi mục #/).waitFor();
    await poll(() => distribution.locator('tbody tr').nth(1).textContent()).toBe('Phối hợpVăn phòng16/03/2026');
    await page.locator('.timeline').getByText('Ghi quá trình giải quyết').first().waitFor();

    await page.getByRole('button', { name: 'In phiếu giải quyết' }).click();
    await poll(() => page.getByTestId('slip-result').textContent(), 30_000).toMatch(/phieu-giai-quyet-den-2026-3-.*\.pdf/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Tải về phieu-giai-quyet/ }).click()]);
    const saved = join(bridge.profileDir, 'phieu-tai-ve.pdf');
    await download.saveAs(saved);
    const text = execFileSync('pdftotext', ['-raw', saved, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN');
    expect(text).toContain('Văn phòng: 16/03/2026');
    await page.locator('.timeline').getByText('In phiếu giải quyết').waitFor();
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
    // Per unit: the overdue document nobody was given first; within 7 days of 10/03 the
    // coordinating unit (16/03) is due, the lead (20/03) is not yet.
    const windows = page.getByRole('group', { name: 'Sắp đến hạn trong' });
    await windows.getByRole('button', { name: '7 ngày' }).click();
    const units = page.getByTestId('unit-deadlines').locator('tbody tr');
    await poll(() => units.locator('th').allTextContents()).toEqual(['Chưa giao đơn vị', 'Văn phòng']);
    expect(await units.nth(0).textContent()).toContain('Chủ trì, hạn 05/03/2026 (quá hạn) — Đôn đốc nộp báo cáo thống kê');
    expect(await units.nth(1).textContent()).toContain('Phối hợp, hạn 16/03/2026 — Tổ chức Ngày hội đại đoàn kết');
    await windows.getByRole('button', { name: '1 ngày' }).click();
    await poll(() => units.locator('th').allTextContents()).toEqual(['Chưa giao đơn vị']);

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
    await openIncomingRegister(browser.page);
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
