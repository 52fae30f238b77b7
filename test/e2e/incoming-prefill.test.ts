import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PREFILL_BYTES } from '../../src/shared/api/schemas/prefill.ts';
import { launchBrowser, poll, type TestBrowser } from '../support/browser.ts';
import { bridgeCall, bridgeEnvelope, startTestBridge, type TestBridge } from '../support/bridge.ts';
import { openIncomingRegister } from '../support/open-register.ts';
import { expectedOf, prefillCorpus } from '../support/prefill-corpus.ts';
import { renderNumberedDraft } from '../support/prefill-drafts.ts';
import { fixedClock, tempDir } from '../support/temp-profile.ts';

// docs/prefill.md: a PDF attached in Vào sổ văn bản đến gives proposals under the boxes, which
// the clerk takes one by one (keyboard) or all at once, and may still edit; none is filled alone.
describe('proposals from the attached PDF in the incoming form', () => {
  let bridge: TestBridge;
  let browser: TestBrowser;
  const files = tempDir('vanthu-e2e-prefill-');
  const c = prefillCorpus(2)[1] as ReturnType<typeof prefillCorpus>[number];
  const expected = expectedOf(c);
  const shownDate = expected.documentDate.split('-').reverse().join('/');

  beforeAll(async () => {
    bridge = await startTestBridge({ clock: fixedClock('2026-12-30T02:00:00Z') });
    browser = await launchBrowser();
    await browser.page.goto(bridge.pageUrl);
    await openIncomingRegister(browser.page);
    writeFileSync(join(files.dir, 'van-ban-den.pdf'), await renderNumberedDraft(c));
    writeFileSync(join(files.dir, 'hong.pdf'), '%PDF-1.7\n1 0 obj << /Type /Catalog');
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.cleanup();
    files.cleanup();
  });

  it('shows proposals under the boxes, takes one with the keyboard, then the rest, and registers', async () => {
    const { page } = browser;
    await page.keyboard.press('Alt+n');
    await page.getByRole('heading', { name: 'Vào sổ văn bản đến' }).waitFor();
    await page.getByLabel('Văn bản kèm theo').setInputFiles(join(files.dir, 'van-ban-den.pdf'));
    const notice = page.getByTestId('proposal-notice');
    await poll(() => notice.textContent()).toBe('Đã đọc tệp van-ban-den.pdf: 8 ô có đề xuất, hãy kiểm tra trước khi dùng. Dùng tất cả đề xuất');
    // Proposed, not filled.
    expect(await page.getByLabel('Cơ quan ban hành').inputValue()).toBe('');
    expect(await page.getByTestId('field-proposal').count()).toBe(8);

    const take = page.getByRole('button', { name: `Dùng đề xuất “${expected.codeNotation}”` });
    await take.focus();
    await page.keyboard.press('Enter');
    await poll(() => page.getByLabel('Ký hiệu').inputValue()).toBe(expected.codeNotation);
    expect(await page.getByTestId('field-proposal').count()).toBe(7);
    await browser.screenshot('incoming-prefill-proposals');

    // An edited box shows its proposal again until the clerk takes it or leaves it.
    await page.getByLabel('Trích yếu').fill('Trích yếu do văn thư sửa');
    expect(await page.getByTestId('field-proposal').count()).toBe(7);
    await page.getByRole('button', { name: 'Dùng tất cả đề xuất' }).click();
    await poll(() => page.getByTestId('field-proposal').count()).toBe(0);
    expect(await page.getByLabel('Trích yếu').inputValue()).toBe(expected.subject);
    expect(await page.getByLabel('Ngày văn bản').inputValue()).toBe(shownDate);
    expect(await page.getByLabel('Chức vụ người ký').inputValue()).toBe(expected.signerPosition);
    await page.getByLabel('Trích yếu').fill(`${expected.subject} (bản sửa)`);

    await page.getByRole('button', { name: 'Vào sổ (Enter)' }).click();
    await poll(() => page.getByTestId('saved-incoming').textContent()).toBe('Đã vào sổ: số đến 1/2026');
    // A saved form starts the next document without the old proposals.
    expect(await notice.count()).toBe(0);
    const list = await bridgeCall(bridge, 'documents.list', { direction: 'incoming' });
    const doc = list.rows[0];
    expect(doc).toMatchObject({
      issuingAgency: expected.issuingAgency,
      codeNumber: expected.codeNumber,
      codeNotation: expected.codeNotation,
      documentDate: expected.documentDate,
      subject: `${expected.subject} (bản sửa)`,
      signerName: expected.signerName,
      signerPosition: expected.signerPosition,
    });
  });

  it('says why a broken PDF gives no proposals and leaves the form usable', async () => {
    const { page } = browser;
    await page.getByLabel('Văn bản kèm theo').setInputFiles(join(files.dir, 'hong.pdf'));
    await poll(() => page.getByTestId('proposal-notice').textContent()).toBe('Tệp PDF bị hỏng hoặc không đọc được: không có đề xuất; hãy nhập các ô.');
    expect(await page.getByTestId('field-proposal').count()).toBe(0);
    await page.getByLabel('Văn bản kèm theo').setInputFiles([]);
    await poll(() => page.getByTestId('proposal-notice').count()).toBe(0);
  });

  it('the operation answers a broken file with a message and refuses an oversized one', async () => {
    const broken = await bridgeCall(bridge, 'incoming.proposeFields', { fileName: 'x.pdf', dataBase64: Buffer.from('%PDF-1.4\n%%EOF').toString('base64') });
    expect(broken.status).toBe('unreadable');
    expect(broken.proposals.codeNumber).toBe(null);
    const big = await bridgeEnvelope(bridge, 'incoming.proposeFields', { dataBase64: 'A'.repeat(Math.ceil((MAX_PREFILL_BYTES * 4) / 3) + 8) });
    expect(big.ok).toBe(false);
    expect(big.ok ? null : big.error.code).toBe('INVALID_INPUT');
  });
});
