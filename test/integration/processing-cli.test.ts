import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProcessingHistory, UnitDeadlines } from '../../src/shared/api/schemas/processing.ts';
import { ROOT, vanthu } from '../support/cli.ts';
import { tempDir } from '../support/temp-profile.ts';

// `vanthu processing instruct|record|history|units|slip`: the processing history from the command
// line, on a real profile in a separate process.
describe('vanthu processing (history, per unit, phiếu)', () => {
  const t = tempDir('vanthu-processing-cli-');
  const profile = join(t.dir, 'profile');

  beforeAll(() => {
    expect(vanthu(['init', '--profile', profile, '--agency', join(ROOT, 'resources', 'demo', 'agency.json')]).status).toBe(0);
    const doc = { issuingAgency: 'Sở Nội vụ', codeNumber: '21', codeNotation: 'SNV-VP', documentDate: '2026-01-05', documentType: 'Công văn', subject: 'Về việc rà soát biên chế' };
    writeFileSync(join(t.dir, 'in.json'), JSON.stringify(doc));
    expect(vanthu(['incoming', 'add', '--profile', profile, join(t.dir, 'in.json')]).status).toBe(0);
  });
  afterAll(() => t.cleanup());

  it('records an instruction with a lead and coordinating units, and refuses a bad one with exit 2', () => {
    const bad = vanthu(['processing', 'instruct', '--profile', profile, '--id', '1', '--author', 'Chủ tịch', '--lead', '||2099-12-31']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/phải ghi đơn vị hoặc người/);
    const r = vanthu([
      'processing', 'instruct', '--profile', profile, '--id', '1', '--author', 'Nguyễn Văn An, Chủ tịch', '--text', 'Rà soát, báo cáo.',
      '--lead', 'Phòng Nội vụ|Trần Văn Hải|2099-12-31', '--coordinate', 'Văn phòng||2099-12-20', '--coordinate', '|Lê Thị Hoa|', '--json',
    ]);
    expect(r.status).toBe(0);
    const h = r.json<ProcessingHistory>();
    expect(h.document).toMatchObject({ processingStatus: 'assigned', assigneeUnit: 'Phòng Nội vụ', assigneePerson: 'Trần Văn Hải', dueDate: '2099-12-31' });
    expect(h.distribution.map((d) => [d.role, d.unit, d.person, d.dueDate])).toEqual([
      ['lead', 'Phòng Nội vụ', 'Trần Văn Hải', '2099-12-31'],
      ['coordinate', 'Văn phòng', null, '2099-12-20'],
      ['coordinate', null, 'Lê Thị Hoa', null],
    ]);
  });

  it('takes any entry as JSON, shows the history, and prints the phiếu', () => {
    const proposal = join(t.dir, 'proposal.json');
    writeFileSync(proposal, JSON.stringify({ kind: 'proposal', documentId: 1, author: 'Trần Văn Hải', text: 'Đề nghị trả lời Sở trước 31/12.' }));
    expect(vanthu(['processing', 'record', '--profile', profile, proposal]).status).toBe(0);
    const shown = vanthu(['processing', 'history', '--profile', profile, '--id', '1']);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toMatch(/#1\t.*Ý kiến chỉ đạo của lãnh đạo cơ quan \(Nguyễn Văn An, Chủ tịch\): Chủ trì: Phòng Nội vụ — Trần Văn Hải \(hạn 31\/12\/2099\)/);
    expect(shown.stdout).toMatch(/#2\t.*Ý kiến đề xuất của người giải quyết \(Trần Văn Hải\): Đề nghị trả lời Sở trước 31\/12\./);

    const out = join(t.dir, 'phieu.pdf');
    const slip = vanthu(['processing', 'slip', '--profile', profile, '--id', '1', '--out', out]);
    expect(slip.status).toBe(0);
    const text = execFileSync('pdftotext', ['-raw', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Công văn số 21/SNV-VP ngày 05/01/2026 của Sở Nội vụ');
    expect(text).toContain('- Đề nghị trả lời Sở trước 31/12.');
    const audit = vanthu(['audit', 'list', '--profile', profile, '--json']).json<Array<{ action: string }>>();
    expect(audit.map((e) => e.action).slice(0, 3)).toEqual(['processing.printSlip', 'processing.record', 'processing.record']);
  });

  it('lists units with documents due within the window', () => {
    const none = vanthu(['processing', 'units', '--profile', profile, '--within', '3']);
    expect(none.status).toBe(0);
    expect(none.stdout).toContain('Không có văn bản quá hạn hoặc đến hạn trong 3 ngày tới.');
    const widest = vanthu(['processing', 'units', '--profile', profile, '--within', '60', '--json']);
    expect(widest.status).toBe(0);
    expect(widest.json<UnitDeadlines>().units).toEqual([]);
    const tooWide = vanthu(['processing', 'units', '--profile', profile, '--within', '61']);
    expect(tooWide.status).toBe(2);
    expect(vanthu(['processing', 'units', '--profile', profile, '--json']).json<UnitDeadlines>().withinDays).toBe(3);
  });
});
