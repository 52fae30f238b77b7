import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, poll, type TestBrowser } from '../support/browser.ts';
import { bridgeCall, startTestBridge, type TestBridge } from '../support/bridge.ts';
import { ROOT } from '../support/cli.ts';
import { outgoing } from '../support/documents.ts';
import { draftPdf } from '../support/draft-pdf.ts';
import { createSoftHsm, type SoftHsm } from '../support/softhsm.ts';
import { tempDir } from '../support/temp-profile.ts';
import { createTestPki } from '../support/test-pki.ts';

// Ký số through the UI, against SoftHSM tokens: the settings (images, trust anchors, a library
// that is not there), a wrong PIN that signs nothing, approval with a moved signature, number and
// date, agency signature with the other token, and the verification panel on the issued file.
// What the page-side callbacks use. This file is type-checked without the DOM library, and the
// callbacks run in the page, so they may use only these types and nothing from this module.
interface CanvasLike {
  readonly width: number;
  readonly height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
}
interface NodeLike {
  compareDocumentPosition(other: unknown): number;
}
interface PageGlobals {
  readonly document: { readonly activeElement: unknown };
}

describe('signing and verifying in the UI', () => {
  let hsm: SoftHsm;
  let bridge: TestBridge;
  let browser: TestBrowser;
  let documentId: number;
  let draftSha: string;
  const work = tempDir('vanthu-e2e-signing-');
  const MISSING_MODULE = join(work.dir, 'khong-co', 'libtoken.so');

  beforeAll(async () => {
    const pki = await createTestPki();
    hsm = await createSoftHsm(pki, { labels: ['LANH-DAO', 'CO-QUAN'] });
    writeFileSync(join(work.dir, 'root.pem'), pki.root.pem);
    bridge = await startTestBridge({ tokenEnv: hsm.env });
    const doc = await bridgeCall(bridge, 'outgoing.register', outgoing());
    documentId = doc.id;
    const pdf = await draftPdf(join(work.dir, 'quyet-dinh.pdf'), { place: 'Xã Hòa Tiến,' });
    const file = await bridgeCall(bridge, 'documents.addAttachment', { documentId, name: 'quyet-dinh.pdf', dataBase64: readFileSync(pdf).toString('base64') });
    draftSha = file.sha256;
    browser = await launchBrowser();
    await browser.page.goto(bridge.pageUrl);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await bridge?.cleanup();
    hsm?.cleanup();
    work.cleanup();
  });

  const files = async () => (await bridgeCall(bridge, 'documents.get', { id: documentId })).attachments;
  const row = (page: Page, name: string) => page.locator('#attachments-title ~ table tbody tr').filter({ has: page.getByRole('cell', { name, exact: true }) });

  async function openDocument(page: Page) {
    await page.getByRole('navigation').getByRole('button', { name: 'Sổ văn bản đi' }).click();
    await page.locator('.vtable__body [role="row"]').first().click();
    await page.getByRole('heading', { name: 'Văn bản kèm theo' }).waitFor();
  }

  // The token by its label, and its RSA certificate by the holder's name.
  async function chooseToken(page: Page, label: string, holder: string) {
    const dialog = page.getByRole('dialog');
    const token = await dialog.locator('option', { hasText: `${label} —` }).getAttribute('value');
    await dialog.getByLabel('Thiết bị ký số').selectOption(token ?? '');
    const certificate = await dialog.locator('option', { hasText: `${holder} (RSA)` }).getAttribute('value');
    await dialog.getByLabel('Chứng thư số').selectOption(certificate ?? '');
    await dialog.getByText(`CN=${holder}, T=Chủ tịch`, { exact: false }).waitFor();
  }

  // The preview is drawn: pdf.js put ink on the canvas and the rectangle is over it.
  async function previewDrawn(page: Page) {
    await page.locator('.page-preview__rect').waitFor();
    await poll(() =>
      page.locator('.page-preview__canvas').evaluate((element) => {
        const c = element as unknown as CanvasLike;
        const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 128) dark++;
        return dark;
      }),
    ).toBeGreaterThan(500);
  }

  it('keeps the signing settings, the two images, and lists the tokens and a library that failed', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Cài đặt' }).click();
    const form = page.getByRole('form', { name: 'Cài đặt ký số' });
    await form.getByLabel('Đường dẫn thư viện').fill(MISSING_MODULE);
    await form.getByLabel('Đường dẫn thư viện').press('Enter');
    await form.getByLabel('Đường dẫn thư mục').fill(work.dir);
    await form.getByRole('button', { name: 'Thêm' }).nth(1).click();
    await form.getByLabel('Máy chủ dấu thời gian').fill('khong-phai-dia-chi');
    await form.getByRole('button', { name: 'Lưu cài đặt ký số' }).click();
    await page.getByText('Máy chủ dấu thời gian: phải là địa chỉ http:// hoặc https://').first().waitFor();
    expect((await bridgeCall(bridge, 'signing.settings', {})).trustAnchorDirs).toEqual([]);

    await form.getByLabel('Máy chủ dấu thời gian').fill('');
    await form.getByLabel('Đường kính con dấu (mm)').press('Control+Enter');
    await page.getByText('Đã lưu cài đặt ký số.').waitFor();
    expect(await bridgeCall(bridge, 'signing.settings', {})).toMatchObject({ modulePaths: [MISSING_MODULE], trustAnchorDirs: [work.dir], tsaUrl: null });

    const images = page.getByRole('group', { name: 'Ảnh chữ ký và con dấu' });
    await images.getByLabel('Ảnh chữ ký').setInputFiles(join(ROOT, 'resources', 'signing', 'signature-placeholder.png'));
    await page.getByText('Đã lưu ảnh chữ ký "signature-placeholder.png".').waitFor();
    await images.getByLabel('Ảnh con dấu').setInputFiles(join(ROOT, 'resources', 'signing', 'seal-placeholder.png'));
    await page.getByText('Đã lưu ảnh con dấu "seal-placeholder.png".').waitFor();
    expect(await bridgeCall(bridge, 'signing.settings', {})).toMatchObject({ hasSignatureImage: true, hasSealImage: true });
    expect(await images.getByText('Đã có ảnh').count()).toBe(2);

    const found = page.locator('.token-modules__list > li');
    const missing = found.filter({ hasText: MISSING_MODULE });
    await missing.waitFor();
    expect(await missing.locator('.badge').textContent()).toBe('Không tìm thấy tệp');
    expect((await missing.locator('.token-modules__reason').textContent())?.trim()).toBe('Không tìm thấy tệp thư viện ở đường dẫn này.');
    // Each module is headed by its CA; a path the clerk typed, or a name the table does not
    // know (SoftHSM), says so instead of guessing, and where it was found is said below.
    expect(await missing.locator('.token-modules__owner').textContent()).toBe('Không rõ tổ chức cấp');
    expect(await missing.locator('.token-modules__origin').textContent()).toBe(`${MISSING_MODULE} — tìm thấy qua đường dẫn do người dùng chỉ định`);
    const softhsm = found.filter({ hasText: hsm.modulePath });
    expect(await softhsm.locator('.badge').first().textContent()).toBe('Đã nạp');
    expect(await softhsm.locator('.token-modules__owner').textContent()).toBe('Không rõ tổ chức cấp');
    expect(await softhsm.locator('.token-modules__origin').textContent()).toBe(`${hsm.modulePath} — tìm thấy qua tên tệp đã biết, trong thư mục hệ thống hoặc của nhà cung cấp`);
    for (const t of hsm.tokens) await softhsm.getByText(t.label, { exact: true }).waitFor();
    expect(await softhsm.getByRole('cell', { name: 'Nguyễn Văn Token 0' }).count()).toBe(1);
    await page.getByRole('heading', { name: 'Thiết bị ký số tìm thấy' }).scrollIntoViewIfNeeded();
    await browser.screenshot('signing-settings');
  });

  it('refuses a wrong PIN with the token\'s message shown first, signs nothing and empties the box', async () => {
    const { page } = browser;
    await openDocument(page);
    const draft = row(page, 'quyet-dinh.pdf');
    expect(await draft.textContent()).toContain('Tệp gốc');
    await draft.getByRole('button', { name: 'Ký số…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Ký số: quyet-dinh.pdf' }).waitFor();
    expect(await dialog.getByRole('radio', { name: /^Ký duyệt/ }).isChecked()).toBe(true);
    await chooseToken(page, 'LANH-DAO', 'Nguyễn Văn Token 0');
    const pin = dialog.getByLabel('Mã PIN');
    expect(await pin.getAttribute('type')).toBe('password');
    expect(await pin.getAttribute('autocomplete')).toBe('off');
    // What the token says about the PIN comes before the box, and the box points to it.
    const leader = (await bridgeCall(bridge, 'token.list', {})).flatMap((m) => m.tokens).find((t) => t.label === 'LANH-DAO');
    const status = dialog.locator(`[id="${await pin.getAttribute('aria-describedby')}"]`);
    expect(await status.textContent()).toBe(leader?.pinStatus.messageVi);
    // 4 = Node.DOCUMENT_POSITION_FOLLOWING: the box comes after the status in the page.
    expect(await status.evaluate((s, box) => Boolean((s as unknown as NodeLike).compareDocumentPosition(box) & 4), await pin.elementHandle())).toBe(true);

    await pin.fill('999999');
    await pin.press('Enter');
    const refusal = dialog.locator('.notice--error');
    await refusal.getByText(/^Mã PIN không đúng\./).waitFor();
    expect(await refusal.textContent()).not.toContain('999999');
    expect(await pin.inputValue()).toBe('');
    await poll(() => pin.evaluate((box) => box === (globalThis as unknown as PageGlobals).document.activeElement)).toBe(true);
    expect(await dialog.locator('.batch').textContent()).toContain('Chờ ký');
    expect((await files()).length).toBe(1);
    await browser.screenshot('signing-wrong-pin');
  });

  it('approves with the leader token at a moved place, shown in the batch result', async () => {
    const { page } = browser;
    const dialog = page.getByRole('dialog');
    await previewDrawn(page);
    const rect = page.locator('.page-preview__rect');
    const before = await rect.boundingBox();
    if (!before) throw new Error('no signature rectangle');
    await page.mouse.move(before.x + 10, before.y + 10);
    await page.mouse.down();
    await page.mouse.move(before.x + 40, before.y - 10, { steps: 5 });
    await page.mouse.up();
    await rect.press('Shift+ArrowRight');
    await rect.press('ArrowUp');
    const after = await rect.boundingBox();
    expect(after?.x).toBeGreaterThan(before.x + 30);
    expect(after?.y).toBeLessThan(before.y - 15);
    expect(await dialog.locator('figcaption').textContent()).toContain('(đã dời)');

    const standard = await bridgeCall(bridge, 'signing.placement', { documentId, sha256: draftSha, kind: 'approval' });
    const sent = page.waitForRequest('**/api/signing.sign');
    await dialog.getByLabel('Mã PIN').fill(hsm.tokens[0]!.pin);
    await dialog.getByRole('button', { name: 'Ký số', exact: true }).click();
    await dialog.getByText('Đã ký 1/1 tệp.').waitFor();
    // The drag (30 px right, 20 px up at 420 px for 595.28 pt) and the keys (10 pt right, 1 pt
    // up) reached the server in PDF points.
    const body = JSON.parse((await sent).postData() ?? '{}') as { pin: string; items: Array<{ placement: { page: number; rect: number[] } }> };
    const scale = 420 / 595.28;
    const moved = body.items[0]!.placement;
    expect(moved.page).toBe(standard.page);
    expect(moved.rect[0]).toBeCloseTo(standard.rect[0] + 30 / scale + 10, 0);
    expect(moved.rect[1]).toBeCloseTo(standard.rect[1] + 20 / scale + 1, 0);
    expect(moved.rect[2]! - moved.rect[0]!).toBeCloseTo(standard.rect[2] - standard.rect[0], 1);
    expect(await dialog.getByLabel('Mã PIN').inputValue()).toBe('');
    expect(await dialog.locator('.batch').textContent()).toContain('Đã ký (B-B): quyet-dinh-ky-duyet.pdf');
    await browser.screenshot('signing-approved');

    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row(page, 'quyet-dinh-ky-duyet.pdf').getByText('Bản đã ký duyệt').waitFor();
    expect((await files()).map((f) => f.revisionKind)).toEqual([null, 'approval']);
  });

  it('writes the number and date, then issues with the agency token', async () => {
    const { page } = browser;
    const approved = row(page, 'quyet-dinh-ky-duyet.pdf');
    await approved.getByRole('button', { name: 'Ghi số, ngày' }).click();
    await page.getByText(/^Đã ghi số, ngày vào tệp mới "/).waitFor();
    const numbered = (await files()).find((f) => f.revisionKind === 'number');
    if (!numbered) throw new Error('no numbered file');
    const numberedRow = row(page, numbered.name);
    await numberedRow.getByText('Bản đã ghi số, ngày').waitFor();

    await numberedRow.getByRole('button', { name: 'Ký số…' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByRole('radio', { name: /^Ký phát hành/ }).isChecked()).toBe(true);
    await chooseToken(page, 'CO-QUAN', 'Nguyễn Văn Token 1');
    await previewDrawn(page);
    await browser.screenshot('signing-dialog-agency');
    await dialog.getByLabel('Mã PIN').fill(hsm.tokens[1]!.pin);
    await dialog.getByLabel('Mã PIN').press('Enter');
    await dialog.getByText('Đã ký 1/1 tệp.').waitFor();
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await files()).map((f) => f.revisionKind)).toEqual([null, 'approval', 'number', 'agency']);
  });

  it('shows the verification of the issued file: the verdict, both signatures and every check', async () => {
    const { page } = browser;
    const issued = (await files()).find((f) => f.revisionKind === 'agency');
    if (!issued) throw new Error('no issued file');
    await row(page, issued.name).getByRole('button', { name: 'Kiểm tra chữ ký' }).click();
    const panel = page.getByRole('region', { name: `Kiểm tra chữ ký: ${issued.name}` });
    await panel.getByText('Tất cả 2 chữ ký hợp lệ.').waitFor();
    expect(await panel.getByRole('status').first().textContent()).toContain('Hợp lệ theo các bước kiểm tra');
    const signatures = panel.getByRole('article');
    expect(await signatures.count()).toBe(2);
    expect(await signatures.nth(0).getByRole('heading').textContent()).toContain('Nguyễn Văn Token 0');
    expect(await signatures.nth(1).getByRole('heading').textContent()).toContain('Nguyễn Văn Token 1');
    for (const i of [0, 1]) {
      const checks = signatures.nth(i).locator('.checks tbody tr');
      expect(await checks.count()).toBe(7);
      expect(await checks.filter({ hasText: 'Toàn vẹn nội dung' }).locator('.badge').textContent()).toBe('Đạt');
      expect(await checks.filter({ hasText: 'Độ mạnh thuật toán' }).locator('.badge').textContent()).toBe('Đạt');
      expect(await checks.filter({ hasText: 'Chuỗi tin cậy' }).locator('.badge').textContent()).toBe('Đạt');
      expect(await signatures.nth(i).textContent()).toContain('PAdES B-B');
    }
    expect(await signatures.nth(0).textContent()).toContain('Ký duyệt');
    expect(await signatures.nth(1).textContent()).toContain('Ký phát hành');
    await panel.getByRole('heading').first().scrollIntoViewIfNeeded();
    await browser.screenshot('signing-verification');
    await panel.getByRole('button', { name: 'Đóng kết quả kiểm tra' }).click();
    await panel.waitFor({ state: 'detached' });
  });

  it('signs the ticked files as attachments in one batch, each with its result', async () => {
    const { page } = browser;
    await row(page, 'quyet-dinh.pdf').getByRole('checkbox').check();
    await row(page, 'quyet-dinh-ky-phat-hanh.pdf').getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Ký số các tệp đã chọn…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Ký số 2 tệp' }).waitFor();
    await dialog.getByRole('radio', { name: /^Ký tệp đính kèm/ }).check();
    await chooseToken(page, 'CO-QUAN', 'Nguyễn Văn Token 1');
    await previewDrawn(page);
    // The preview follows the file chosen in the list.
    const second = dialog.locator('.batch tbody tr').nth(1).getByRole('button', { name: 'Xem trang ký' });
    await second.click();
    expect(await second.getAttribute('aria-pressed')).toBe('true');
    await dialog.getByRole('figure', { name: 'Xem trước trang ký: quyet-dinh-ky-phat-hanh.pdf' }).waitFor();
    await previewDrawn(page);

    await dialog.getByLabel('Mã PIN').fill(hsm.tokens[1]!.pin);
    await dialog.getByRole('button', { name: 'Ký 2 tệp' }).click();
    await dialog.getByText('Đã ký 2/2 tệp.').waitFor();
    const results = await dialog.locator('.batch tbody .badge').allTextContents();
    expect(results).toHaveLength(2);
    for (const r of results) expect(r).toMatch(/^Đã ký \(B-B\): .+\.pdf\.$/);
    expect(await dialog.getByRole('button', { name: /^Ký/ }).isDisabled()).toBe(true);
    await poll(() => dialog.getByRole('button', { name: 'Đóng' }).evaluate((b) => b === (globalThis as unknown as PageGlobals).document.activeElement)).toBe(true);
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    expect((await files()).filter((f) => f.revisionKind === 'attachment')).toHaveLength(2);
    expect(browser.problems).toEqual([]);
  });
});
