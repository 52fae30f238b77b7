import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTransaction } from '../../src/main/db/connection.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { insertDocument } from '../../src/main/registry/document-writer.ts';
import { registerIdFor, seriesForIncoming } from '../../src/main/registry/series-repo.ts';
import { launchBrowser, poll, type TestBrowser } from '../support/browser.ts';
import { startTestBridge, type TestBridge } from '../support/bridge.ts';
import { fixedClock } from '../support/temp-profile.ts';
import { openIncomingRegister } from '../support/open-register.ts';

const ROWS = 100_000;

// 100,000 incoming rows in one transaction through the registry's own INSERT (search index
// included): the register of a large agency over several years, in seconds.
function seed(p: Profile): void {
  writeTransaction(p.db, () => {
    const registerId = registerIdFor(p, seriesForIncoming(p).id, 2026);
    for (let n = 1; n <= ROWS; n++) {
      const day = String(1 + (n % 28)).padStart(2, '0');
      insertDocument(p, {
        registerId,
        direction: 'incoming',
        year: 2026,
        number: n,
        registerDate: '2026-03-01',
        arrivalAt: null,
        codeNumber: String(n),
        codeNotation: 'UBND-VP',
        documentDate: `2026-02-${day}`,
        documentType: 'cong-van',
        documentTypeName: 'Công văn',
        subject: `Văn bản thử số ${n} về việc kiểm tra công tác văn thư`,
        issuingAgency: n % 2 === 0 ? 'UBND tỉnh Đồng Nai' : 'Sở Nội vụ',
        signerName: null,
        signerPosition: null,
        signerCompetence: null,
        recipientsText: null,
        recipientUnit: null,
        copies: null,
        pageCount: null,
        transferDate: null,
        receivedBy: null,
        notes: null,
        priority: n % 50 === 0 ? 'khan' : 'thuong',
        dueDate: null,
        documentIdentifier: null,
        duplicateKey: `seed-${n}`,
        status: 'active',
        voidReason: null,
        processingStatus: 'pending',
      });
    }
  });
}

