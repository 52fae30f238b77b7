import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTransaction } from '../../src/main/db/connection.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { insertDocument } from '../../src/main/registry/document-writer.ts';
import { registerIdFor, seriesForIncoming } from '../../src/main/registry/series-repo.ts';
import { launchBrowser, poll, type TestBrowser } from '../support/browser.ts';
import { startTestBridge, type TestBridge } from '../support/bridge.ts';
import { fixedClock } from '../support/temp-profile.ts';

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
    await browser.page.getByRole('heading', { name: 'Sổ văn bản đến' }).waitFor();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await bridge?.cleanup();
  });

  it('scrolls to the last row while the DOM holds only a window of rows', async () => {
    const { page } = browser;
    const count = page.getByTestId('list-count');
    await poll(() => count.textContent()).toBe('100.000 văn bản');
    await page.getByLabel('Sắp xếp').selectOption('number:asc');
    const body = page.locator('.vtable__body');
    const rows = body.locator('[role="row"]');
    const firstCell = (n: number) => body.locator(`[role="row"][aria-rowindex="${n + 1}"] [role="gridcell"]`).first();
    await poll(() => firstCell(1).textContent()).toBe('1');

    // Jump to the middle by scrolling: the page of rows there is fetched on demand.
    await body.evaluate((el) => {
      el.scrollTop = el.scrollHeight / 2;
    });
    await poll(() => body.locator('.vrow--loading').count()).toBe(0);
    const middle = Number(await rows.first().locator('[role="gridcell"]').first().textContent());
    expect(middle).toBeGreaterThan(45_000);
    expect(middle).toBeLessThan(55_000);

    // Then to the end with the keyboard.
    await body.focus();
    await page.keyboard.press('End');
    await poll(() => firstCell(ROWS).textContent()).toBe(String(ROWS));
    expect(await firstCell(ROWS).isVisible()).toBe(true);
    const rendered = await rows.count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);
    await browser.screenshot('large-register-end');
    expect(browser.problems).toEqual([]);
  });

  it('searches the large register and says when matches pass 10,000', async () => {
    const { page } = browser;
    await page.getByLabel('Tìm kiếm (Ctrl+K)').fill('dong nai');
    await poll(() => page.getByTestId('list-count').textContent()).toContain('Hơn 10.000 kết quả');
    await page.locator('.vtable__body [role="row"]').first().getByText('UBND tỉnh Đồng Nai').waitFor();
    await browser.screenshot('large-register-search');
    expect(browser.problems).toEqual([]);
  });
});
