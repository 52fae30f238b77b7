import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { bridgeCall, startTestBridge, type TestBridge } from '../support/bridge.ts';
import { incoming, outgoing } from '../support/documents.ts';
import { draftPdf } from '../support/draft-pdf.ts';
import { base64Of, scanImages } from '../support/scans.ts';
import { createSoftHsm, type SoftHsm } from '../support/softhsm.ts';
import { tempDir } from '../support/temp-profile.ts';
import { createTestPki } from '../support/test-pki.ts';

// Sao văn bản in Chromium against the real services and a SoftHSM agency token: a paper letter
// digitised (a scan under 200 dpi refused first), the electronic SAO Y refused for the electronic
// file with the law's reason and made of the scan, numbered 01/SY-UBND and queued for the hub; a
// paper SAO Y with its Mẫu 3.1 block; no signing of an incoming document's files; the secret
// incoming register on its own screen.
describe('copies and digitising in the UI', () => {
  let hsm: SoftHsm;
  let bridge: TestBridge;
  let browser: TestBrowser;
  let documentId: number;
  let incomingId: number;
  const work = tempDir('vanthu-e2e-copies-');

  beforeAll(async () => {
    hsm = await createSoftHsm(await createTestPki(), { labels: ['CO-QUAN'] });
    bridge = await startTestBridge({ tokenEnv: hsm.env });
    const doc = await bridgeCall(bridge, 'outgoing.register', outgoing({ subject: 'Về việc tổ chức họp dân (bản giấy đã ký)' }));
    documentId = doc.id;
    const pdf = await draftPdf(join(work.dir, 'ban-dien-tu.pdf'), { place: 'Xã Hòa Tiến,' });
    await bridgeCall(bridge, 'documents.addAttachment', { documentId, name: 'ban-dien-tu.pdf', dataBase64: base64Of(pdf) });
    incomingId = (await bridgeCall(bridge, 'incoming.register', incoming())).id;
    await bridgeCall(bridge, 'documents.addAttachment', { documentId: incomingId, name: 'den.pdf', dataBase64: base64Of(pdf) });
    browser = await launchBrowser();
    await browser.page.goto(bridge.pageUrl);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await bridge?.cleanup();
    hsm?.cleanup();
    work.cleanup();
  });

  const panel = (page: Page) => page.getByRole('region', { name: 'Sao văn bản' });
  const fileItem = (page: Page, name: string) => panel(page).locator('.copy-files > li').filter({ hasText: name });

  async function openOutgoing(page: Page) {
    await page.getByRole('navigation').getByRole('button', { name: 'Sổ văn bản đi' }).click();
    await page.locator('.vtable__body [role="row"]').filter({ hasText: 'họp dân' }).first().click();
    await page.getByRole('heading', { name: 'Sao văn bản' }).waitFor();
  }

  it('refuses an electronic SAO Y of the electronic file and says why, and refuses a scan under 200 dpi', async () => {
    const { page } = browser;
    await openOutgoing(page);
    const electronic = fileItem(page, 'ban-dien-tu.pdf');
    await electronic.getByRole('button', { name: 'Lập SAO Y giấy' }).waitFor();
    expect(await electronic.getByRole('button', { name: 'Lập SAO Y điện tử' }).count()).toBe(0);
    await electronic.getByText('Vì sao không có các hình thức sao khác').click();
    await electronic.getByText(/SAO Y điện tử: Điều 25\.1 không có sao y từ văn bản điện tử sang văn bản điện tử/).waitFor();

    const low = await scanImages(work.dir, 'thap', { dpi: 150, format: 'jpeg' });
    const form = page.getByRole('form', { name: 'Số hóa văn bản giấy' });
    await form.getByLabel('Tệp PDF quét, hoặc ảnh các trang (PNG, JPEG)').setInputFiles(low);
    await form.getByRole('button', { name: 'Số hóa' }).click();
    await form.getByText(/Trang 1: độ phân giải 150 dpi, thấp hơn 200 dpi/).waitFor();
    expect((await bridgeCall(bridge, 'documents.get', { id: documentId })).attachments).toHaveLength(1);
    await browser.screenshot('copies-refused');
  });

  it('digitises the paper letter, makes a numbered electronic SAO Y of it with the agency token and queues it for the hub', async () => {
    const { page } = browser;
    const pages = await scanImages(work.dir, 'giay', { dpi: 200, format: 'png' });
    const form = page.getByRole('form', { name: 'Số hóa văn bản giấy' });
    await form.getByLabel('Tệp PDF quét, hoặc ảnh các trang (PNG, JPEG)').setInputFiles(pages);
    await form.getByRole('button', { name: 'Số hóa' }).click();
    await form.getByText(/^Đã số hóa ".*": 1 trang, ảnh màu, độ phân giải thấp nhất 200 dpi/).waitFor();

    const scan = panel(page).locator('.copy-files > li').filter({ hasText: 'Bản số hóa của bản gốc giấy' });
    await scan.getByRole('button', { name: 'Lập SAO Y điện tử' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/Căn cứ: Điều 25\.1\.c/).waitFor();
    await dialog.getByLabel('Mã PIN').fill(hsm.tokens[0]!.pin);
    await dialog.getByRole('button', { name: 'Ký số và cấp số bản sao' }).click();
    await panel(page).getByText('Đã lập SAO Y điện tử số 01/SY-UBND.').waitFor();
    const copies = panel(page).getByRole('table', { name: 'Bản sao đã lập' });
    await copies.getByRole('cell', { name: '01/SY-UBND' }).waitFor();

    await copies.getByRole('button', { name: 'Gửi qua trục…' }).click();
    const send = page.getByRole('dialog');
    await send.getByLabel('Nơi nhận: mỗi dòng mã định danh và tên cơ quan').fill('000.00.12.H17 Sở Y tế thành phố Đà Nẵng');
    await send.getByRole('button', { name: 'Đưa vào hàng chờ gửi' }).click();
    await panel(page).getByText(/Đã đưa bản sao 01\/SY-UBND vào hàng chờ gửi/).waitFor();
    const options = await bridgeCall(bridge, 'copies.options', { documentId });
    expect(options.copies[0]?.queued).toEqual([{ name: 'Sở Y tế thành phố Đà Nẵng', organId: '000.00.12.H17', status: 'pending' }]);
    const audit = await bridgeCall(bridge, 'audit.list', { limit: 50 });
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['document.digitise', 'copy.make', 'copy.distribute']));
    await browser.screenshot('copies-electronic');
  }, 120_000);

  it('prints a paper SAO Y of the electronic file, numbered next', async () => {
    const { page } = browser;
    await fileItem(page, 'ban-dien-tu.pdf').getByRole('button', { name: 'Lập SAO Y giấy' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Thẩm quyền ký (TL., KT., TM. …)').fill('TM. Ủy ban nhân dân');
    await dialog.getByLabel('Chức vụ người ký').fill('Chủ tịch');
    await dialog.getByLabel('Họ và tên người ký').fill('Nguyễn Văn An');
    await dialog.getByLabel('Nơi nhận (mỗi dòng một nơi)').fill('Trạm Y tế xã\nCông an xã');
    await dialog.getByRole('button', { name: 'Cấp số và tạo bản in' }).click();
    await panel(page).getByText(/Đã lập SAO Y giấy số 02\/SY-UBND: mở bản sao để in/).waitFor();
    const copies = await bridgeCall(bridge, 'copies.options', { documentId });
    expect(copies.copies.map((c) => [c.numberNotation, c.form])).toEqual([
      ['01/SY-UBND', 'electronic'],
      ['02/SY-UBND', 'paper'],
    ]);
  }, 60_000);

  it('offers no signing of an incoming document’s files', async () => {
    const { page } = browser;
    await page.getByRole('navigation').getByRole('button', { name: 'Sổ văn bản đến', exact: true }).click();
    await page.locator('.vtable__body [role="row"]').first().click();
    const files = page.getByRole('region', { name: 'Văn bản kèm theo' });
    await files.getByRole('cell', { name: 'den.pdf', exact: true }).waitFor();
    expect(await files.getByRole('button', { name: 'Ký số…' }).count()).toBe(0);
    await fileItem(page, 'den.pdf').getByRole('button', { name: 'Lập SAO Y giấy' }).waitFor();
  });

  it('keeps a secret incoming paper document on its own screen, out of the incoming register', async () => {
    await bridgeCall(bridge, 'issuance.saveSettings', { allowSecretDrafts: true });
    await bridgeCall(bridge, 'series.save', { name: 'Sổ văn bản mật đến', direction: 'incoming', secret: true });
    const { page } = browser;
    await page.getByRole('navigation').getByRole('button', { name: 'Văn bản mật đến' }).click();
    const form = page.getByRole('form', { name: 'Vào sổ văn bản mật đến' });
    await form.getByLabel('Độ mật').selectOption('toi-mat');
    await form.getByLabel('Cơ quan ban hành').fill('Công an thành phố Đà Nẵng');
    await form.getByLabel('Số', { exact: true }).fill('12');
    await form.getByLabel('Ký hiệu').fill('CATP-PV01');
    await form.getByLabel('Trích yếu').fill('Phương án bảo vệ mục tiêu Zeta');
    await form.getByLabel('Ngày văn bản').fill((await bridgeCall(bridge, 'app.info', {})).today);
    await form.getByRole('button', { name: 'Vào sổ văn bản mật' }).click();
    await page.getByText(/^Đã vào sổ văn bản mật đến: số đến 1\/\d{4} \(Tối mật\)\.$/).waitFor();
    await page.getByRole('table', { name: 'Sổ văn bản mật đến' }).getByRole('cell', { name: 'Công văn: Phương án bảo vệ mục tiêu Zeta' }).waitFor();
    expect((await bridgeCall(bridge, 'documents.list', { direction: 'incoming', query: 'Zeta' })).total).toBe(0);
    await browser.screenshot('secret-incoming');
  });
});
