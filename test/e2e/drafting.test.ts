import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, poll, type TestBrowser } from '../support/browser.ts';
import { bridgeCall, startTestBridge, type TestBridge } from '../support/bridge.ts';
import { ROOT } from '../support/cli.ts';
import { createSoftHsm, type SoftHsm } from '../support/softhsm.ts';
import { tempDir } from '../support/temp-profile.ts';
import { createTestPki } from '../support/test-pki.ts';
import { openIncomingRegister } from '../support/open-register.ts';
import { openDatabase } from '../../src/main/db/connection.ts';
import { foldVietnamese } from '../../src/shared/domain/fold.ts';

// Soạn thảo and Phát hành through the UI: a công văn drafted in the form with its live preview,
// created, submitted, approved with the leader's SoftHSM token (after a wrong PIN) and its
// approval verified before numbering, numbered, issued with the agency's token, registered and
// distributed, then found in Sổ văn bản đi; then a corrective công văn for it, and a secret
// draft refused until Cài đặt allows it.
// This file is type-checked without the DOM library; the page-side callbacks use only these.
interface CanvasLike {
  readonly width: number;
  readonly height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
}

const SUBJECT = 'tổ chức tiêm chủng mở rộng đợt 1 năm 2026';
const SIGNER = 'Lê Thị Hồng Nhung';

