import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeProblems, seriousViolations } from '../support/axe.ts';
import { launchBrowser, poll, type TestBrowser } from '../support/browser.ts';
import { bridgeCall, ensureRendererBuilt, startTestBridge } from '../support/bridge.ts';
import { addIncoming } from '../support/documents.ts';
import { issueDocument } from '../support/issued-document.ts';
import { type BridgeDesks, bridgeDesks, syncThroughApi } from '../support/sync-bridges.ts';
import { AGENCY_B } from '../support/sync-desks.ts';
import { createTestPki } from '../support/test-pki.ts';

const SUBJECT = 'Về việc rà soát khả năng tiếp cận của phần mềm';

const rows = (page: Page, testId: string) => page.getByTestId(testId).locator('tbody tr').first().waitFor();
const gridRow = (page: Page) => page.locator('.vtable__body [role="row"]').first().getByRole('gridcell').nth(1).getByText(/\S/).waitFor();

// Every screen the sidebar offers (src/renderer/app/routes.ts), in its order, with what shows
// that its data has arrived: axe looks at the screen as the clerk sees it, not at "Đang tải…".
const SCREENS: ReadonlyArray<{ readonly name: string; readonly ready: (page: Page) => Promise<unknown> }> = [
  { name: 'Hôm nay', ready: (page) => page.getByTestId('today-urgent').getByRole('listitem').first().waitFor() },
  { name: 'Sổ văn bản đến', ready: gridRow },
  { name: 'Vào sổ văn bản đến', ready: (page) => page.getByLabel('Cơ quan ban hành').waitFor() },
  { name: 'Sổ văn bản đi', ready: gridRow },
  // The preview of a công văn without a unit is the server's message asking for one.
  { name: 'Cấp số văn bản đi', ready: (page) => page.locator('.preview').waitFor() },
  { name: 'Soạn thảo', ready: (page) => poll(() => page.getByTestId('draft-preview-status').textContent()).toMatch(/^\d+ trang\.$/) },
  { name: 'Phát hành', ready: (page) => page.getByRole('button', { name: SUBJECT }).waitFor() },
  // No plan yet on this desk: the form that makes one (the plan itself: case-files.test.ts).
  { name: 'Hồ sơ', ready: (page) => page.getByRole('form', { name: 'Lập danh mục hồ sơ' }).waitFor() },
  { name: 'Liên thông', ready: (page) => page.getByTestId('sync-network').getByText(/Mạng chuyên dùng: (có|không)/).waitFor() },
  { name: 'Cần xử lý', ready: (page) => rows(page, 'processing-table') },
  // On a machine not cleared for secret documents the register says why; the form is there.
  { name: 'Văn bản mật đến', ready: (page) => page.getByText(/chưa được cơ quan cho phép lưu văn bản mật/).waitFor() },
  { name: 'In, xuất, nhập sổ', ready: (page) => page.getByRole('button', { name: 'Xuất sổ' }).waitFor() },
  { name: 'Thống kê', ready: (page) => page.getByRole('heading', { name: 'Thống kê', level: 1 }).waitFor() },
  { name: 'Sao lưu', ready: (page) => rows(page, 'backup-table') },
  { name: 'Nhật ký', ready: (page) => rows(page, 'audit-table') },
  {
    name: 'Cài đặt',
    ready: async (page) => {
      await page.getByRole('button', { name: 'Lưu cài đặt trục' }).waitFor();
      await page.locator('.token-modules[aria-busy="false"]').waitFor();
    },
  },
];

async function expectNoSeriousProblem(page: Page): Promise<void> {
  const problems = await seriousViolations(page);
  expect(problems, describeProblems(problems)).toEqual([]);
}

const focusedText = (page: Page) => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document.activeElement?.textContent ?? '');

