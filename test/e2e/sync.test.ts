import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { bridgeCall, ensureRendererBuilt } from '../support/bridge.ts';
import { issueDocument } from '../support/issued-document.ts';
import { type BridgeDesks, bridgeDesks, syncThroughApi } from '../support/sync-bridges.ts';
import { AGENCY_B } from '../support/sync-desks.ts';
import { createTestPki } from '../support/test-pki.ts';

const SUBJECT = 'Về việc triển khai tiêm chủng mở rộng';

// Liên thông in Chromium on desk B: the clerk syncs, watches the progress end, reads the summary,
// opens the document A sent, accepts it into the incoming register; then desk A sees, on its
// recipient, that B accepted it.
describe('Liên thông screen', () => {
  let env: BridgeDesks;
  let browser: TestBrowser;
  let issuanceId = 0;

  beforeAll(async () => {
    ensureRendererBuilt();
    const pki = await createTestPki();
    env = await bridgeDesks({
      prepareA: async (a, scratch) => {
        issuanceId = (await issueDocument(a, pki, scratch, { subject: SUBJECT, recipients: [{ name: AGENCY_B.name, organId: AGENCY_B.organId }] })).id;
      },
    });
    expect((await syncThroughApi(env.a)).final.lastRun).toMatchObject({ outcome: 'ok', sent: 1 });
    browser = await launchBrowser();
    await browser.page.goto(env.b.pageUrl);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await env?.close();
  });

  it('syncs, shows the progress and the summary, and accepts the received document', async () => {
    const { page } = browser;
    await page.getByRole('navigation').getByRole('button', { name: 'Liên thông' }).click();
    await page.getByRole('heading', { name: 'Liên thông văn bản' }).waitFor();
    await page.getByTestId('sync-network').getByText(/Mạng chuyên dùng: có/).waitFor();
    await page.getByText('Đồng bộ thành công gần nhất: chưa có', { exact: false }).waitFor();

    // The hub answers slowly, so the run lasts long enough to be seen working.
    env.hub.faults.latencyMs = 400;
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await page.getByRole('progressbar', { name: 'Nhận về' }).waitFor();
    await page.locator('.sync-progress__row', { hasText: 'Nhận về' }).getByText(/\/1 gói/).waitFor();
    expect(await page.getByRole('button', { name: 'Đang đồng bộ…' }).isDisabled()).toBe(true);
    await browser.screenshot('sync-running');

    const summary = page.getByTestId('sync-summary');
    await summary.waitFor({ timeout: 30_000 });
    env.hub.faults.latencyMs = 0;
    expect(await page.getByRole('progressbar').count()).toBe(0);
    await page.getByText('Đồng bộ xong.').waitFor();
    expect(await summary.innerText()).toMatch(/Đã gửi\s+0 văn bản, 1 trạng thái \(/);
    expect(await summary.innerText()).toMatch(/Đã nhận\s+1 văn bản, 0 trạng thái \([\d,]+ KB\)/);
    await page.getByTestId('sync-network').getByText(/Đồng bộ thành công gần nhất: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/).waitFor();
    const row = page.getByRole('row').filter({ hasText: SUBJECT });
    await row.getByText('Chờ tiếp nhận').waitFor();
    expect(await row.locator('.badge').first().innerText()).toMatch(/^(Hợp lệ|Chưa xác định)$/);
    await browser.screenshot('sync-summary');

    await row.getByRole('button', { name: SUBJECT }).click();
    await page.getByRole('heading', { name: SUBJECT }).waitFor();
    await page.getByText('Ủy ban nhân dân xã Hòa Tiến (000.46.24.H17)').waitFor();
    const files = page.getByRole('region', { name: 'Tệp đính kèm' });
    expect(await files.getByRole('row').count()).toBe(3);
    await files.getByRole('button', { name: 'Kết quả kiểm tra chữ ký' }).first().click();
    await page.getByRole('heading', { name: /^Kiểm tra chữ ký: / }).waitFor();
    await page.getByRole('article', { name: 'Chữ ký 1' }).waitFor();
    await browser.screenshot('sync-inbox-document');

    await page.getByRole('button', { name: 'Tiếp nhận (vào sổ đến)' }).click();
    await page.getByText(/Đã vào sổ văn bản đến, số đến 1\./).waitFor();
    await page.getByTestId('inbox-state').getByText('Đã tiếp nhận').waitFor();
    expect(await page.getByRole('button', { name: 'Từ chối…' }).count()).toBe(0);

    await page.getByRole('navigation').getByRole('button', { name: 'Sổ văn bản đến', exact: true }).click();
    await page.getByRole('heading', { name: 'Sổ văn bản đến' }).waitFor();
    await page.getByText(SUBJECT).first().waitFor();
    await browser.screenshot('sync-incoming-register');
    expect(browser.problems).toEqual([]);
  });

  it("shows on A's recipient that B accepted it", async () => {
    await syncThroughApi(env.b);
    expect((await syncThroughApi(env.a)).final.lastRun).toMatchObject({ statusesReceived: 2 });
    expect((await bridgeCall(env.a, 'issuance.get', { id: issuanceId })).outbox[0]?.receiveStatus).toBe('03');
    const { page } = browser;
    await page.goto(env.a.pageUrl);
    await page.getByRole('navigation').getByRole('button', { name: 'Phát hành' }).click();
    await page.getByRole('button', { name: SUBJECT }).click();
    const reported = page.getByTestId('recipient-reported');
    await reported.getByText('Đã tiếp nhận', { exact: true }).waitFor();
    expect(await reported.innerText()).toMatch(/Đã tiếp nhận, số đến 1\./);
    await page.getByRole('region', { name: 'Nơi gửi' }).scrollIntoViewIfNeeded();
    await browser.screenshot('sync-issuance-reported');
    expect(browser.problems).toEqual([]);
  });
});
