import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveSigningSettings } from '../../src/main/signing/signing-settings.ts';
import { signingSettingsInput } from '../../src/shared/api/schemas/signing.ts';
import { describeProblems, seriousViolations } from '../support/axe.ts';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { bridgeCall, startTestBridge, type TestBridge } from '../support/bridge.ts';
import { type CrlPki, createCrlPki } from '../support/crl-pki.ts';
import { type CrlServer, startCrlServer } from '../support/crl-server.ts';
import { createCrl } from '../support/test-pki.ts';
import { tempDir } from '../support/temp-profile.ts';

// Cài đặt → Ký số → Danh sách thu hồi chứng thư in Chromium, through the loopback bridge, with the
// test CA trusted through an administrator's folder and its distribution point on loopback: the
// clerk updates the lists, sees what is kept, and a failure that keeps the list said as such.
describe('revocation list panel', () => {
  let t: ReturnType<typeof tempDir>;
  let server: CrlServer;
  let pki: CrlPki;
  let bridge: TestBridge;
  let browser: TestBrowser;

  beforeAll(async () => {
    t = tempDir('vanthu-crl-e2e-');
    server = await startCrlServer();
    pki = await createCrlPki(server);
    const trustDir = join(t.dir, 'trust');
    mkdirSync(trustDir);
    writeFileSync(join(trustDir, 'root.pem'), pki.root.pem);
    writeFileSync(join(trustDir, 'ca.pem'), pki.ca.pem);
    bridge = await startTestBridge({ seed: (profile) => void saveSigningSettings(profile, signingSettingsInput.parse({ trustAnchorDirs: [trustDir] })) });
    browser = await launchBrowser();
    await browser.page.goto(bridge.pageUrl);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await bridge?.cleanup();
    await server?.close();
    t?.cleanup();
  });

  it('updates the lists on request, shows each with its next update, and keeps it when the server fails', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Cài đặt' }).click();
    const panel = page.getByRole('region', { name: 'Danh sách thu hồi chứng thư' });
    await panel.getByText('Chưa lưu danh sách thu hồi nào.').waitFor();

    const nextUpdate = new Date(Date.UTC(2031, 0, 15, 3, 0, 0));
    server.set('/root.crl', { kind: 'crl', body: await createCrl(pki.root, { nextUpdate }) });
    await panel.getByRole('button', { name: 'Cập nhật danh sách thu hồi' }).click();
    await panel.getByText('Đã cập nhật danh sách thu hồi: tải mới 1, không đổi 0, lỗi 0.').waitFor();
    const row = panel.getByTestId('revocation-table').locator('tbody tr');
    // The message comes with the answer; the table with the status read again after it.
    await expect.poll(() => row.count()).toBe(1);
    // The next update in Vietnam time: 10:00 on 15/01/2031.
    expect(await row.locator('td').allTextContents()).toEqual([
      'VanThu CRL Test Root',
      expect.stringMatching(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/),
      '15/01/2031 10:00',
      expect.stringMatching(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(.+\)$/),
      'Còn hiệu lực',
    ]);
    const problems = await seriousViolations(page);
    expect(problems, describeProblems(problems)).toEqual([]);

    server.set('/root.crl', { kind: 'status', status: 404 });
    await panel.getByRole('button', { name: 'Cập nhật danh sách thu hồi' }).click();
    await panel.getByText('Đã cập nhật danh sách thu hồi: tải mới 0, không đổi 0, lỗi 1.').waitFor();
    await panel.getByRole('listitem').filter({ hasText: `${server.url('/root.crl')}: máy chủ trả lỗi HTTP 404 (vẫn dùng bản đã lưu)` }).waitFor();
    await row.getByText(/lần cập nhật .* lỗi: máy chủ trả lỗi HTTP 404/).waitFor();
    expect((await bridgeCall(bridge, 'trust.revocationStatus', {})).crls).toHaveLength(1);
  });
});