describe('drafting a công văn and carrying it through issuance in the UI', () => {
  let hsm: SoftHsm;
  let bridge: TestBridge;
  let browser: TestBrowser;
  let issuanceId: number;
  const work = tempDir('vanthu-e2e-drafting-');

  beforeAll(async () => {
    const pki = await createTestPki();
    hsm = await createSoftHsm(pki, { labels: ['LANH-DAO', 'CO-QUAN'] });
    writeFileSync(join(work.dir, 'root.pem'), pki.root.pem);
    bridge = await startTestBridge({ tokenEnv: hsm.env });
    const image = (name: string) => readFileSync(join(ROOT, 'resources', 'signing', name)).toString('base64');
    await bridgeCall(bridge, 'signing.saveSettings', {
      trustAnchorDirs: [work.dir],
      signatureImageBase64: image('signature-placeholder.png'),
      sealImageBase64: image('seal-placeholder.png'),
    });
    browser = await launchBrowser();
    await browser.page.goto(bridge.pageUrl);
    await openIncomingRegister(browser.page);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await bridge?.cleanup();
    hsm?.cleanup();
    work.cleanup();
  });

  const record = () => bridgeCall(bridge, 'issuance.get', { id: issuanceId });
  const state = (page: Page) => page.getByTestId('issuance-state');

  // How much ink pdf.js put on the first page of the preview: it changes when the text does.
  const ink = (page: Page) =>
    page.locator('.draft-preview__page').first().evaluate((element) => {
      const c = element as unknown as CanvasLike;
      const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 128) dark++;
      return dark;
    });
  const previewSettled = async (page: Page) => {
    await poll(() => page.getByTestId('draft-preview-status').textContent()).toMatch(/^\d+ trang\.$/);
    await poll(() => page.locator('.draft-preview__page').first().getAttribute('data-drawn')).toBe('yes');
  };

  async function chooseToken(page: Page, label: string, holder: string) {
    const dialog = page.getByRole('dialog');
    const token = await dialog.locator('option', { hasText: `${label} —` }).getAttribute('value');
    await dialog.getByLabel('Thiết bị ký số').selectOption(token ?? '');
    const certificate = await dialog.locator('option', { hasText: `${holder} (RSA)` }).getAttribute('value');
    await dialog.getByLabel('Chứng thư số').selectOption(certificate ?? '');
    await dialog.getByText(`CN=${holder}, T=Chủ tịch`, { exact: false }).waitFor();
  }

  it('drafts a công văn with the live preview, names an emptied trích yếu, and creates it', async () => {
    const { page } = browser;
    await page.getByRole('navigation').getByRole('button', { name: 'Soạn thảo' }).click();
    await page.getByRole('heading', { name: 'Soạn thảo văn bản' }).waitFor();
    expect(await page.getByLabel('Loại văn bản').inputValue()).toBe('cong-van');
    await previewSettled(page);
    expect(await ink(page)).toBeGreaterThan(500);

    // Refusal: an emptied trích yếu is named under its box by the server's preview.
    const subject = page.getByLabel('Trích yếu (sau "V/v")');
    await subject.fill('');
    const subjectField = page.locator('.field').filter({ has: subject });
    await poll(() => subjectField.locator('.field__error').textContent()).toBe('không được để trống');
    expect(await subject.getAttribute('aria-invalid')).toBe('true');
    await page.locator('.draft-preview .notice--warning').getByText(/Trích yếu: không được để trống/).waitFor();

    const before = await ink(page);
    const rendered = page.waitForResponse((r) => r.url().endsWith('/api/drafts.preview') && (r.request().postData() ?? '').includes(SIGNER));
    await subject.fill(SUBJECT);
    await page.locator('[name="fullName"]').fill(SIGNER);
    await page.getByLabel('Kính gửi 3', { exact: true }).fill('Trạm Y tế xã Hòa Tiến');
    const sent = JSON.parse((await rendered).request().postData() ?? '{}') as { draft: { subject: string; recipients: string[] } };
    expect(sent.draft.subject).toBe(SUBJECT);
    expect(sent.draft.recipients[2]).toBe('Trạm Y tế xã Hòa Tiến');
    await previewSettled(page);
    await poll(() => subjectField.locator('.field__error').count()).toBe(0);
    expect(await ink(page)).not.toBe(before);

    // The structured lists: add a Nơi nhận, move it to the top.
    await page.getByRole('button', { name: 'Thêm nơi nhận' }).click();
    await page.getByLabel('Nơi nhận 4', { exact: true }).fill('Trung tâm Y tế thành phố');
    await page.getByRole('button', { name: 'Đưa Nơi nhận 4 lên' }).click();
    expect(await page.getByLabel('Nơi nhận 3', { exact: true }).inputValue()).toBe('Trung tâm Y tế thành phố');

    // Nơi gửi from the cached hub directory: typing without diacritics offers the agency, picking
    // its name fills its Mã định danh.
    const db = openDatabase(join(bridge.profileDir, 'vanthu.db'));
    try {
      db.prepare("INSERT INTO hub_agencies (code, name, name_folded, updated_at) VALUES ('000.00.12.H17', 'Sở Y tế thành phố Đà Nẵng', ?, 'now')").run(
        foldVietnamese('Sở Y tế thành phố Đà Nẵng'),
      );
    } finally {
      db.close();
    }
    await page.getByLabel('Nơi gửi 1: tên cơ quan, đơn vị').fill('so y te da nang');
    await poll(() => page.locator('#recipient-agencies-0 option').count()).toBe(1);
    await page.getByLabel('Nơi gửi 1: tên cơ quan, đơn vị').fill('Sở Y tế thành phố Đà Nẵng');
    expect(await page.getByLabel('Nơi gửi 1: mã định danh').inputValue()).toBe('000.00.12.H17');
    await page.getByRole('button', { name: 'Thêm nơi gửi' }).click();
    await page.getByLabel('Nơi gửi 2: tên cơ quan, đơn vị').fill('Trạm Y tế xã Hòa Tiến');
    await page.getByLabel('Đơn vị, người nhận bản lưu').fill('VT, VP');
    await previewSettled(page);
    await browser.screenshot('drafting-form-preview');

    await page.getByLabel('Ghi chú').press('Control+Enter');
    await page.getByRole('list', { name: 'Các bước phát hành' }).waitFor();
    await poll(() => state(page).textContent()).toBe('Trạng thái: Dự thảo');
    issuanceId = (await bridgeCall(bridge, 'issuance.list', { offset: 0, limit: 10 })).rows[0]!.id;
    const created = await record();
    expect(created).toMatchObject({ state: 'draft', source: 'render', subject: SUBJECT, signerName: SIGNER, archive: 'VT, VP', hasDraftJson: true });
    // The renderer's slots, all on the one page this short công văn takes.
    expect(created.placeholders).toMatchObject({ number: { page: 0 }, date: { page: 0 }, signature: { page: 0 }, seal: { page: 0 } });
    expect(created.recipients.map((r) => [r.name, r.channel])).toEqual([
      ['Sở Y tế thành phố Đà Nẵng', 'electronic'],
      ['Trạm Y tế xã Hòa Tiến', 'paper'],
    ]);
    // Before numbering the draft can only be withdrawn: no number to keep void in the register.
    expect(await page.getByRole('button', { name: 'Hủy văn bản…' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Hủy dự thảo…' }).waitFor();
    await browser.screenshot('issuance-draft');
  });

  it('submits, refuses a wrong PIN, and approves with the leader token', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Trình ký' }).click();
    await poll(() => state(page).textContent()).toBe('Trạng thái: Trình ký');
    expect(await page.locator('[aria-current="step"]').textContent()).toContain('Trình ký');

    await page.getByRole('button', { name: 'Ký duyệt…' }).click();
    const dialog = page.getByRole('dialog');
    await chooseToken(page, 'LANH-DAO', 'Nguyễn Văn Token 0');
    const pin = dialog.getByLabel('Mã PIN');
    await pin.fill('999999');
    await pin.press('Enter');
    await dialog.locator('.notice--error').getByText(/^Mã PIN không đúng\./).waitFor();
    expect(await pin.inputValue()).toBe('');
    expect((await record()).state).toBe('submitted');
    await browser.screenshot('issuance-wrong-pin');

    await pin.fill(hsm.tokens[0]!.pin);
    await pin.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await poll(() => state(page).textContent()).toBe('Trạng thái: Đã ký duyệt');
    expect((await record()).files.map((f) => f.step)).toEqual(['draft', 'approved']);
    await browser.screenshot('issuance-approved');

    // Before numbering: the approved file downloads, and carries the one approval signature.
    const files = page.getByRole('region', { name: 'Tệp của văn bản' });
    const approvedRow = files.locator('tr', { hasText: 'Bản đã ký duyệt' });
    const [download] = await Promise.all([page.waitForEvent('download'), approvedRow.getByRole('button', { name: 'Tải về' }).click()]);
    const saved = join(work.dir, download.suggestedFilename());
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 5).toString()).toBe('%PDF-');
    await approvedRow.getByRole('button', { name: 'Kiểm tra chữ ký' }).click();
    const verification = page.getByRole('region', { name: /^Kiểm tra chữ ký: / });
    await verification.locator('.notice').first().waitFor();
    const signatures = verification.locator('article.signature');
    expect(await signatures.count()).toBe(1);
    expect(await signatures.first().textContent()).toContain('Ký duyệt · ');
    await browser.screenshot('issuance-approved-verified');
    await page.getByRole('button', { name: 'Đóng kết quả kiểm tra' }).click();
  });

  it('numbers, issues with the agency token, registers and distributes', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Cấp số', exact: true }).click();
    await poll(() => state(page).textContent()).toBe('Trạng thái: Đã cấp số');
    await page.getByRole('heading', { name: /^Công văn số 01\/UBND-VP: / }).waitFor();
    await browser.screenshot('issuance-numbered');

    await page.getByRole('button', { name: 'Ký phát hành…' }).click();
    const dialog = page.getByRole('dialog');
    await chooseToken(page, 'CO-QUAN', 'Nguyễn Văn Token 1');
    await dialog.getByLabel('Mã PIN').fill(hsm.tokens[1]!.pin);
    await dialog.getByRole('button', { name: 'Ký số', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await poll(() => state(page).textContent()).toBe('Trạng thái: Đã phát hành');

    // The issued file carries both signatures, each valid against the test root.
    const files = page.getByRole('region', { name: 'Tệp của văn bản' });
    await files.locator('tr', { hasText: 'Bản đã ký phát hành' }).getByRole('button', { name: 'Kiểm tra chữ ký' }).click();
    await page.getByText('Tất cả 2 chữ ký hợp lệ.').waitFor();
    await browser.screenshot('issuance-issued');
    await page.getByRole('button', { name: 'Đóng kết quả kiểm tra' }).click();

    await page.getByRole('button', { name: 'Vào sổ văn bản đi' }).click();
    await poll(() => state(page).textContent()).toBe('Trạng thái: Đã vào sổ');
    await page.getByRole('button', { name: 'Gửi văn bản' }).click();
    await poll(() => state(page).textContent()).toBe('Trạng thái: Đã gửi');
    const recipients = page.getByRole('region', { name: 'Nơi gửi' }).locator('tbody tr');
    expect(await recipients.nth(0).textContent()).toContain('Điện tửChờ gửi');
    expect(await recipients.nth(1).textContent()).toContain('Bản giấyGửi bản giấy');
    // Nothing comes after distribution but a void.
    expect(await page.locator('.button--primary').count()).toBe(0);
    await page.getByRole('button', { name: 'Hủy văn bản…' }).waitFor();
    await browser.screenshot('issuance-distributed');

    const done = await record();
    expect(done).toMatchObject({ state: 'distributed', codeNumber: '01', codeNotation: 'UBND-VP' });
    expect(done.outbox.map((o) => [o.organId, o.status])).toEqual([['000.00.12.H17', 'pending']]);
  });

  it('shows the document in Sổ văn bản đi with its number', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Xem trong sổ văn bản đi' }).waitFor();
    await page.getByRole('navigation').getByRole('button', { name: 'Sổ văn bản đi' }).click();
    const row = page.locator('.vtable__body [role="row"]').filter({ hasText: SUBJECT });
    await row.waitFor();
    expect(await row.textContent()).toContain('01/UBND-VP');
    expect(await row.textContent()).toContain(SIGNER);
    await browser.screenshot('drafting-outgoing-register');
    expect(browser.problems).toEqual([]);
  });

  it('makes a corrective công văn for the issued document, linked to it', async () => {
    const { page } = browser;
    const original = await record();
    const draftFile = original.files.find((f) => f.step === 'draft')!;
    const pdf = await bridgeCall(bridge, 'issuance.readFile', { id: issuanceId, sha256: draftFile.sha256 });
    const pdfPath = join(work.dir, 'dinh-chinh.pdf');
    writeFileSync(pdfPath, Buffer.from(pdf.dataBase64, 'base64'));

    await page.getByRole('navigation').getByRole('button', { name: 'Phát hành' }).click();
    await page.getByRole('button', { name: new RegExp(SUBJECT) }).first().click();
    await page.getByRole('button', { name: 'Văn bản sửa đổi, thay thế, đính chính…' }).click();
    await page.getByRole('heading', { name: 'Văn bản sửa đổi, thay thế, đính chính' }).waitFor();
    expect(await page.getByTestId('correction-original').textContent()).toMatch(/^Sửa đổi, bổ sung văn bản: Công văn số 01\/UBND-VP ngày \d\d\/\d\d\/\d{4}: /);
    await page.getByLabel('Loại văn bản').selectOption('bao-cao');
    await page.getByLabel('Quan hệ với văn bản gốc').selectOption('corrects');
    // Đính chính is made by a công văn: choosing it sets the type.
    expect(await page.getByLabel('Loại văn bản').inputValue()).toBe('cong-van');
    expect(await page.getByTestId('correction-original').textContent()).toContain('Đính chính văn bản: Công văn số 01/UBND-VP');
    await page.getByLabel('Tệp của văn bản (dự thảo): PDF').setInputFiles(pdfPath);
    await page.getByLabel('Đơn vị soạn thảo').fill('VP');
    await page.locator('[name="subject"]').fill('V/v đính chính Công văn số 01/UBND-VP');
    await page.locator('[name="signerName"]').fill(SIGNER);
    await page.getByLabel('Nơi gửi 1: tên cơ quan, đơn vị').fill('Sở Y tế thành phố Đà Nẵng');
    await browser.screenshot('issuance-correction-form');
    await page.getByRole('button', { name: 'Tạo văn bản (Ctrl+Enter)' }).click();

    await poll(() => state(page).textContent()).toBe('Trạng thái: Dự thảo');
    const link = page.getByTestId('correction-of');
    await poll(() => link.textContent()).toMatch(/^số 01\/UBND-VP ngày \d\d\/\d\d\/\d{4}: /);
    expect(await page.locator('.issuance__facts dt', { hasText: 'Đính chính văn bản' }).count()).toBe(1);
    await browser.screenshot('issuance-correction-created');
    const correction = (await bridgeCall(bridge, 'issuance.list', { offset: 0, limit: 10 })).rows[0]!;
    expect(correction).toMatchObject({ state: 'draft', documentType: 'cong-van', relation: 'corrects', relatedDocumentId: original.documentId });
    expect(correction.id).not.toBe(issuanceId);

    await link.click();
    await page.getByRole('heading', { name: /01\/UBND-VP/ }).first().waitFor();
    expect(browser.problems).toEqual([]);
  });

  it('refuses a secret draft until Cài đặt allows it, then creates it with every recipient on paper', async () => {
    const { page } = browser;
    const draftSecret = async () => {
      await page.getByRole('navigation').getByRole('button', { name: 'Soạn thảo' }).click();
      await page.getByRole('heading', { name: 'Soạn thảo văn bản' }).waitFor();
      await page.getByLabel('Độ mật').selectOption('mat');
      await page.getByLabel('Nơi gửi 1: tên cơ quan, đơn vị').fill('Công an xã Hòa Tiến');
      await page.getByLabel('Nơi gửi 1: mã định danh').fill('000.00.12.H18');
      await previewSettled(page);
      await page.getByRole('button', { name: 'Tạo văn bản (Ctrl+Enter)' }).click();
    };
    const before = (await bridgeCall(bridge, 'issuance.list', { offset: 0, limit: 1 })).total;
    await draftSecret();
    await page.locator('.notice--error').getByText(/^Văn bản mật không được soạn thảo trên máy này/).waitFor();
    expect((await bridgeCall(bridge, 'issuance.list', { offset: 0, limit: 1 })).total).toBe(before);
    await browser.screenshot('drafting-secret-refused');

    await page.getByRole('navigation').getByRole('button', { name: 'Cài đặt' }).click();
    await page.getByRole('button', { name: 'Bỏ nội dung và chuyển đi' }).click();
    const allow = page.getByLabel('Cho phép soạn văn bản mật');
    await poll(() => allow.isEnabled()).toBe(true);
    expect(await allow.isChecked()).toBe(false);
    await allow.check();
    await page.getByText('Đã cho phép soạn văn bản mật trên máy này.').waitFor();
    expect(await bridgeCall(bridge, 'issuance.settings', {})).toEqual({ allowSecretDrafts: true });

    await draftSecret();
    await poll(() => state(page).textContent()).toBe('Trạng thái: Dự thảo');
    expect(await page.getByTestId('issuance-secrecy').textContent()).toBe('Mật');
    // A secret document is never sent electronically, organId or not.
    expect(await page.getByRole('region', { name: 'Nơi gửi' }).locator('tbody tr').first().textContent()).toContain('Bản giấy');
    await browser.screenshot('drafting-secret-created');
    const secret = (await bridgeCall(bridge, 'issuance.list', { offset: 0, limit: 1 })).rows[0]!;
    expect(secret).toMatchObject({ state: 'draft', secrecy: 'mat' });
    expect(browser.problems).toEqual([]);
  });
});
