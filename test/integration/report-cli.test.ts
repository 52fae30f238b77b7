import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import readExcelFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBridgeServices } from '../../src/dev/bridge-server.ts';
import { initProfile } from '../../src/main/profile/init-profile.ts';
import { openProfile } from '../../src/main/profile/open-profile.ts';
import { recordDocumentUse } from '../../src/main/reports/document-use.ts';
import type { Services } from '../../src/main/services/create-services.ts';
import type { InputOf, OperationName, OutputOf } from '../../src/shared/api/contract.ts';
import type { Envelope } from '../../src/shared/api/envelope.ts';
import { agencyProfileInput } from '../../src/shared/api/schemas/profile.ts';
import type { IncomingReport, OutgoingReport, ReportExportResult, ViewsReport, YearlyReport } from '../../src/shared/api/schemas/reports.ts';
import { vanthu } from '../support/cli.ts';
import { REPORT_PERIOD, seedRegisters } from '../support/report-seed.ts';
import { fixedClock, SAMPLE_AGENCY, tempDir } from '../support/temp-profile.ts';

// `vanthu report …` as a separate process on a profile seeded through the registry (the
// registers without the issuance workflow): each report's --json is the op's answer as the
// dispatcher gives it, the table shows its numbers, --format/--out write the PDF and the XLSX,
// and bad input exits 2 with the clerk's message. The numbers themselves are checked against
// SQL in reports.test.ts.
describe('vanthu report', () => {
  const t = tempDir('vanthu-report-cli-');
  const profile = join(t.dir, 'profile');
  const run = (...args: string[]) => vanthu(['report', ...args, '--profile', profile]);
  const period = ['--from', REPORT_PERIOD.from, '--to', REPORT_PERIOD.to];
  let services: Services;
  const call = async <K extends OperationName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> => {
    const e = (await services.dispatch(name, input)) as Envelope<OutputOf<K>>;
    if (!e.ok) throw new Error(`${name}: ${e.error.code} ${e.error.message}`);
    return e.value;
  };

  beforeAll(async () => {
    const clock = fixedClock('2025-12-30T02:00:00Z');
    initProfile(profile, agencyProfileInput.parse(SAMPLE_AGENCY), { clock, actor: 'test' }).close();
    const p = openProfile(profile, { clock, actor: 'test' });
    try {
      const ids = await seedRegisters(p, clock.set, t.dir);
      clock.set('2026-03-05T02:00:00Z');
      recordDocumentUse(p, ids.copied, 'view');
      recordDocumentUse(p, ids.firstDay, 'view');
    } finally {
      p.close();
    }
    // The command runs on today's date: so does the dispatcher it is compared with.
    services = createBridgeServices({ profileDir: profile });
  }, 120_000);
  afterAll(async () => {
    await services.close();
    t.cleanup();
  });

  it('prints the incoming and outgoing reports as tables, and with --json the op’s answer', async () => {
    const incoming = run('incoming', ...period, '--json');
    expect(incoming.status).toBe(0);
    const expectedIn = await call('reports.incoming', REPORT_PERIOD);
    expect(incoming.json<IncomingReport>()).toEqual(expectedIn);
    expect(expectedIn.totals.total).toBeGreaterThan(0);

    const table = run('incoming', ...period);
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('BÁO CÁO TÌNH HÌNH GIẢI QUYẾT VĂN BẢN ĐẾN');
    expect(table.stdout).toContain('Từ ngày 01/03/2026 đến ngày 15/03/2026');
    const lines = table.stdout.split('\n');
    for (const l of [...expectedIn.byChannel, ...expectedIn.byType]) {
      const numbers = [l.total, l.doneOnTime, l.doneLate, l.openInTime, l.openOverdue].join('\\s+');
      expect(lines.some((line) => new RegExp(`^\\s*\\d+\\s+${l.label}\\s+${numbers}$`).test(line)), l.label).toBe(true);
    }

    const outgoing = run('outgoing', ...period, '--json');
    expect(outgoing.status).toBe(0);
    const expectedOut = await call('reports.outgoing', REPORT_PERIOD);
    expect(outgoing.json<OutgoingReport>()).toEqual(expectedOut);
    const outTable = run('outgoing', ...period).stdout;
    expect(outTable).toContain('BÁO CÁO TÌNH HÌNH GIẢI QUYẾT VĂN BẢN ĐI');
    expect(outTable).toMatch(new RegExp(`^\\s+Tổng số\\s+${expectedOut.totals.total}\\s+`, 'm'));
  });

  it('prints the yearly statistics and the views, table and --json', async () => {
    const yearly = run('yearly', '--year', '2026', '--json');
    expect(yearly.status).toBe(0);
    const expectedYear = await call('reports.yearly', { year: 2026 });
    expect(yearly.json<YearlyReport>()).toEqual(expectedYear);
    const yearTable = run('yearly', '--year', '2026').stdout;
    expect(yearTable).toContain('THỐNG KÊ CÔNG TÁC VĂN THƯ NĂM 2026');
    expect(yearTable).toMatch(new RegExp(`^\\s+Văn bản đến\\s+${expectedYear.incoming.total}\\s+${expectedYear.incoming.hub}\\s+${expectedYear.incoming.paper}$`, 'm'));

    const views = run('views', ...period, '--json');
    expect(views.status).toBe(0);
    const expectedViews = await call('reports.views', { ...REPORT_PERIOD, limit: 100 });
    expect(views.json<ViewsReport>()).toEqual(expectedViews);
    expect(expectedViews.totals).toEqual({ documents: 2, views: 2, downloads: 0 });
    expect(run('views', ...period).stdout).toContain('2 văn bản, 2 lượt xem, 0 lượt mở, tải tệp');
    expect(run('views', ...period, '--limit', '1', '--json').json<ViewsReport>().rows).toHaveLength(1);
  });

  it('writes the PDF and the XLSX where --out says', async () => {
    const pdfPath = join(t.dir, 'bao-cao-den.pdf');
    const pdf = run('incoming', ...period, '--format', 'pdf', '--out', pdfPath, '--json');
    expect(pdf.status).toBe(0);
    expect(pdf.json<ReportExportResult>()).toEqual({ fileName: 'bao-cao-den.pdf', path: pdfPath, bytes: readFileSync(pdfPath).length });
    const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    const expectedIn = await call('reports.incoming', REPORT_PERIOD);
    expect(text).toContain('BÁO CÁO TÌNH HÌNH GIẢI QUYẾT VĂN BẢN ĐẾN');
    expect(text).toContain(`Tổng số văn bản đến: ${expectedIn.totals.total}`);

    const xlsxPath = join(t.dir, 'thong-ke.xlsx');
    const xlsx = run('yearly', '--year', '2026', '--format', 'xlsx', '--out', xlsxPath);
    expect(xlsx.status).toBe(0);
    expect(xlsx.stdout).toContain(`Đã ghi báo cáo ra ${xlsxPath}`);
    const rows = (await readExcelFile(readFileSync(xlsxPath)))[0]?.data as Array<Array<string | number | null>>;
    const expectedYear = await call('reports.yearly', { year: 2026 });
    expect(rows.flat()).toContain('THỐNG KÊ CÔNG TÁC VĂN THƯ NĂM 2026');
    expect(rows).toContainEqual([null, 'Văn bản đến', expectedYear.incoming.total, expectedYear.incoming.hub, expectedYear.incoming.paper, null]);

    const viewsPath = join(t.dir, 'luot-xem.pdf');
    expect(run('views', ...period, '--format', 'pdf', '--out', viewsPath).status).toBe(0);
    expect(execFileSync('pdftotext', ['-layout', viewsPath, '-'], { encoding: 'utf8' })).toContain('THỐNG KÊ LƯỢT XEM, TẢI VĂN BẢN');
  });

  it('refuses bad input with exit 2 and the clerk’s message, writing nothing', () => {
    const backwards = run('incoming', '--from', '2026-03-15', '--to', '2026-03-01');
    expect(backwards.status).toBe(2);
    expect(backwards.stderr).toContain('"Từ ngày" phải trước hoặc bằng "Đến ngày"');
    const missing = run('outgoing', '--from', '2026-03-01');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/Đến ngày/);
    const format = run('incoming', ...period, '--format', 'docx', '--out', join(t.dir, 'x.docx'));
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('định dạng phải là pdf hoặc xlsx');
    const noOut = run('yearly', '--year', '2026', '--format', 'pdf');
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toContain('Thiếu tham số --out.');
    expect(run('views', ...period, '--limit', '0').status).toBe(2);
    expect(run('yearly', '--year', '2026', '--month', '3').status).toBe(2);
    expect(() => readFileSync(join(t.dir, 'x.docx'))).toThrow();
  });
});
