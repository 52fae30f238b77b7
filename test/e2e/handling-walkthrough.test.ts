import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../src/shared/domain/working-days.ts';
import { formatVietnameseDate } from '../../src/shared/domain/dates.ts';
import { launchBrowser, poll, type TestBrowser } from '../support/browser.ts';
import { bridgeCall, ensureRendererBuilt } from '../support/bridge.ts';
import { issueDocument } from '../support/issued-document.ts';
import { scanImages } from '../support/scans.ts';
import { createSoftHsm, type SoftHsm } from '../support/softhsm.ts';
import { type BridgeDesks, bridgeDesks, syncThroughApi } from '../support/sync-bridges.ts';
import { AGENCY_B } from '../support/sync-desks.ts';
import { SAMPLE_AGENCY } from '../support/temp-profile.ts';
import { createTestPki } from '../support/test-pki.ts';

const SUBJECT = 'Về việc rà soát hộ nghèo cuối năm';
const REPLY = 'V/v báo cáo kết quả rà soát hộ nghèo cuối năm';

// Issue 12's "Done when", in one sitting as a new clerk of xã Hòa Phong (desk B) works, in
// Chromium against the real services: the document xã Hòa Tiến (desk A) sent arrives through the
// reference hub and is accepted; the leader's instruction names two units with deadlines; the
// phiếu is printed; Hôm nay lists it as due soon; the paper reply, numbered, answers and closes
// it; the reply's signed paper original is scanned, made a numbered SAO Y with the agency key of
// a SoftHSM token and sent through the hub, where desk A receives it. Every step is in B's audit
// log.
describe('handling a document from the hub to the copy of its reply', () => {
  let env: BridgeDesks;
  let hsm: SoftHsm;
  let browser: TestBrowser;

  beforeAll(async () => {
    ensureRendererBuilt();
    const pki = await createTestPki();
    hsm = await createSoftHsm(pki, { labels: ['CO-QUAN'] });
    env = await bridgeDesks({
      tokenEnvB: hsm.env,
      prepareA: async (a, scratch) => {
        await issueDocument(a, pki, scratch, { subject: SUBJECT, recipients: [{ name: AGENCY_B.name, organId: AGENCY_B.organId }] });
      },
    });
    expect((await syncThroughApi(env.a)).final.lastRun).toMatchObject({ outcome: 'ok', sent: 1 });
    expect((await bridgeCall(env.b, 'hub.refreshAgencies', {})).total).toBeGreaterThan(0);
    browser = await launchBrowser();
    await browser.page.goto(env.b.pageUrl);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await env?.close();
    hsm?.cleanup();
  });

  it('receives, instructs, prints the phiếu, sees it due on Hôm nay, replies, copies the reply and sends the copy', async () => {
    const { page } = browser;
    const nav = (name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
    const today = (await bridgeCall(env.b, 'app.info', {})).today;

    // 1. Received from the hub and accepted into the incoming register.
    await nav('Liên thông');
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await page.getByText('Đồng bộ xong.').waitFor({ timeout: 60_000 });
    await page.getByRole('row').filter({ hasText: SUBJECT }).getByRole('button', { name: SUBJECT }).click();
    await page.getByRole('button', { name: 'Tiếp nhận (vào sổ đến)' }).click();
    await page.getByText(/Đã vào sổ văn bản đến, số đến 1\./).waitFor();

    // 2. The leader's instruction: a lead and a coordinating unit, each with its deadline.
    const leadDue = addWorkingDays(today, 2);
    const helpDue = addWorkingDays(today, 1);
    await nav('Sổ văn bản đến');
    await page.locator('.vtable__body [role="row"]').filter({ hasText: 'rà soát hộ nghèo' }).click();
    await page.getByRole('heading', { name: /Văn bản đến số 1\// }).waitFor();
    await page.getByRole('button', { name: 'Ghi ý kiến chỉ đạo' }).click();
    const form = page.getByRole('form', { name: 'Ý kiến chỉ đạo' });
    await form.getByLabel('Người cho ý kiến').fill('Lê Văn Hùng, Chủ tịch');
    await form.getByLabel('Ý kiến chỉ đạo').fill('Giao Văn phòng chủ trì rà soát, báo cáo trước hạn.');
    await form.getByLabel('Đơn vị (chủ trì)').fill('Văn phòng');
    await form.getByLabel('Cá nhân (chủ trì)').fill('Trần Thị Bình');
    await form.getByLabel('Hạn xử lý (chủ trì)').fill(formatVietnameseDate(leadDue));
    await form.getByLabel('Đơn vị (phối hợp 1)').fill('Công chức Lao động - Thương binh và Xã hội');
    await form.getByLabel('Hạn xử lý (phối hợp 1)').fill(formatVietnameseDate(helpDue));
    await form.getByRole('button', { name: 'Lưu ý kiến chỉ đạo' }).click();
    await page.getByText('Đã lưu thông tin xử lý.').waitFor();
    const distribution = page.getByTestId('distribution');
    await poll(() => distribution.locator('tbody tr').allTextContents()).toEqual([
      `Chủ trìVăn phòng — Trần Thị Bình${formatVietnameseDate(leadDue)}`,
      `Phối hợpCông chức Lao động - Thương binh và Xã hội${formatVietnameseDate(helpDue)}`,
    ]);

    // 3. The phiếu giải quyết, filled from the record.
    await page.getByRole('button', { name: 'In phiếu giải quyết' }).click();
    await poll(() => page.getByTestId('slip-result').textContent(), 30_000).toMatch(/phieu-giai-quyet-den-.*\.pdf/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Tải về phieu-giai-quyet/ }).click()]);
    const slip = join(env.dir, 'phieu.pdf');
    await download.saveAs(slip);
    const slipText = execFileSync('pdftotext', ['-raw', slip, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(slipText).toContain('PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN');
    expect(slipText).toContain('Giao Văn phòng chủ trì rà soát, báo cáo trước hạn.');
    expect(slipText).toContain(
      `Thời hạn giải quyết: Văn phòng — Trần Thị Bình: ${formatVietnameseDate(leadDue)}; Công chức Lao động - Thương binh và Xã hội: ${formatVietnameseDate(helpDue)}`,
    );

    // 4. Hôm nay: due within the next working days.
    await nav('Hôm nay');
    const deadlines = page.getByTestId('today-deadlines');
    const line = deadlines.getByRole('listitem').filter({ hasText: 'rà soát hộ nghèo' });
    await line.waitFor();
    expect(await line.textContent()).toMatch(/Còn \d ngày làm việc/);
    await line.getByRole('button', { name: /rà soát hộ nghèo/ }).click();
    await page.getByRole('heading', { name: /Văn bản đến số 1\// }).waitFor();

    // 5. The reply, signed on paper and numbered, answers the document and closes it.
    await nav('Cấp số văn bản đi');
    await page.getByLabel('Đơn vị soạn thảo').selectOption('VP');
    await page.getByLabel('Trích yếu').fill(REPLY);
    await page.getByLabel('Chức vụ người ký').fill('Chủ tịch');
    await page.locator('[name="signerName"]').fill('Lê Văn Hùng');
    await page.getByLabel('Nơi nhận').fill(`- ${SAMPLE_AGENCY.name};\n- Lưu: VT, VP.`);
    await page.locator('[name="signerName"]').press('Enter');
    await poll(() => page.getByTestId('saved-outgoing').textContent()).toMatch(/^Đã cấp số: 01\/UBND-VP, ngày /);
    await nav('Sổ văn bản đi');
    await page.locator('.vtable__body [role="row"]').filter({ hasText: 'kết quả rà soát' }).click();
    const replies = page.getByRole('region', { name: 'Trả lời văn bản đến' });
    await replies.getByLabel('Tìm văn bản đến được trả lời').fill('hộ nghèo');
    await replies.getByRole('button', { name: /^Trả lời văn bản đến số 1\// }).click();
    await page.getByText('Đã ghi văn bản được trả lời và đóng việc giải quyết văn bản đến.').waitFor();

    // 6. Its paper original scanned at 200 dpi, made SAO Y 01/SY-UBND with the agency key, sent.
    const scans = await scanImages(env.dir, 'ban-giay', { dpi: 200, format: 'png' });
    const digitise = page.getByRole('form', { name: 'Số hóa văn bản giấy' });
    await digitise.getByLabel('Tệp PDF quét, hoặc ảnh các trang (PNG, JPEG)').setInputFiles(scans);
    await digitise.getByRole('button', { name: 'Số hóa' }).click();
    await digitise.getByText(/^Đã số hóa ".*": 1 trang, ảnh màu, độ phân giải thấp nhất 200 dpi/).waitFor();
    const copiesPanel = page.getByRole('region', { name: 'Sao văn bản' });
    await copiesPanel.locator('.copy-files > li').filter({ hasText: 'Bản số hóa của bản gốc giấy' }).getByRole('button', { name: 'Lập SAO Y điện tử' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Mã PIN').fill(hsm.tokens[0]!.pin);
    await dialog.getByRole('button', { name: 'Ký số và cấp số bản sao' }).click();
    await copiesPanel.getByText('Đã lập SAO Y điện tử số 01/SY-UBND.').waitFor({ timeout: 60_000 });
    await copiesPanel.getByRole('table', { name: 'Bản sao đã lập' }).getByRole('button', { name: 'Gửi qua trục…' }).click();
    // The recipient from the hub's agency directory (cached by hub.refreshAgencies), typed
    // without diacritics.
    const send = page.getByRole('dialog');
    await send.getByLabel('Tìm cơ quan trong danh bạ trục liên thông').fill('hoa tien');
    await send.getByRole('button', { name: `Thêm ${SAMPLE_AGENCY.name} (${SAMPLE_AGENCY.organId})` }).click();
    expect(await send.getByLabel('Nơi nhận: mỗi dòng mã định danh và tên cơ quan').inputValue()).toBe(`${SAMPLE_AGENCY.organId} ${SAMPLE_AGENCY.name}`);
    await send.getByRole('button', { name: 'Đưa vào hàng chờ gửi' }).click();
    await copiesPanel.getByText(/Đã đưa bản sao 01\/SY-UBND vào hàng chờ gửi/).waitFor();
    await nav('Liên thông');
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await page.getByTestId('sync-summary').waitFor({ timeout: 60_000 });
    await poll(() => page.getByTestId('sync-summary').innerText(), 60_000).toMatch(/Đã gửi\s+1 văn bản/);
    await browser.screenshot('walkthrough-copy-sent');
    expect(browser.problems).toEqual([]);
  }, 300_000);

  it('left the incoming document closed by the reply, the copy at desk A, and every step in the audit log', async () => {
    const incoming = (await bridgeCall(env.b, 'documents.list', { direction: 'incoming' })).rows[0]!;
    const history = await bridgeCall(env.b, 'processing.history', { id: incoming.id });
    expect(history.entries.map((e) => e.kind)).toEqual(['instruction', 'reply']);
    expect((await bridgeCall(env.b, 'documents.get', { id: incoming.id })).processingStatus).toBe('done');

    expect((await syncThroughApi(env.a)).final.lastRun).toMatchObject({ outcome: 'ok' });
    const inboxA = await bridgeCall(env.a, 'inbox.list', {});
    expect(inboxA.rows.map((r) => r.subject)).toEqual(expect.arrayContaining([expect.stringContaining('kết quả rà soát hộ nghèo')]));

    const actions = (await bridgeCall(env.b, 'audit.list', { limit: 200 })).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'inbox.receive',
        'inbox.accept',
        'processing.record',
        'processing.printSlip',
        'outgoing.register',
        'reply.link',
        'document.digitise',
        'copy.make',
        'copy.distribute',
        'hub.send.sent',
      ]),
    );
  });
});