// axe-core over every screen, with data in each (two incoming documents, an issued one with its
// signed files in Sổ văn bản đi and Phát hành, a backup, the audit log; on a second desk the same
// document delivered by the hub), and over the dialogs and panels the screens open: no violation
// of impact serious or critical. The failure message names each rule, its help and the elements.
describe('accessibility of every screen (axe-core)', () => {
  let env: BridgeDesks;
  let browser: TestBrowser;

  beforeAll(async () => {
    ensureRendererBuilt();
    const pki = await createTestPki();
    env = await bridgeDesks({
      prepareA: async (a, scratch) => {
        await issueDocument(a, pki, scratch, { subject: SUBJECT, recipients: [{ name: AGENCY_B.name, organId: AGENCY_B.organId }] });
        addIncoming(a, { subject: 'Về việc báo cáo công tác văn thư quý I', priority: 'khan' });
        addIncoming(a);
      },
    });
    expect((await syncThroughApi(env.a)).final.lastRun).toMatchObject({ outcome: 'ok', sent: 1 });
    expect((await syncThroughApi(env.b)).final.lastRun).toMatchObject({ outcome: 'ok', received: 1 });
    await bridgeCall(env.a, 'backup.create', {});
    browser = await launchBrowser();
    await browser.page.goto(env.a.pageUrl);
    await browser.page.getByRole('heading', { name: /^Hôm nay/, level: 1 }).waitFor();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await env?.close();
  });

  const open = (name: string) => browser.page.getByRole('navigation').getByRole('button', { name: new RegExp(`^${name}`) }).click();

  it('checks exactly the screens the sidebar offers', async () => {
    const offered = await browser.page.getByRole('navigation').getByRole('button').allInnerTexts();
    // A button's text ends with its shortcut (Alt+N), on a line of its own.
    expect(offered.map((text) => text.split('\n')[0]?.trim())).toEqual(SCREENS.map((s) => s.name));
  });

  for (const screen of SCREENS) {
    it(`finds no serious problem on "${screen.name}"`, async () => {
      await open(screen.name);
      await browser.page.getByRole('main').getByRole('heading', { level: 1 }).waitFor();
      await screen.ready(browser.page);
      await expectNoSeriousProblem(browser.page);
    });
  }

  it('finds none on an incoming document with its processing panel', async () => {
    const { page } = browser;
    await open('Sổ văn bản đến');
    await gridRow(page);
    await page.locator('.vtable__body [role="row"]').first().click();
    // With the instruction form open: its rows of units and deadlines are checked too.
    await page.getByRole('button', { name: 'Ghi ý kiến chỉ đạo' }).click();
    await page.getByRole('form', { name: 'Ý kiến chỉ đạo' }).waitFor();
    await page.locator('.timeline li').first().waitFor();
    await expectNoSeriousProblem(page);
  });

  it('finds none on an issued document, its signature check, the sign dialog and the void dialog', async () => {
    const { page } = browser;
    await open('Sổ văn bản đi');
    await gridRow(page);
    await page.locator('.vtable__body [role="row"]').first().click();
    const files = page.getByRole('region', { name: 'Văn bản kèm theo' });
    await files.getByRole('row').filter({ hasText: 'ký phát hành' }).first().getByRole('button', { name: 'Kiểm tra chữ ký' }).click();
    await page.getByRole('article', { name: 'Chữ ký 1' }).waitFor();
    await expectNoSeriousProblem(page);

    await files.getByRole('button', { name: 'Ký số…' }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('.page-preview__rect').waitFor();
    await dialog.getByText(/Không tìm thấy thiết bị ký số nào|Mã PIN/).first().waitFor();
    await expectNoSeriousProblem(page);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Hủy văn bản' }).click();
    await dialog.getByLabel('Lý do hủy').waitFor();
    await expectNoSeriousProblem(page);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('finds none on a document of the issuance workflow', async () => {
    const { page } = browser;
    await open('Phát hành');
    await page.getByRole('button', { name: SUBJECT }).click();
    await page.getByTestId('issuance-state').getByText('Đã gửi').waitFor();
    await expectNoSeriousProblem(page);
  });

  it('finds none on the PDF import form of Soạn thảo', async () => {
    const { page } = browser;
    await open('Soạn thảo');
    await page.getByRole('button', { name: 'Nhập PDF' }).click();
    await page.getByRole('form', { name: 'Nhập PDF' }).waitFor();
    await expectNoSeriousProblem(page);
  });

  it('finds none on the restore and leave dialogs, which open on their safe choice', async () => {
    const { page } = browser;
    await open('Sao lưu');
    await page.getByTestId('backup-table').getByRole('button', { name: 'Khôi phục' }).first().click();
    await page.getByRole('dialog', { name: 'Khôi phục bản sao lưu' }).waitFor();
    await poll(() => focusedText(page)).toBe('Thôi (Esc)');
    await expectNoSeriousProblem(page);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await open('Vào sổ văn bản đến');
    await page.getByLabel('Cơ quan ban hành').fill('Sở Nội vụ');
    await open('Nhật ký');
    await page.getByRole('dialog', { name: 'Bỏ nội dung chưa lưu?' }).waitFor();
    await poll(() => focusedText(page)).toBe('Ở lại (Esc)');
    await expectNoSeriousProblem(page);
    await page.getByRole('button', { name: 'Bỏ nội dung và chuyển đi' }).click();
    await page.getByRole('heading', { name: 'Nhật ký', level: 1 }).waitFor();
  });

  it('finds none on Liên thông with a delivered document, and on that document', async () => {
    const { page } = browser;
    await page.goto(env.b.pageUrl);
    await open('Liên thông');
    const row = page.getByRole('row').filter({ hasText: SUBJECT });
    await row.getByText('Chờ tiếp nhận').waitFor();
    await page.getByTestId('sync-summary').waitFor();
    await expectNoSeriousProblem(page);

    await row.getByRole('button', { name: SUBJECT }).click();
    await page.getByTestId('inbox-state').waitFor();
    await page.getByRole('region', { name: 'Tệp đính kèm' }).getByRole('button', { name: 'Kết quả kiểm tra chữ ký' }).first().click();
    await page.getByRole('article', { name: 'Chữ ký 1' }).waitFor();
    await expectNoSeriousProblem(page);
    expect(browser.problems).toEqual([]);
  });

  it('reports a planted problem, so a clean screen means something', async () => {
    const { page } = browser;
    // A button with no name at all: what a screen reader reads as just "button".
    await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { createElement(tag: string): object; querySelector(s: string): { append(e: object): void } } }).document;
      doc.querySelector('main').append(doc.createElement('button'));
    });
    expect((await seriousViolations(page)).map((p) => p.id)).toContain('button-name');
  });
});

describe('accessibility of the first run (axe-core)', () => {
  it('finds no serious problem on the agency form', async () => {
    const bridge = await startTestBridge({ initialized: false });
    const browser = await launchBrowser();
    try {
      await browser.page.goto(bridge.pageUrl);
      await browser.page.getByRole('heading', { name: 'Chào mừng đến với VanThu' }).waitFor();
      await browser.page.getByRole('form', { name: 'Thông tin cơ quan' }).waitFor();
      await expectNoSeriousProblem(browser.page);
      expect(browser.problems).toEqual([]);
    } finally {
      await browser.close();
      await bridge.cleanup();
    }
  });
});