describe('a register of 100,000 rows', () => {
  let bridge: TestBridge;
  let browser: TestBrowser;

  beforeAll(async () => {
    bridge = await startTestBridge({ clock: fixedClock('2026-03-10T02:00:00Z'), seed });
    browser = await launchBrowser();
    await browser.page.goto(bridge.pageUrl);
    await openIncomingRegister(browser.page);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await bridge?.cleanup();
  });

  const body = () => browser.page.locator('.vtable__body');
  const grid = () => browser.page.getByRole('grid', { name: 'Sổ văn bản đến' });
  // The Số đến cell of the row at `index` (0-based); in ascending order row i holds number i + 1.
  const numberAt = (index: number) => body().locator(`[role="row"][aria-rowindex="${index + 2}"] .vcell--number`);
  // The index of the top row wholly in view.
  const topRow = () => body().evaluate((el) => Math.ceil(el.scrollTop / 40));
  const scrollTo = (top: number) =>
    body().evaluate((el, to) => {
      el.scrollTop = to;
    }, top);

  it('scrolls to the last row while the DOM holds only a window of rows', async () => {
    const { page } = browser;
    const count = page.getByTestId('list-count');
    await poll(() => count.textContent()).toBe('100.000 văn bản');
    await page.getByLabel('Sắp xếp').selectOption('number:asc');
    const rows = body().locator('[role="row"]');
    await poll(() => numberAt(0).textContent()).toBe('1');

    // Jump to the middle by scrolling: the page of rows there is fetched on demand.
    await body().evaluate((el) => {
      el.scrollTop = el.scrollHeight / 2;
    });
    const middle = await topRow();
    expect(middle).toBeGreaterThan(45_000);
    expect(middle).toBeLessThan(55_000);
    await poll(() => numberAt(middle).textContent()).toBe(String(middle + 1));

    // Then to the end with the keyboard.
    await grid().focus();
    await page.keyboard.press('End');
    await poll(() => numberAt(ROWS - 1).textContent()).toBe(String(ROWS));
    expect(await numberAt(ROWS - 1).isVisible()).toBe(true);
    const rendered = await rows.count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);
    await browser.screenshot('large-register-end');
    expect(browser.problems).toEqual([]);
  });

  it('asks only for the rows where scrolling stops, not for every page passed on the way', async () => {
    const { page } = browser;
    const asked: string[] = [];
    const onRequest = (r: { url(): string; postData(): string | null }) => {
      if (r.url().endsWith('/api/documents.list')) asked.push(r.postData() ?? '');
    };
    page.on('request', onRequest);
    // A drag of the scrollbar: 30 positions a frame apart, from near the top to three quarters down.
    await body().evaluate(async (el) => {
      for (let i = 1; i <= 30; i++) {
        el.scrollTop = (el.scrollHeight * i) / 40;
        await new Promise<void>((resolve) => (globalThis as unknown as { requestAnimationFrame(next: () => void): number }).requestAnimationFrame(() => resolve()));
      }
    });
    const stop = await topRow();
    await poll(() => numberAt(stop).textContent()).toBe(String(stop + 1));
    page.off('request', onRequest);
    // Without waiting for the pause it would be a request per position (30 pages apart).
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.length).toBeLessThan(6);
  });

  it('after mouse scrolling, Enter acts on a row in view, and the list is where it was after the document', async () => {
    const { page } = browser;
    await grid().focus();
    await page.keyboard.press('Home');
    await poll(() => grid().getAttribute('aria-activedescendant')).toBe('vrow-0');
    await scrollTo(40 * 30_000);
    await poll(() => numberAt(30_000).textContent()).toBe('30001');

    // The active row (the first) is out of sight: Enter makes the top row in view active
    // instead of opening a document the clerk cannot see.
    await page.keyboard.press('Enter');
    await poll(() => grid().getAttribute('aria-activedescendant')).toBe('vrow-30000');
    expect(await page.getByRole('heading', { name: 'Sổ văn bản đến' }).count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Văn bản đến số 30001\/2026/ }).waitFor();

    await page.getByRole('button', { name: 'Về sổ' }).click();
    await poll(() => numberAt(30_000).textContent()).toBe('30001');
    expect(await topRow()).toBe(30_000);
    expect(await grid().getAttribute('aria-activedescendant')).toBe('vrow-30000');
  });

  it('offers to try again when a page of rows could not be fetched', async () => {
    const { page } = browser;
    // The server answers with an error envelope (as for a busy database) rather than the page.
    await page.route('**/api/documents.list', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ ok: false, error: { code: 'DB_BUSY', message: 'Cơ sở dữ liệu đang bận, hãy thử lại.' } }),
      }),
    );
    await scrollTo(40 * 80_000);
    const notice = page.getByRole('alert').filter({ hasText: 'Cơ sở dữ liệu đang bận, hãy thử lại.' });
    await notice.waitFor();
    expect(await body().locator('[role="row"][aria-rowindex="80002"]').getAttribute('class')).toContain('vrow--loading');
    await page.unroute('**/api/documents.list');
    await notice.getByRole('button', { name: 'Thử lại' }).click();
    await poll(() => numberAt(80_000).textContent()).toBe('80001');
    await notice.waitFor({ state: 'detached' });
    expect(browser.problems).toEqual([]);
  });

  it('searches the large register and says when matches pass 10,000', async () => {
    const { page } = browser;
    await page.getByLabel('Tìm kiếm (Ctrl+K)').fill('dong nai');
    await poll(() => page.getByTestId('list-count').textContent()).toContain('Hơn 10.000 kết quả');
    // The order is still ascending (first test): past the cap these are the earliest registered.
    expect(await page.getByTestId('list-count').textContent()).toContain('chỉ hiện 10.000 kết quả vào sổ sớm nhất');
    await page.locator('.vtable__body [role="row"]').first().getByText('UBND tỉnh Đồng Nai').waitFor();
    await browser.screenshot('large-register-search');
    await page.getByLabel('Sắp xếp').selectOption('number:desc');
    await poll(() => page.getByTestId('list-count').textContent()).toContain('chỉ hiện 10.000 kết quả mới nhất');
    expect(browser.problems).toEqual([]);
  });
});
