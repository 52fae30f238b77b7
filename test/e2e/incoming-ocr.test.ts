import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, poll, type TestBrowser } from '../support/browser.ts';
import { bridgeCall, startTestBridge, type TestBridge } from '../support/bridge.ts';
import { openIncomingRegister } from '../support/open-register.ts';
import { expectedOf, prefillCorpus } from '../support/prefill-corpus.ts';
import { scannedDraft } from '../support/scanned-drafts.ts';
import { fixedClock, tempDir } from '../support/temp-profile.ts';
import { describeProblems, seriousViolations } from '../support/axe.ts';

// Issue 14's walk-through (docs/ocr.md "In the app"): a 200-dpi scan of a công văn dropped on
// Vào sổ văn bản đến is recognised offline with a bar per page; the fields are proposed with
// their words marked on the page image; the clerk corrects one and registers; the document is
// then found by a word only the scan's body holds.
describe('a scan recognised in the incoming form', () => {
  let bridge: TestBridge;
  let browser: TestBrowser;
  const files = tempDir('vanthu-e2e-ocr-');
  const corpus = prefillCorpus(12);
  const c = corpus.find((x) => x.documentType === 'cong-van' && x.paragraphs.length <= 3) ?? (corpus[2] as (typeof corpus)[number]);
  const expected = expectedOf(c);

  beforeAll(async () => {
    bridge = await startTestBridge({ clock: fixedClock('2026-12-30T02:00:00Z') });
    browser = await launchBrowser();
    await browser.page.goto(bridge.pageUrl);
    await openIncomingRegister(browser.page);
    writeFileSync(join(files.dir, 'cong-van-quet.pdf'), (await scannedDraft(c, 200, 33)).pdf);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await bridge?.cleanup();
    files.cleanup();
  });

  it('shows the progress, proposes the fields with their words marked, registers the corrected form, and finds it by a word of the body', async () => {
    const { page } = browser;
    await page.keyboard.press('Alt+n');
    await page.getByRole('heading', { name: 'Vào sổ văn bản đến' }).waitFor();
    expect(await page.getByLabel('Khi nhận dạng bản quét, lưu kèm bản PDF tìm kiếm được chữ (ảnh quét giữ nguyên)').isChecked()).toBe(true);
    await page.getByLabel('Văn bản kèm theo').setInputFiles(join(files.dir, 'cong-van-quet.pdf'));

    // The bar per page while the engine reads.
    const progress = page.getByTestId('scan-progress');
    await progress.waitFor();
    expect(await progress.textContent()).toMatch(/Đang nhận dạng chữ bản quét cong-van-quet\.pdf/);
    await poll(async () => Number(await page.getByTestId('scan-page-progress').getAttribute('value')) > 0, 60_000).toBe(true);
    await browser.screenshot('incoming-ocr-progress');

    const notice = page.getByTestId('proposal-notice');
    await poll(() => notice.textContent(), 120_000).toMatch(/^Đã nhận dạng chữ bản quét cong-van-quet\.pdf: \d ô có đề xuất, hãy kiểm tra với ảnh quét trước khi dùng\./);
    // Proposed, not filled.
    expect(await page.locator('input[name="codeNumber"]').inputValue()).toBe('');

    // The page image drawn, the words of each proposal marked; the field the clerk is in marked more strongly.
    const preview = page.getByTestId('scan-preview');
    await poll(() => preview.getAttribute('data-drawn')).toBe('yes');
    expect(await preview.locator('rect[data-field="codeNumber"]').count()).toBeGreaterThan(0);
    expect(await preview.locator('rect[data-field="subject"]').count()).toBeGreaterThan(0);
    // Going into a field closes in on its words without moving anything below the preview.
    const below = async () => (await page.getByLabel('Cơ quan ban hành').boundingBox())?.y;
    const before = await below();
    await page.getByLabel('Trích yếu').focus();
    await poll(() => preview.locator('rect.scan-mark--active').first().getAttribute('data-field')).toBe('subject');
    expect(await below()).toBe(before);
    expect(await preview.locator('figcaption').textContent()).toContain('khung đậm là chỗ đọc được ô Trích yếu');
    // Closed in on the subject's lines: the view is the page's width and a few lines high.
    const viewBox = (await preview.locator('svg').getAttribute('viewBox'))?.split(' ').map(Number) ?? [];
    expect(viewBox[2]).toBe(1654);
    expect(viewBox[3]).toBeLessThan(600);
    await browser.screenshot('incoming-ocr-highlights');
    const problems = await seriousViolations(page);
    expect(problems, describeProblems(problems)).toEqual([]);

    await page.getByRole('button', { name: 'Dùng tất cả đề xuất' }).click();
    await poll(() => page.getByLabel('Ký hiệu').inputValue()).toBe(expected.codeNotation);
    expect(await page.getByLabel('Trích yếu').inputValue()).toBe(expected.subject);
    // The clerk corrects one field.
    await page.getByLabel('Cơ quan ban hành').fill('UBND thành phố (sửa tay)');
    await page.getByRole('button', { name: 'Vào sổ (Enter)' }).click();
    await poll(() => page.getByTestId('saved-incoming').textContent()).toBe('Đã vào sổ: số đến 1/2026');

    const doc = (await bridgeCall(bridge, 'documents.list', { direction: 'incoming' })).rows[0];
    expect(doc).toMatchObject({ issuingAgency: 'UBND thành phố (sửa tay)', codeNumber: expected.codeNumber, codeNotation: expected.codeNotation, documentDate: expected.documentDate, subject: expected.subject });
    const detail = await bridgeCall(bridge, 'documents.get', { id: doc?.id ?? 0 });
    expect(detail.attachments.map((a) => a.name)).toEqual(['cong-van-quet.pdf', 'cong-van-quet-tim-kiem.pdf']);
    const searchable = await bridgeCall(bridge, 'documents.readAttachment', { documentId: doc?.id ?? 0, sha256: detail.attachments[1]?.sha256 ?? '' });
    writeFileSync(join(files.dir, 'tim-kiem.pdf'), Buffer.from(searchable.dataBase64, 'base64'));
    expect(execFileSync('pdftotext', [join(files.dir, 'tim-kiem.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')).toContain('Cổng dịch vụ công');

    // Found by words that only the body of the scan holds, without their diacritics.
    await page.getByRole('button', { name: 'Về sổ văn bản đến' }).click();
    await page.getByLabel('Tìm kiếm (Ctrl+K)').fill('cong dich vu cong quoc gia');
    await poll(() => page.getByTestId('list-count').textContent()).toBe('1 kết quả');
    await page.locator('.vtable__body [role="row"]').first().getByText(expected.subject).waitFor();
    expect(browser.problems).toEqual([]);
  }, 240_000);
});
