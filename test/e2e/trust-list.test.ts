import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { bridgeCall, startTestBridge, type TestBridge } from '../support/bridge.ts';
import { signPdf } from '../../src/main/pdf/sign-pdf.ts';
import { buildPadesCms } from '../../src/main/signing/cms/build-cms.ts';
import { outgoing } from '../support/documents.ts';
import { pdfLibSample } from '../support/pdf-samples.ts';
import { softwareSigner } from '../support/software-signer.ts';
import { tempDir } from '../support/temp-profile.ts';
import { createRoot, issue } from '../support/test-pki.ts';

// Cài đặt → Ký số → Danh sách chứng thư tin cậy: the counts of the program's list, then a bundle
// from a new CA chosen, shown as the change it would make, applied, and one certificate removed;
// a document signed under that CA is undetermined before and trusted after, its CA named.
describe('the trust list in the settings', () => {
  let bridge: TestBridge;
  let browser: TestBrowser;
  const work = tempDir('vanthu-e2e-trust-');
  let bundle: string;

  beforeAll(async () => {
    const root = await createRoot('CN=New National Root 2027, O=Test NEAC, C=VN');
    const ca = await issue(root, { subject: 'CN=NEWCA SHA-256, O=New CA JSC, C=VN', ca: true });
    writeFileSync(join(work.dir, 'root.pem'), root.pem);
    writeFileSync(join(work.dir, 'ca.pem'), ca.pem);
    bundle = join(work.dir, 'neac-2027.p7b');
    execFileSync('openssl', ['crl2pkcs7', '-nocrl', '-certfile', join(work.dir, 'root.pem'), '-certfile', join(work.dir, 'ca.pem'), '-outform', 'DER', '-out', bundle]);
    bridge = await startTestBridge();
    // A document from an agency under that CA, signed as the government's tools sign: the CMS
    // carries the signer's certificate alone.
    const signer = await issue(ca, { subject: 'CN=Chủ tịch UBND xã Bên Cạnh, O=UBND xã Bên Cạnh, C=VN' });
    const input = await pdfLibSample(join(work.dir, 'in.pdf'), { objectStreams: false });
    const signed = join(work.dir, 'cong-van-den.pdf');
    await signPdf({ input, output: signed, appearance: null, signingTime: new Date(), sign: (d) => buildPadesCms(softwareSigner(signer, []), d) });
    const doc = await bridgeCall(bridge, 'outgoing.register', outgoing());
    await bridgeCall(bridge, 'documents.addAttachment', { documentId: doc.id, name: 'cong-van-den.pdf', dataBase64: readFileSync(signed).toString('base64') });
    browser = await launchBrowser();
    await browser.page.goto(bridge.pageUrl);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await bridge?.cleanup();
    work.cleanup();
  });

  // Opens the document and the verification of its file; returns the panel.
  async function verifyDocument() {
    const page = browser.page;
    await page.getByRole('navigation').getByRole('button', { name: 'Sổ văn bản đi' }).click();
    await page.locator('.vtable__body [role="row"]').first().click();
    await page.getByRole('heading', { name: 'Văn bản kèm theo' }).waitFor();
    await page.locator('#attachments-title ~ table tbody tr').filter({ hasText: 'cong-van-den.pdf' }).getByRole('button', { name: 'Kiểm tra chữ ký' }).click();
    return page.getByRole('region', { name: 'Kiểm tra chữ ký: cong-van-den.pdf' });
  }

  it('shows the counts, previews a bundle, applies it and removes one certificate', async () => {
    const page = browser.page;
    const before = await verifyDocument();
    await before.getByText('1/1 chữ ký chưa xác định được người ký tin cậy; nội dung nguyên vẹn.').waitFor();
    await before.getByRole('button', { name: 'Đóng kết quả kiểm tra' }).click();

    await page.getByRole('navigation').getByRole('button', { name: 'Cài đặt' }).click();
    const panel = page.getByRole('group', { name: 'Danh sách chứng thư tin cậy' });
    await panel.getByText('10 chứng thư gốc, 46 chứng thư trung gian, 6 chứng thư dấu thời gian', { exact: false }).waitFor();

    await panel.getByLabel('Thêm chứng thư hoặc gói chứng thư mới (.cer, .crt, .pem, .p7b)').setInputFiles(bundle);
    const preview = panel.getByRole('status');
    await preview.getByText('Sẽ thêm 2, gỡ 0; 0 chứng thư đã có; 0 không nhận.').waitFor();
    expect(await preview.getByRole('listitem').allTextContents()).toEqual([expect.stringMatching(/^Thêm gốc: New National Root 2027/), expect.stringMatching(/^Thêm trung gian: NEWCA SHA-256/)]);
    // Nothing changed before "Áp dụng".
    expect((await bridgeCall(bridge, 'trustList.view', {})).counts.root).toBe(10);

    await preview.getByRole('button', { name: 'Áp dụng' }).click();
    await panel.getByText('Đã cập nhật danh sách tin cậy: thêm 2, gỡ 0.').waitFor();
    await panel.getByText('11 chứng thư gốc, 47 chứng thư trung gian', { exact: false }).waitFor();

    // The same document is now trusted, its CA named, and said to be unchecked for revocation.
    const after = await verifyDocument();
    await after.getByText('Tất cả 1 chữ ký hợp lệ.').waitFor();
    const signature = after.getByRole('article');
    expect(await signature.textContent()).toContain('Chứng thư do tổ chức tin cậy cấp (NEWCA SHA-256, thuộc New National Root 2027).');
    expect(await signature.textContent()).toContain('Hợp lệ — chưa kiểm tra được tình trạng thu hồi (không có mạng)');
    await after.getByRole('button', { name: 'Đóng kết quả kiểm tra' }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Cài đặt' }).click();

    await panel.getByText(/^Xem \d+ chứng thư$/).click();
    await panel.getByRole('button', { name: 'Gỡ NEWCA SHA-256' }).click();
    await panel.getByText('Đã gỡ NEWCA SHA-256 khỏi danh sách tin cậy.').waitFor();
    await panel.getByText('11 chứng thư gốc, 46 chứng thư trung gian', { exact: false }).waitFor();
    expect((await bridgeCall(bridge, 'trustList.view', {})).certificates.filter((c) => c.origin === 'profile').map((c) => c.subject)).toEqual([expect.stringContaining('New National Root 2027')]);
  });
});
