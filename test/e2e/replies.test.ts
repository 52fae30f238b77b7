import { afterAll, beforeAll, describe, it } from 'vitest';
import { incomingInput, outgoingInput } from '../../src/shared/api/schemas/documents.ts';
import { registerIncoming } from '../../src/main/registry/incoming.ts';
import { registerOutgoing } from '../../src/main/registry/outgoing.ts';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';
import { startTestBridge, type TestBridge } from '../support/bridge.ts';
import { fixedClock } from '../support/temp-profile.ts';

// Through the UI: the clerk names, on an outgoing document, the incoming document it answers;
// being issued already (registered directly), it closes the incoming one, and both show the link.
describe('Trả lời văn bản đến', () => {
  let bridge: TestBridge;
  let browser: TestBrowser;

  beforeAll(async () => {
    bridge = await startTestBridge({
      clock: fixedClock('2026-03-10T02:00:00Z'),
      seed: (p) => {
        registerIncoming(
          p,
          incomingInput.parse({
            issuingAgency: 'Sở Nội vụ thành phố Đà Nẵng',
            codeNumber: '45',
            codeNotation: 'SNV-CCVC',
            documentDate: '2026-03-02',
            arrivalDate: '2026-03-03',
            documentType: 'Công văn',
            subject: 'Về việc báo cáo số lượng cán bộ',
          }),
        );
        registerOutgoing(p, outgoingInput.parse({ documentType: 'Công văn', unitAbbreviation: 'VP', subject: 'V/v báo cáo số lượng cán bộ', signerName: 'Nguyễn Văn An', signerPosition: 'Chủ tịch' }));
      },
    });
    browser = await launchBrowser();
    await browser.page.goto(bridge.pageUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.cleanup();
  });

  it('links the reply from the outgoing document, which closes the incoming one, and shows it on both', async () => {
    const { page } = browser;
    await page.getByRole('heading', { name: /^Hôm nay/, level: 1 }).waitFor();
    await page.getByRole('navigation').getByRole('button', { name: 'Sổ văn bản đi', exact: true }).click();
    await page.locator('.vtable__body [role="row"]').filter({ hasText: 'báo cáo số lượng cán bộ' }).click();
    const panel = page.getByRole('region', { name: 'Trả lời văn bản đến' });
    await panel.getByLabel('Tìm văn bản đến được trả lời').fill('cán bộ');
    await panel.getByRole('button', { name: 'Trả lời văn bản đến số 1/2026' }).click();
    await page.getByText('Đã ghi văn bản được trả lời và đóng việc giải quyết văn bản đến.').waitFor();
    await panel.getByText('Trả lời văn bản số 45/SNV-CCVC ngày 02/03/2026 của Sở Nội vụ thành phố Đà Nẵng (số đến 1/2026)').waitFor();

    await page.getByRole('navigation').getByRole('button', { name: 'Sổ văn bản đến', exact: true }).click();
    await page.locator('.vtable__body [role="row"]').filter({ hasText: 'báo cáo số lượng cán bộ' }).click();
    await page.getByRole('heading', { name: /Văn bản đến số 1\/2026/ }).waitFor();
    await page.getByRole('region', { name: 'Văn bản trả lời' }).getByText('Đã trả lời bằng văn bản số 01/UBND-VP ngày 10/03/2026').waitFor();
    // The history closes with the reply.
    await page.getByText('Đã trả lời bằng công văn số 01/UBND-VP ngày 10/03/2026.').first().waitFor();
  });
});
