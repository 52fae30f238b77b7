import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { registerIncoming } from '../../src/main/registry/incoming.ts';
import { registerOutgoing } from '../../src/main/registry/outgoing.ts';
import { recordProcessing } from '../../src/main/registry/processing-record.ts';
import { incomingInput, outgoingInput } from '../../src/shared/api/schemas/documents.ts';
import { processingRecordInput } from '../../src/shared/api/schemas/processing.ts';
import { INCOMING_STATE_LABELS, INCOMING_STATES, OUTGOING_STATES } from '../../src/shared/domain/report-rules.ts';
import { describeProblems, seriousViolations } from '../support/axe.ts';
import { launchBrowser, poll, type TestBrowser } from '../support/browser.ts';
import { bridgeCall, startTestBridge, type TestBridge } from '../support/bridge.ts';
import { fixedClock, tempDir } from '../support/temp-profile.ts';

// The server's today is Tuesday 10/03/2026. A few documents over February and March: incoming
// ones open and overdue, done on time, open with no deadline, and one in February (in the
// quarter and the year, not in the month); outgoing ones registered in March and in February.
const TODAY = '2026-03-10';
const clock = fixedClock(`${TODAY}T02:00:00Z`);
const on = (day: string) => clock.set(`${day}T02:00:00Z`);

function incoming(p: Profile, day: string, fields: { codeNumber: string; documentType: string; subject: string; dueDate?: string }): number {
  on(day);
  return registerIncoming(p, incomingInput.parse({ issuingAgency: 'UBND thành phố Đà Nẵng', codeNotation: 'UBND-VP', documentDate: day, arrivalDate: day, ...fields })).id;
}

function outgoing(p: Profile, day: string, documentType: string, subject: string): number {
  on(day);
  return registerOutgoing(p, outgoingInput.parse({ documentType, subject, signerName: 'Nguyễn Văn An', signerPosition: 'Chủ tịch', ...(documentType === 'Công văn' ? { unitAbbreviation: 'VP' } : {}) })).id;
}

function seed(p: Profile): void {
  // In the order of the registers (a register's dates never go back).
  incoming(p, '2026-02-10', { codeNumber: '07', documentType: 'Quyết định', subject: 'Giao chỉ tiêu kế hoạch năm 2026' });
  outgoing(p, '2026-02-20', 'Quyết định', 'Về việc kiện toàn Ban Chỉ đạo');
  const overdue = incoming(p, '2026-03-02', { codeNumber: '21', documentType: 'Công văn', subject: 'Đôn đốc báo cáo thống kê', dueDate: '2026-03-05' });
  recordProcessing(p, processingRecordInput.parse({ kind: 'instruction', documentId: overdue, author: 'Chủ tịch UBND xã', assignees: [{ role: 'lead', unit: 'VP' }] }));
  const done = incoming(p, '2026-03-03', { codeNumber: '22', documentType: 'Công văn', subject: 'Kiểm tra an toàn thực phẩm', dueDate: '2026-03-06' });
  recordProcessing(p, processingRecordInput.parse({ kind: 'instruction', documentId: done, author: 'Chủ tịch UBND xã', assignees: [{ role: 'lead', unit: 'KT' }] }));
  on('2026-03-04');
  recordProcessing(p, processingRecordInput.parse({ kind: 'status', documentId: done, status: 'done', givenOn: '2026-03-04' }));
  incoming(p, '2026-03-09', { codeNumber: '35', documentType: 'Quyết định', subject: 'Thành lập Tổ công tác chuyển đổi số' });
  outgoing(p, '2026-03-05', 'Quyết định', 'Về việc khen thưởng tập thể');
  outgoing(p, '2026-03-06', 'Công văn', 'Về việc đăng ký hộ tịch trực tuyến');
  on(TODAY);
}

// The cells of a table as the clerk reads them, row by row (header and footer rows included).
async function cellsOf(table: Locator): Promise<string[][]> {
  const rows = await table.locator('tr').all();
  return Promise.all(rows.map(async (r) => (await r.locator('th, td').allTextContents()).map((c) => c.trim())));
}

const count = new Intl.NumberFormat('vi-VN');
type Counts = { readonly total: number };

// What a breakdown table must show for a report's lines: the header, a row per line, the totals.
function expectedTable(what: string, labels: readonly string[], states: readonly string[], lines: ReadonlyArray<Counts & { readonly label: string }>, totals: Counts): string[][] {
  const row = (label: string, l: Counts) => [label, count.format(l.total), ...states.map((s) => count.format((l as unknown as Record<string, number>)[s] as number))];
  return [[what, 'Tổng số', ...labels], ...lines.map((l) => row(l.label, l)), row('Tổng cộng', totals)];
}

