import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vanthu, ROOT } from '../support/cli.ts';
import { tempDir } from '../support/temp-profile.ts';

// The `vanthu` command end to end: a real process, a real profile folder, exit codes and output.
describe('vanthu CLI', () => {
  const t = tempDir('vanthu-cli-');
  const profile = join(t.dir, 'profile');
  const agency = join(ROOT, 'resources', 'demo', 'agency.json');
  const doc = {
    issuingAgency: 'Ủy ban nhân dân tỉnh Đồng Nai',
    codeNumber: '15',
    codeNotation: 'QĐ-UBND',
    documentDate: '2026-01-05',
    documentType: 'Quyết định',
    subject: 'Về việc kiện toàn Ban chỉ đạo',
    priority: 'Khẩn',
    files: ['qd.pdf'],
  };

  beforeAll(() => {
    writeFileSync(join(t.dir, 'qd.pdf'), '%PDF-1.4\n%%EOF\n');
    writeFileSync(join(t.dir, 'in.json'), JSON.stringify(doc));
  });
  afterAll(() => t.cleanup());

  it('initialises a profile from the agency file, once', () => {
    const r = vanthu(['init', '--profile', profile, '--agency', agency, '--json']);
    expect(r.status).toBe(0);
    expect(r.json<{ series: unknown[] }>().series).toHaveLength(3);
    const again = vanthu(['init', '--profile', profile, '--agency', agency]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/Lỗi: .*đã có dữ liệu/);
    expect(again.stderr).toMatch(/Error: profile already initialized/);
  });

  it('registers an incoming document from a file and prints id and số đến', () => {
    const r = vanthu(['incoming', 'add', '--profile', profile, join(t.dir, 'in.json'), '--json']);
    expect(r.status).toBe(0);
    expect(r.json()).toMatchObject({ id: 1, arrivalNumber: 1 });
    expect(r.json<{ document: { attachmentCount: number } }>().document.attachmentCount).toBe(1);
  });

  it('reads the document from standard input, and refuses a duplicate unless told', () => {
    const dup = vanthu(['incoming', 'add', '--profile', profile, '-'], { input: JSON.stringify({ ...doc, files: [] }) });
    expect(dup.status).toBe(2);
    expect(dup.stderr).toMatch(/có thể đã được vào sổ/);
    const ok = vanthu(['incoming', 'add', '--profile', profile, '-', '--allow-duplicate', '--json'], { input: JSON.stringify({ ...doc, files: [] }) });
    expect(ok.status).toBe(0);
    expect(ok.json()).toMatchObject({ arrivalNumber: 2 });
  });

  it('exits 2 with Vietnamese and English on bad input', () => {
    const bad = vanthu(['incoming', 'add', '--profile', profile, '-'], { input: JSON.stringify({ ...doc, documentDate: '05/01/2026', files: [] }) });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Ngày văn bản: không phải ngày hợp lệ \(YYYY-MM-DD\)/);
    expect(bad.stderr).toMatch(/Error: invalid incoming document: documentDate/);
    expect(vanthu(['incoming', 'add', '--profile', profile, '-'], { input: '{not json' }).status).toBe(2);
    expect(vanthu(['incoming', 'add', '--profile', profile, '-', '--bogus'], { input: '{}' }).status).toBe(2);
    expect(vanthu(['incoming', 'add', join(t.dir, 'in.json')]).stderr).toMatch(/Thiếu tham số --profile/);
    expect(vanthu(['frobnicate']).status).toBe(2);
    expect(vanthu(['document', 'void', '--profile', profile, '--reason', 'x']).stderr).toMatch(/Thiếu tham số --id/);
    const blank = vanthu(['document', 'void', '--profile', profile, '--id', '1', '--reason', '   ']);
    expect(blank.status).toBe(2);
    expect(blank.stderr).toMatch(/Lý do: không được để trống/);
    const noProfile = vanthu(['search', '--profile', join(t.dir, 'nowhere'), 'x']);
    expect(noProfile.status).toBe(2);
    expect(noProfile.stderr).toMatch(/vanthu init/);
  });

  it('numbers outgoing documents and voids one, keeping its number', () => {
    const input = JSON.stringify({ documentType: 'Công văn', unitAbbreviation: 'VP', subject: 'V/v báo cáo', signerName: 'Nguyễn Văn An' });
    const first = vanthu(['outgoing', 'add', '--profile', profile, '-', '--json'], { input });
    expect(first.json()).toMatchObject({ codeNumber: '01', codeNotation: 'UBND-VP' });
    const voided = vanthu(['document', 'void', '--profile', profile, '--id', String(first.json<{ id: number }>().id), '--reason', 'Cấp nhầm', '--json']);
    expect(voided.json()).toMatchObject({ status: 'void', voidReason: 'Cấp nhầm' });
    const second = vanthu(['outgoing', 'add', '--profile', profile, '-', '--json'], { input });
    expect(second.json()).toMatchObject({ codeNumber: '02' });
  });

  it('searches without diacritics', () => {
    const r = vanthu(['search', '--profile', profile, 'dong', 'nai', '--json']);
    expect(r.status).toBe(0);
    const results = r.json<{ results: Array<{ direction: string; rows: unknown[] }> }>().results;
    expect(results.find((x) => x.direction === 'incoming')?.rows).toHaveLength(2);
    expect(vanthu(['search', '--profile', profile, 'kien toan']).stdout).toMatch(/Về việc kiện toàn Ban chỉ đạo/);
  });

  it('tracks processing', () => {
    const r = vanthu(['processing', 'update', '--profile', profile, '--id', '1', '--unit', 'Phòng Kinh tế', '--due', '2026-12-31', '--json']);
    expect(r.json()).toMatchObject({ processingStatus: 'assigned', assigneeUnit: 'Phòng Kinh tế' });
  });

  it('verifies the audit chain and reports tampering with exit 1', () => {
    expect(vanthu(['audit', 'verify', '--profile', profile, '--json']).json()).toMatchObject({ ok: true });
    expect(vanthu(['db', 'check', '--profile', profile]).status).toBe(0);
  });

  it('backs up and restores', () => {
    const out = join(t.dir, 'sao-luu.vtbak');
    const b = vanthu(['backup', '--profile', profile, '--out', out, '--json']);
    expect(b.status).toBe(0);
    expect(b.json()).toMatchObject({ documents: 4, files: 1 });
    const restoredDir = join(t.dir, 'restored');
    const r = vanthu(['restore', '--profile', restoredDir, '--from', out, '--json']);
    expect(r.status).toBe(0);
    expect(vanthu(['search', '--profile', restoredDir, 'kien toan', '--json']).json<{ results: Array<{ rows: unknown[] }> }>().results[0]?.rows).toHaveLength(2);
  });

  it('detects a tampered audit log', () => {
    const db = new Database(join(profile, 'vanthu.db'));
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 4").run();
    db.close();
    const r = vanthu(['audit', 'verify', '--profile', profile]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Nhật ký bị sửa hoặc hỏng từ mục 4/);
  });

  it('refuses a database from a newer version with exit 1', () => {
    const db = new Database(join(profile, 'vanthu.db'));
    db.pragma('user_version = 999');
    db.close();
    const r = vanthu(['search', '--profile', profile, 'x']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/phiên bản VanThu mới hơn/);
  });
});
