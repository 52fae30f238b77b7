import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIssuance } from '../../src/main/issuance/create-issuance.ts';
import { registerIncoming } from '../../src/main/registry/incoming.ts';
import { incomingInput } from '../../src/shared/api/schemas/documents.ts';
import { formatVietnameseDate } from '../../src/shared/domain/dates.ts';
import { launchBrowser, poll, type TestBrowser } from '../support/browser.ts';
import { bridgeCall, startTestBridge, type TestBridge } from '../support/bridge.ts';
import { ROOT } from '../support/cli.ts';
import { draftPdf } from '../support/draft-pdf.ts';
import { createSoftHsm, type SoftHsm } from '../support/softhsm.ts';
import { tempDir } from '../support/temp-profile.ts';
import { createTestPki } from '../support/test-pki.ts';

const SUBJECT = 'Về việc báo cáo số lượng cán bộ, công chức năm 2026';
const ANSWERED = 'Trả lời văn bản số 45/SNV-CCVC ngày 02/03/2026 của Sở Nội vụ thành phố Đà Nẵng';

// Through the UI, on the issuance screen: a draft công văn names, before it has a number, the
// incoming document it answers (and withdraws one named by mistake); it is then submitted,
// approved with the leader's SoftHSM token, numbered, issued with the agency's token and
// registered, and that register step closes the incoming document: its history ends with the
// reply, the Sổ đi row's Ghi chú names what it answers, and both documents show the link.
describe('a draft issuance answering an incoming document (Trả lời văn bản đến)', () => {
  let hsm: SoftHsm;
  let bridge: TestBridge;
  let browser: TestBrowser;
  let issuanceId = 0;
  let answeredId = 0;
  let mistakeId = 0;
  const work = tempDir('vanthu-e2e-issuance-replies-');

  beforeAll(async () => {
    const pki = await createTestPki();
    hsm = await createSoftHsm(pki, { labels: ['LANH-DAO', 'CO-QUAN'] });
    const main = readFileSync(await draftPdf(join(work.dir, 'cong-van.pdf'), { place: 'Xã Hòa Tiến,' }));
    bridge = await startTestBridge({
      tokenEnv: hsm.env,
      seed: (p) => {
        const arrive = (codeNumber: string, subject: string) =>
          registerIncoming(
            p,
            incomingInput.parse({ issuingAgency: 'Sở Nội vụ thành phố Đà Nẵng', codeNumber, codeNotation: 'SNV-CCVC', documentDate: '2026-03-02', documentType: 'Công văn', subject }),
          ).id;
        answeredId = arrive('45', 'Về việc báo cáo số lượng cán bộ, công chức');
        mistakeId = arrive('46', 'Về việc cử cán bộ dự tập huấn');
        issuanceId = createIssuance(p, {
          documentType: 'Công văn',
          subject: SUBJECT,
          unitAbbreviation: 'VP',
          signerName: 'Nguyễn Văn An',
          signerPosition: 'Chủ tịch',
          signerCompetence: 'TM. Ủy ban nhân dân',
          priority: 'thuong',
          secrecy: 'none',
          recipients: [{ name: 'Sở Nội vụ thành phố Đà Nẵng', organId: null }],
          archive: 'VT, VP',
          copies: null,
          notes: null,
          main: { name: 'cong-van.pdf', data: main },
          attachments: [],
          placeholders: null,
        }).id;
      },
    });
    const image = (name: string) => readFileSync(join(ROOT, 'resources', 'signing', name)).toString('base64');
    await bridgeCall(bridge, 'signing.saveSettings', { signatureImageBase64: image('signature-placeholder.png'), sealImageBase64: image('seal-placeholder.png') });
    browser = await launchBrowser();
    await browser.page.goto(bridge.pageUrl);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await bridge?.cleanup();
    hsm?.cleanup();
    work.cleanup();
  });

  const state = (page: Page) => page.getByTestId('issuance-state');
  const panel = (page: Page) => page.getByRole('region', { name: 'Trả lời văn bản đến' });

  async function signWith(page: Page, label: string, holder: string, pin: string) {
    const dialog = page.getByRole('dialog');
    const token = await dialog.locator('option', { hasText: `${label} —` }).getAttribute('value');
    await dialog.getByLabel('Thiết bị ký số').selectOption(token ?? '');
    const certificate = await dialog.locator('option', { hasText: `${holder} (RSA)` }).getAttribute('value');
    await dialog.getByLabel('Chứng thư số').selectOption(certificate ?? '');
    await dialog.getByLabel('Mã PIN').fill(pin);
    await dialog.getByRole('button', { name: 'Ký số', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  it('names on the draft the incoming document it answers, and withdraws one named by mistake', async () => {
    const { page } = browser;
    await page.getByRole('heading', { name: /^Hôm nay/, level: 1 }).waitFor();
    await page.getByRole('navigation').getByRole('button', { name: 'Phát hành', exact: true }).click();
    await page.getByRole('button', { name: SUBJECT }).click();
    await poll(() => state(page).textContent()).toBe('Trạng thái: Dự thảo');

    const search = panel(page).getByLabel('Tìm văn bản đến được trả lời');
    for (const [id, notice] of [
      [answeredId, 'Đã ghi văn bản được trả lời.'],
      [mistakeId, 'Đã ghi văn bản được trả lời.'],
    ] as const) {
      const doc = await bridgeCall(bridge, 'documents.get', { id });
      await search.fill('cán bộ');
      await panel(page).getByRole('button', { name: `Trả lời văn bản đến số ${doc.number}/${doc.year}` }).click();
      await page.getByText(notice, { exact: true }).waitFor();
    }
    const named = panel(page).getByRole('list', { name: 'Văn bản được trả lời' }).getByRole('listitem');
    await poll(() => named.count()).toBe(2);

    const mistake = await bridgeCall(bridge, 'documents.get', { id: mistakeId });
    await panel(page).getByRole('button', { name: `Bỏ văn bản được trả lời số đến ${mistake.number}/${mistake.year}` }).click();
    await page.getByText('Đã bỏ văn bản được trả lời.', { exact: true }).waitFor();
    await poll(() => named.count()).toBe(1);
    const answered = await bridgeCall(bridge, 'documents.get', { id: answeredId });
    // The line, then its "Bỏ" button: a link not yet closed can still be withdrawn.
    expect(await named.first().textContent()).toBe(`${ANSWERED} (số đến ${answered.number}/${answered.year}) — sẽ đóng xử lý khi văn bản trả lời được vào sổBỏ`);
    // Named, not closed: the draft is not issued.
    expect(answered.processingStatus).toBe('pending');
    await browser.screenshot('issuance-reply-named');
  });

  it('submits, approves, numbers, issues and registers it, which closes the incoming document', { timeout: 120_000 }, async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Trình ký' }).click();
    await poll(() => state(page).textContent()).toBe('Trạng thái: Trình ký');
    await page.getByRole('button', { name: 'Ký duyệt…' }).click();
    await signWith(page, 'LANH-DAO', 'Nguyễn Văn Token 0', hsm.tokens[0]!.pin);
    await poll(() => state(page).textContent()).toBe('Trạng thái: Đã ký duyệt');
    await page.getByRole('button', { name: 'Cấp số', exact: true }).click();
    await poll(() => state(page).textContent()).toBe('Trạng thái: Đã cấp số');
    await page.getByRole('button', { name: 'Ký phát hành…' }).click();
    await signWith(page, 'CO-QUAN', 'Nguyễn Văn Token 1', hsm.tokens[1]!.pin);
    await poll(() => state(page).textContent()).toBe('Trạng thái: Đã phát hành');
    // Issued but not yet in the register: still open.
    expect((await bridgeCall(bridge, 'documents.get', { id: answeredId })).processingStatus).toBe('pending');

    await page.getByRole('button', { name: 'Vào sổ văn bản đi' }).click();
    await poll(() => state(page).textContent()).toBe('Trạng thái: Đã vào sổ');
    const record = await bridgeCall(bridge, 'issuance.get', { id: issuanceId });
    expect(record).toMatchObject({ state: 'registered', codeNumber: '01', codeNotation: 'UBND-VP' });
    const answered = await bridgeCall(bridge, 'documents.get', { id: answeredId });
    // The link is closed: no "sẽ đóng" note, no "Bỏ".
    const named = panel(page).getByRole('list', { name: 'Văn bản được trả lời' }).getByRole('listitem');
    await poll(() => named.first().textContent()).toBe(`${ANSWERED} (số đến ${answered.number}/${answered.year})`);
    expect(await panel(page).getByRole('button', { name: /^Bỏ văn bản được trả lời/ }).count()).toBe(0);
    await browser.screenshot('issuance-reply-registered');
  });

  it('shows the closing in the incoming document’s history and the link in both registers', async () => {
    const { page } = browser;
    const record = await bridgeCall(bridge, 'issuance.get', { id: issuanceId });
    const day = formatVietnameseDate(record.documentDate as string);

    // Sổ văn bản đi: the row's Ghi chú names the document answered; the panel lists it.
    await page.getByRole('button', { name: 'Xem trong sổ văn bản đi' }).click();
    await page.getByRole('heading', { name: /^Văn bản đi 01\/UBND-VP/ }).waitFor();
    const reply = await bridgeCall(bridge, 'documents.get', { id: record.documentId as number });
    expect(reply.notes).toBe(`${ANSWERED}.`);
    await page.getByText(`${ANSWERED}.`, { exact: true }).waitFor();
    const answered = await bridgeCall(bridge, 'documents.get', { id: answeredId });
    await panel(page).getByText(`${ANSWERED} (số đến ${answered.number}/${answered.year})`).waitFor();

    // Sổ văn bản đến: closed by the reply, shown with it; the one withdrawn stays open.
    await page.getByRole('navigation').getByRole('button', { name: 'Sổ văn bản đến', exact: true }).click();
    await page.locator('.vtable__body [role="row"]').filter({ hasText: 'báo cáo số lượng cán bộ' }).click();
    await page.getByRole('heading', { name: new RegExp(`Văn bản đến số ${answered.number}/${answered.year}`) }).waitFor();
    await page.getByRole('region', { name: 'Văn bản trả lời' }).getByText(`Đã trả lời bằng văn bản số 01/UBND-VP ngày ${day}`).waitFor();
    await page.getByText(`Đã trả lời bằng công văn số 01/UBND-VP ngày ${day}.`).first().waitFor();
    await browser.screenshot('incoming-closed-by-reply');

    const history = await bridgeCall(bridge, 'processing.history', { id: answeredId });
    expect(history.document).toMatchObject({ processingStatus: 'done', replyNotation: '01/UBND-VP' });
    expect(history.entries.at(-1)).toMatchObject({ kind: 'reply', status: 'done', replyDocumentId: record.documentId, author: 'Nguyễn Văn An', givenOn: record.documentDate });
    expect((await bridgeCall(bridge, 'documents.get', { id: mistakeId })).processingStatus).toBe('pending');
    expect((await bridgeCall(bridge, 'replies.list', { documentId: mistakeId })).links).toEqual([]);
    const actions = (await bridgeCall(bridge, 'audit.list', { entityType: 'document', entityId: String(answeredId), limit: 20 })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['reply.link', 'processing.reply']));
  });
});