async function expectChart(page: Page, testId: string, bars: ReadonlyArray<{ label: string; value: number }>, unit: string): Promise<void> {
  const chart = page.getByTestId(testId);
  const svg = chart.locator('svg[role="img"]');
  // Named by its title and described by every bar's figure, for assistive technology.
  const name = await chart.locator('figcaption').textContent();
  expect(await svg.getAttribute('aria-labelledby')).toMatch(/-title .*-desc$/);
  expect(await svg.locator('title').first().textContent()).toBe(name);
  expect(await svg.locator('desc').textContent()).toBe(bars.map((b) => `${b.label}: ${count.format(b.value)} ${unit}`).join('; '));
  expect(await svg.locator('g > title').allTextContents()).toEqual(bars.map((b) => `${b.label}: ${count.format(b.value)} ${unit}`));
  // Bar lengths follow the figures: the largest is the longest, a zero draws nothing.
  const widths = (await svg.locator('rect').evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('width'))))) as number[];
  const max = Math.max(...bars.map((b) => b.value));
  bars.forEach((b, i) => {
    if (b.value === 0) expect(widths[i]).toBe(0);
    if (b.value === max && max > 0) expect(widths[i]).toBe(Math.max(...widths));
    if (b.value > 0 && b.value < max) expect(widths[i]).toBeLessThan(Math.max(...widths));
  });
  // The same figures as a table.
  expect((await cellsOf(chart.locator('table'))).slice(1)).toEqual(bars.map((b) => [b.label, count.format(b.value)]));
}

