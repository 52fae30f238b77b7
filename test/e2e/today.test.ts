import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { registerIncoming } from '../../src/main/registry/incoming.ts';
import { incomingInput } from '../../src/shared/api/schemas/documents.ts';
import { launchBrowser, poll, type TestBrowser } from '../support/browser.ts';
import { bridgeCall, startTestBridge, type TestBridge } from '../support/bridge.ts';
import { fixedClock } from '../support/temp-profile.ts';
import { addInboxRow } from '../support/today-seed.ts';

function register(p: Profile, fields: { subject: string; codeNumber: string; priority?: string; dueDate?: string }): number {
  return registerIncoming(
    p,
    incomingInput.parse({
      issuingAgency: 'UBND thành phố Đà Nẵng',
      codeNotation: 'UBND-VP',
      documentDate: '2026-03-01',
      arrivalDate: '2026-03-02',
      documentType: 'Công văn',
      ...fields,
    }),
  ).id;
}

// The app opens on Hôm nay. The server's today is Tuesday 10/03/2026.
describe('Hôm nay', () => {
  let bridge: TestBridge;
  let browser: TestBrowser;
  const ids: { urgent: number; inbox: number } = { urgent: 0, inbox: 0 };

  beforeAll(async () => {
    bridge = await startTestBridge({
      clock: fixedClock('2026-03-10T02:00:00Z'),
      seed: (p) => {
        ids.urgent = register(p, { subject: 'Phòng chống cháy rừng mùa khô', codeNumber: '101', priority: 'hoa-toc' });
        register(p, { subject: 'Đôn đốc nộp báo cáo thống kê', codeNumber: '102', dueDate: '2026-03-05' });
        register(p, { subject: 'Chuẩn bị họp dân thứ Sáu', codeNumber: '103', dueDate: '2026-03-13' });
        register(p, { subject: 'Kế hoạch tuần sau', codeNumber: '104', dueDate: '2026-03-16' });
        ids.inbox = addInboxRow(p, { subject: 'Triển khai chuyển đổi số cấp xã', priority: 1 });
      },
    });
    browser = await launchBrowser();
    await browser.page.goto(bridge.pageUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.cleanup();
  });

  it('opens on the day: inbox, urgent not presented, overdue and due soon, nothing to send', async () => {
    const { page } = browser;
    await page.getByRole('heading', { name: 'Hôm nay, 10/03/2026', level: 1 }).waitFor();
    expect(await page.getByRole('navigation').getByRole('button', { name: 'Hôm nay' }).getAttribute('aria-current')).toBe('page');

    const inbox = page.getByTestId('today-inbox');
    await inbox.getByRole('button', { name: 'Triển khai chuyển đổi số cấp xã' }).waitFor();
    expect(await inbox.getByRole('heading').textContent()).toBe('Chờ tiếp nhận từ trục liên thông 1');
    expect(await inbox.textContent()).toContain('Khẩn');

    const urgent = page.getByTestId('today-urgent');
    await urgent.getByRole('button', { name: 'Số đến 1/2026: Phòng chống cháy rừng mùa khô' }).waitFor();
    expect(await urgent.textContent()).toContain('Hỏa tốc');

    // Three working days from Tuesday: up to Friday 13/03; Monday's deadline is not listed yet.
    const deadlines = page.getByTestId('today-deadlines');
    expect(await deadlines.getByRole('heading').textContent()).toBe('Hạn xử lý: 1 quá hạn, 1 đến hạn đến 13/03/2026 2');
    const lines = deadlines.getByRole('listitem');
    expect(await lines.allTextContents()).toEqual([
      expect.stringMatching(/^Số đến 2\/2026: Đôn đốc nộp báo cáo thống kê Quá hạn\s*Hạn 05\/03\/2026 \(Quá hạn 3 ngày làm việc\) · chưa giao$/),
      expect.stringMatching(/^Số đến 3\/2026: Chuẩn bị họp dân thứ Sáu\s*Hạn 13\/03\/2026 \(Còn 3 ngày làm việc\) · chưa giao$/),
    ]);
    expect(await page.getByTestId('today-unissued').textContent()).toContain('Không có văn bản nào đã ký duyệt mà chưa phát hành.');
    expect(await page.getByTestId('today-outbox').textContent()).toContain('Không có gì chờ gửi.');
    expect(await page.getByTestId('today-sync').textContent()).toContain('Chưa thiết lập kết nối với trục liên thông.');
    await browser.screenshot('today');

    // A longer horizon, kept for the next visit.
    await page.getByLabel('Hạn xử lý trong').selectOption('5');
    await poll(() => lines.count()).toBe(3);
    expect(await lines.nth(2).textContent()).toContain('Kế hoạch tuần sau');
  });

  it('each line opens what it is about; a document presented leaves the urgent list', async () => {
    const { page } = browser;
    await page.getByTestId('today-urgent').getByRole('button', { name: /Phòng chống cháy rừng mùa khô/ }).click();
    await page.getByRole('heading', { name: /Văn bản đến số 1\/2026/ }).waitFor();
    // Presented: the leader named a unit (what the processing panel records).
    await bridgeCall(bridge, 'processing.update', { id: ids.urgent, assigneeUnit: 'Phòng Kinh tế' });
    await page.getByRole('navigation').getByRole('button', { name: 'Hôm nay' }).click();
    await page.getByTestId('today-urgent').getByText('Không có văn bản khẩn nào chờ trình.').waitFor();
    // The horizon chosen before is still the one shown.
    expect(await page.getByLabel('Hạn xử lý trong').inputValue()).toBe('5');

    await page.getByTestId('today-inbox').getByRole('button', { name: 'Triển khai chuyển đổi số cấp xã' }).click();
    await page.getByRole('heading', { name: 'Triển khai chuyển đổi số cấp xã', level: 1 }).waitFor();

    await page.getByRole('navigation').getByRole('button', { name: 'Hôm nay' }).click();
    await page.getByTestId('today-deadlines').getByRole('button', { name: /Đôn đốc nộp báo cáo thống kê/ }).click();
    await page.getByRole('heading', { name: /Văn bản đến số 2\/2026/ }).waitFor();
    expect(browser.problems).toEqual([]);
  });
});
