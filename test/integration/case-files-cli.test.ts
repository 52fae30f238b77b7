import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFileDetail, CaseFileRecord, DueHandovers, HandoverRecord, PlanRecord } from '../../src/shared/api/schemas/casefiles.ts';
import type { DocumentDetail } from '../../src/shared/api/schemas/documents.ts';
import { vietnamToday } from '../../src/shared/domain/dates.ts';
import { ROOT, vanthu } from '../support/cli.ts';
import { pdfLibSample } from '../support/pdf-samples.ts';
import { tempDir } from '../support/temp-profile.ts';

// `vanthu records …` on a real profile in a separate process: this year's plan from the default
// headings, a file added and approved, two documents filed (one with a 3-page PDF), closed with
// its pages counted, handed over and then frozen.
describe('vanthu records', () => {
  const t = tempDir('vanthu-records-cli-');
  const profile = join(t.dir, 'profile');
  const today = vietnamToday();
  const year = today.slice(0, 4);
  const run = (...args: string[]) => vanthu([...args, '--profile', profile]);

  beforeAll(async () => {
    expect(vanthu(['init', '--profile', profile, '--agency', join(ROOT, 'resources', 'demo', 'agency.json')]).status).toBe(0);
    const scan = await pdfLibSample(join(t.dir, 'ba-trang.pdf'), { objectStreams: false, pages: 3 });
    const incoming = {
      issuingAgency: 'Sở Nội vụ',
      codeNumber: '21',
      codeNotation: 'SNV-VP',
      documentDate: today,
      documentType: 'Công văn',
      subject: 'Về việc lập hồ sơ',
      attachments: [{ name: 'cong-van.pdf', dataBase64: readFileSync(scan).toString('base64') }],
    };
    writeFileSync(join(t.dir, 'in.json'), JSON.stringify(incoming));
    expect(run('incoming', 'add', join(t.dir, 'in.json')).status).toBe(0);
    const outgoing = { documentType: 'Kế hoạch', subject: 'Kế hoạch lập hồ sơ', signerName: 'Nguyễn Văn An', pageCount: 2 };
    writeFileSync(join(t.dir, 'out.json'), JSON.stringify(outgoing));
    expect(run('outgoing', 'add', join(t.dir, 'out.json')).status).toBe(0);
  });
  afterAll(() => t.cleanup());

  it('makes, approves and shows the plan; files, closes, hands over; refuses what the freeze forbids', () => {
    const plan = run('records', 'plan', 'create', '--year', year, '--json').json<PlanRecord>();
    const vp = plan.headings.find((h) => h.abbreviation === 'VP')!;
    expect(run('records', 'plan', 'create', '--year', year).status).toBe(2);
    const bad = run('records', 'plan', 'file', '--year', year, '--heading', String(vp.id), '--title', 'Hồ sơ', '--retention', 'mãi', '--creator', 'Lê Thị Hoa');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/vinh-vien/);
    const f = run('records', 'plan', 'file', '--year', year, '--heading', String(vp.id), '--title', 'Hồ sơ lập hồ sơ', '--retention', '10', '--creator', 'Lê Thị Hoa', '--json').json<CaseFileRecord>();
    expect(f).toMatchObject({ notation: '01.VP', retentionLabel: '10 năm', status: 'open' });
    expect(run('records', 'plan', 'approve', '--year', year, '--decision', '05/QĐ-UBND', '--date', `${year}-01-05`, '--by', 'Chủ tịch UBND xã').status).toBe(0);
    const shown = run('records', 'plan', 'show', '--year', year);
    expect(shown.stdout).toMatch(new RegExp(`DANH MỤC HỒ SƠ năm ${year} \\(Kèm theo Quyết định số 05/QĐ-UBND ngày 05/01/${year}`));
    expect(shown.stdout).toMatch(/II\. VĂN PHÒNG \(VP\)[^\n]*\n\s+#\d+\t01\.VP\tHồ sơ lập hồ sơ \(10 năm; Lê Thị Hoa\) — đang lập, 0 văn bản/);

    expect(run('records', 'file-add', '1', '01.VP', '--year', year).status).toBe(0);
    expect(run('records', 'file-add', '2', String(f.id)).status).toBe(0);
    expect(run('records', 'file-add', '2', '09.VP').status).toBe(2);
    const detail = run('records', 'show', '01.VP', '--json').json<CaseFileDetail>();
    expect(detail.documents.map((d) => [d.pages, d.pageFrom, d.pageTo])).toEqual([
      [3, 1, 3],
      [2, 4, 5],
    ]);
    expect(run('document', 'show', '--id', '1', '--json').json<DocumentDetail>().caseFiles).toEqual(['01.VP']);

    const closed = run('records', 'close', '01.VP');
    expect(closed.status).toBe(0);
    expect(closed.stdout).toMatch(/Đã kết thúc hồ sơ: .*2 văn bản, 5 trang; từ .* hạn nộp lưu/);
    expect(run('records', 'list', '--year', year, '--status', 'closed', '--json').json<CaseFileRecord[]>().map((x) => x.notation)).toEqual(['01.VP']);
    expect(run('records', 'due', '--days', '366', '--json').json<DueHandovers>().files).toHaveLength(1);

    const h = run('records', 'handover', '--year', year, '--files', '01.VP', '--giver', 'Lê Thị Hoa', '--receiver', 'Trần Văn Lưu', '--json').json<HandoverRecord>();
    expect(h.files.map((x) => [x.notation, x.status, x.pageTotal])).toEqual([['01.VP', 'handed_over', 5]]);
    const refused = run('records', 'file-remove', '1', '01.VP');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/đã nộp lưu vào Lưu trữ cơ quan/);
    const voided = run('document', 'void', '--id', '1', '--reason', 'Thử');
    expect(voided.status).toBe(1);
    expect(voided.stderr).toMatch(/hồ sơ 01\.VP năm \d{4} đã nộp lưu/);
    expect(run('audit', 'list', '--json').json<{ action: string }[]>().slice(0, 2).map((e) => e.action)).toEqual(['caseFile.frozen.refused', 'caseFile.frozen.refused']);
    expect(run('records', 'due', '--json').json<DueHandovers>().files).toEqual([]);
  });
});