describe('Thống kê', () => {
  let bridge: TestBridge;
  let browser: TestBrowser;
  const files = tempDir('vanthu-e2e-stats-');
  const month = { from: '2026-03-01', to: TODAY };

  beforeAll(async () => {
    bridge = await startTestBridge({ clock, seed });
    // Two documents looked at (what the views report counts), the way the document screen asks.
    const listed = await bridgeCall(bridge, 'documents.list', { direction: 'incoming', year: 2026 });
    for (const row of listed.rows.slice(0, 2)) await bridgeCall(bridge, 'documents.get', { id: row.id });
    browser = await launchBrowser();
    await browser.page.goto(bridge.pageUrl);
    await browser.page.getByRole('navigation').getByRole('button', { name: 'Thống kê', exact: true }).click();
    await browser.page.getByRole('heading', { name: 'Thống kê', level: 1 }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await bridge?.cleanup();
    files.cleanup();
  });

  it("shows this month's incoming and outgoing reports as the operations return them, with their charts", async () => {
    const { page } = browser;
    expect(await page.getByTestId('stats-period').textContent()).toBe('Từ ngày 01/03/2026 đến ngày 10/03/2026');
    const r = await bridgeCall(bridge, 'reports.incoming', month);
    // The seed's three March documents: one overdue, one done on time, one open in time.
    expect([r.totals.total, r.totals.openOverdue, r.totals.doneOnTime, r.totals.openInTime]).toEqual([3, 1, 1, 1]);
    const panel = page.getByTestId('stats-incoming');
    await poll(() => panel.getByTestId('stats-incoming-total').textContent()).toBe('Tổng số văn bản đến: 3');
    const labels = INCOMING_STATES.map((s) => INCOMING_STATE_LABELS[s]);
    expect(await cellsOf(panel.getByRole('table', { name: 'Văn bản đến theo loại văn bản', exact: true }))).toEqual(expectedTable('Loại văn bản', labels, INCOMING_STATES, r.byType, r.totals));
    expect(await cellsOf(panel.getByRole('table', { name: 'Văn bản đến theo hình thức tiếp nhận', exact: true }))).toEqual(expectedTable('Hình thức', labels, INCOMING_STATES, r.byChannel, r.totals));
    const byUnit = await cellsOf(panel.getByRole('table', { name: 'Văn bản đến theo đơn vị chủ trì giải quyết', exact: true }));
    expect(byUnit).toEqual(expectedTable('Đơn vị', labels, INCOMING_STATES, r.byUnit, r.totals));
    // The units by their declared names, the one nobody was given last.
    expect(byUnit.slice(1, -1).map((row) => row[0])).toEqual(['Phòng Kinh tế', 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân', 'Chưa giao đơn vị']);
    await expectChart(page, 'chart-incoming-states', INCOMING_STATES.map((s) => ({ label: INCOMING_STATE_LABELS[s], value: r.totals[s] })), 'văn bản');
    await expectChart(page, 'chart-incoming-channels', r.byChannel.map((l) => ({ label: l.label, value: l.total })), 'văn bản');

    const o = await bridgeCall(bridge, 'reports.outgoing', month);
    expect(o.totals.total).toBe(2);
    const out = page.getByTestId('stats-outgoing');
    expect(await out.getByTestId('stats-outgoing-total').textContent()).toBe('Tổng số văn bản đi: 2');
    const outLabels = (await cellsOf(out.getByRole('table', { name: 'Văn bản đi theo loại văn bản', exact: true })))[0]!.slice(2);
    expect(await cellsOf(out.getByRole('table', { name: 'Văn bản đi theo loại văn bản', exact: true }))).toEqual(expectedTable('Loại văn bản', outLabels, OUTGOING_STATES, o.byType, o.totals));
    expect(await cellsOf(out.getByRole('table', { name: 'Văn bản đi theo đơn vị soạn thảo', exact: true }))).toEqual(expectedTable('Đơn vị', outLabels, OUTGOING_STATES, o.byUnit, o.totals));
    await expectChart(page, 'chart-outgoing-channels', o.byChannel.map((l) => ({ label: l.label, value: l.total })), 'văn bản');
    await browser.screenshot('statistics');
  });

  it('changes the period: this quarter, a custom one, and refuses dates in the wrong order', async () => {
    const { page } = browser;
    const form = page.getByRole('form', { name: 'Kỳ báo cáo' });
    await form.getByLabel('Kỳ báo cáo').selectOption({ label: 'Quý này' });
    await poll(() => page.getByTestId('stats-period').textContent()).toBe('Từ ngày 01/01/2026 đến ngày 10/03/2026');
    const quarter = await bridgeCall(bridge, 'reports.incoming', { from: '2026-01-01', to: TODAY });
    expect(quarter.totals.total).toBe(4);
    await poll(() => page.getByTestId('stats-incoming-total').textContent()).toBe('Tổng số văn bản đến: 4');
    await poll(() => page.getByTestId('stats-outgoing-total').textContent()).toBe('Tổng số văn bản đi: 3');

    await form.getByLabel('Kỳ báo cáo').selectOption({ label: 'Tùy chọn' });
    await form.getByLabel('Từ ngày').fill('28/02/2026');
    await form.getByLabel('Đến ngày').fill('01/02/2026');
    await form.getByRole('button', { name: 'Xem' }).click();
    await form.getByText('"Từ ngày" phải trước hoặc bằng "Đến ngày"').waitFor();
    await form.getByLabel('Từ ngày').fill('01/02/2026');
    await form.getByLabel('Đến ngày').fill('28/02/2026');
    await form.getByRole('button', { name: 'Xem' }).click();
    await poll(() => page.getByTestId('stats-period').textContent()).toBe('Từ ngày 01/02/2026 đến ngày 28/02/2026');
    const february = await bridgeCall(bridge, 'reports.incoming', { from: '2026-02-01', to: '2026-02-28' });
    expect(february.totals.total).toBe(1);
    await poll(() => page.getByTestId('stats-incoming-total').textContent()).toBe('Tổng số văn bản đến: 1');
    await poll(() => page.getByTestId('stats-outgoing-total').textContent()).toBe('Tổng số văn bản đi: 1');
    await form.getByLabel('Kỳ báo cáo').selectOption({ label: 'Tháng này' });
    await poll(() => page.getByTestId('stats-incoming-total').textContent()).toBe('Tổng số văn bản đến: 3');
  });

  it('shows the views of each document and the yearly statistics as the operations return them', async () => {
    const { page } = browser;
    const v = await bridgeCall(bridge, 'reports.views', month);
    expect(v.totals).toEqual({ documents: 2, views: 2, downloads: 0 });
    const views = page.getByTestId('stats-views');
    expect(await views.getByTestId('stats-views-totals').textContent()).toBe('Từ ngày 01/03/2026 đến ngày 10/03/2026: 2 văn bản, 2 lượt xem, 0 lượt mở, tải tệp.');
    const name = (d: (typeof v.rows)[number]) => (d.direction === 'incoming' ? `Đến số ${d.number}/${d.year}` : `Đi số ${d.numberNotation}`);
    expect((await cellsOf(views.getByRole('table', { name: 'Lượt xem, tải từng văn bản', exact: true }))).slice(1)).toEqual(v.rows.map((d) => [name(d), d.subject, String(d.views), String(d.downloads)]));
    await expectChart(page, 'chart-views', v.rows.map((d) => ({ label: `${name(d)}: ${d.subject}`, value: d.views + d.downloads })), 'lượt');

    const y = await bridgeCall(bridge, 'reports.yearly', { year: 2026 });
    expect([y.incoming.total, y.outgoing.total]).toEqual([4, 3]);
    const yearly = page.getByTestId('stats-yearly');
    const channels = ['Qua trục liên thông', 'Văn bản giấy'];
    expect(await cellsOf(yearly.getByRole('table', { name: 'Văn bản đến năm 2026', exact: true }))).toEqual(expectedTable('Loại văn bản', channels, ['hub', 'paper'], y.incoming.byType, y.incoming));
    expect(await cellsOf(yearly.getByRole('table', { name: 'Văn bản đi năm 2026', exact: true }))).toEqual(
      expectedTable('Loại văn bản', [...channels, 'Chưa gửi'], ['hub', 'paper', 'unsent'], y.outgoing.byType, y.outgoing),
    );
    expect(await cellsOf(yearly.getByRole('table', { name: 'Hồ sơ năm 2026', exact: true }))).toEqual([
      ['Hồ sơ đã lập (danh mục hồ sơ năm 2026)', String(y.caseFiles.compiled)],
      ['Trong đó đã kết thúc', String(y.caseFiles.closed)],
      ['Hồ sơ đã nộp lưu trong năm 2026', String(y.caseFiles.handedOver)],
    ]);
    await expectChart(
      page,
      'chart-yearly',
      [
        { label: 'Văn bản đến: qua trục liên thông', value: y.incoming.hub },
        { label: 'Văn bản đến: văn bản giấy', value: y.incoming.paper },
        { label: 'Văn bản đi: qua trục liên thông', value: y.outgoing.hub },
        { label: 'Văn bản đi: văn bản giấy', value: y.outgoing.paper },
        { label: 'Văn bản đi: chưa gửi', value: y.outgoing.unsent },
      ],
      'văn bản',
    );
  });

  it('exports the incoming report to PDF and the yearly statistics to Excel, and downloads them', async () => {
    const { page } = browser;
    const incoming = page.getByTestId('stats-incoming');
    await incoming.getByRole('button', { name: 'Xuất PDF' }).click();
    await poll(() => page.getByTestId('incoming-exported').textContent(), 30_000).toMatch(/Đã lưu Báo cáo tình hình giải quyết văn bản đến \(PDF\) .* vào tệp .*bao-cao-van-ban-den-2026-03-01-2026-03-10-.*\.pdf/);
    const [pdf] = await Promise.all([page.waitForEvent('download'), incoming.getByRole('button', { name: /^Tải về / }).click()]);
    const pdfPath = join(files.dir, pdf.suggestedFilename());
    await pdf.saveAs(pdfPath);
    expect(readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain('BÁO CÁO TÌNH HÌNH GIẢI QUYẾT VĂN BẢN ĐẾN');
    expect(text).toContain('Tổng số văn bản đến: 3');

    const yearly = page.getByTestId('stats-yearly');
    await yearly.getByRole('button', { name: 'Xuất Excel' }).click();
    await poll(() => page.getByTestId('yearly-exported').textContent(), 30_000).toMatch(/Thống kê công tác văn thư năm 2026 \(Excel\) .*thong-ke-van-thu-2026-.*\.xlsx/);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), yearly.getByRole('button', { name: /^Tải về / }).click()]);
    const xlsxPath = join(files.dir, xlsx.suggestedFilename());
    await xlsx.saveAs(xlsxPath);
    const rows = (await readXlsxFile(readFileSync(xlsxPath)))[0]?.data ?? [];
    expect(rows.flat()).toContain('THỐNG KÊ CÔNG TÁC VĂN THƯ NĂM 2026');
    // The totals row of the incoming documents, as the operation counts them.
    const y = await bridgeCall(bridge, 'reports.yearly', { year: 2026 });
    const totals = rows.find((r) => r[1] === 'Văn bản đến' && typeof r[2] === 'number');
    expect(totals?.slice(2, 5)).toEqual([y.incoming.total, y.incoming.hub, y.incoming.paper]);
  });

  it('passes the accessibility check with every report shown', async () => {
    const problems = await seriousViolations(browser.page);
    expect(problems, describeProblems(problems)).toEqual([]);
    expect(browser.problems).toEqual([]);
  });
});
