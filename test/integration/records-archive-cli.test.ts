import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import readExcelFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageReport } from '../../src/main/archive/package/verify-package.ts';
import { initProfile } from '../../src/main/profile/init-profile.ts';
import { agencyProfileInput } from '../../src/shared/api/schemas/profile.ts';
import { type ArchiveProfile, AWARD_FILES, seedArchiveProfile } from '../fixtures/archive/archive-profile.ts';
import { vanthu } from '../support/cli.ts';
import { fixedClock, SAMPLE_AGENCY, tempDir } from '../support/temp-profile.ts';

const text = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });

// `vanthu records print|package|verify-package` as a separate process on a profile whose case
// files were made through the casefiles layer (test/fixtures/archive/archive-profile.ts): each
// form printed where asked, the package built and verified, then copies of it damaged one way
// each and refused with the damage named.
describe('vanthu records print, package, verify-package', () => {
  const t = tempDir('vanthu-records-archive-cli-');
  const profile = join(t.dir, 'profile');
  const out = (name: string) => join(t.dir, name);
  const run = (...args: string[]) => vanthu([...args, '--profile', profile]);
  let a: ArchiveProfile;
  // Built by the third test, damaged in copies by the fourth.
  const pkg = out('goi-nop-luu');

  beforeAll(async () => {
    const p = initProfile(profile, agencyProfileInput.parse(SAMPLE_AGENCY), { clock: fixedClock('2026-03-10T02:00:00Z'), actor: 'test' });
    try {
      a = await seedArchiveProfile(p, t.dir);
    } finally {
      p.close();
    }
  }, 120_000);
  afterAll(() => t.cleanup());

  it('prints the plan as PDF and XLSX, the mục lục văn bản by notation or id, the mục lục nộp lưu and the biên bản, where asked', async () => {
    const plan = run('records', 'print', 'plan', '--year', '2026', '--out', out('danh-muc.pdf'));
    expect(plan.status, plan.stderr).toBe(0);
    expect(plan.stdout).toContain(`Đã in Danh mục hồ sơ ra ${out('danh-muc.pdf')}`);
    expect(text(out('danh-muc.pdf'))).toMatch(/DANH MỤC HỒ SƠ\s+Năm 2026\s+\(Kèm theo Quyết định số 05\/QĐ-UBND ngày 05 tháng 01 năm 2026/);

    expect(run('records', 'print', 'plan', '--year', '2026', '--format', 'xlsx', '--out', out('danh-muc.xlsx')).status).toBe(0);
    const [sheet] = await readExcelFile(readFileSync(out('danh-muc.xlsx')));
    expect(sheet!.data.find((r) => r[0] === '02.VP')).toEqual(['02.VP', 'Tập quyết định của Ủy ban nhân dân xã năm 2026', 'Vĩnh viễn', 'Nguyễn Văn Bình', null]);

    // Without --out: into the profile's exports folder, under the app's name for it.
    const exported = run('records', 'print', 'plan', '--year', '2026', '--json').json<{ fileName: string; path: string; bytes: number }>();
    expect(exported.path).toBe(join(profile, 'exports', exported.fileName));
    expect(readFileSync(exported.path).length).toBe(exported.bytes);

    expect(run('records', 'print', 'contents', '01.VP', '--year', '2026', '--out', out('muc-luc-01.pdf')).status).toBe(0);
    expect(text(out('muc-luc-01.pdf'))).toMatch(/MỤC LỤC VĂN BẢN, TÀI LIỆU\s+Số, ký hiệu hồ sơ: 01\.VP\s+Năm 2026/);
    expect(run('records', 'print', 'contents', String(a.permanent.id), '--out', out('muc-luc-02.pdf')).status).toBe(0);
    expect(text(out('muc-luc-02.pdf'))).toContain('Số, ký hiệu hồ sơ: 02.VP');

    expect(run('records', 'print', 'handover-list', '--handover', String(a.handoverId), '--out', out('muc-luc-ho-so.pdf')).status).toBe(0);
    expect(text(out('muc-luc-ho-so.pdf'))).toMatch(/Mục lục này gồm: 32 hồ sơ \(đơn vị bảo quản\)\.\s+Viết bằng chữ: Ba mươi hai hồ sơ/);
    expect(run('records', 'print', 'handover-record', '--handover', String(a.handoverId), '--out', out('bien-ban.pdf')).status).toBe(0);
    expect(text(out('bien-ban.pdf'))).toMatch(/BIÊN BẢN\s+Giao nhận hồ sơ, tài liệu[\s\S]*- Tổng số hồ sơ: 32/);

    const audit = run('audit', 'list', '--json').json<{ action: string; details: { path?: string } }[]>();
    expect(audit.slice(0, 2).map((e) => [e.action, e.details.path])).toEqual([
      ['archive.printHandover', out('bien-ban.pdf')],
      ['archive.printHandover', out('muc-luc-ho-so.pdf')],
    ]);
  });

  it('refuses a print it cannot make, in Vietnamese, with exit 2', () => {
    const cases: [string[], RegExp][] = [
      [['records', 'print', 'plan', '--out', out('x.pdf')], /Thiếu tham số --year/],
      [['records', 'print', 'plan', '--year', '2026', '--format', 'docx'], /--format là pdf hoặc xlsx/],
      [['records', 'print', 'plan', '--year', '2025'], /2025/],
      [['records', 'print', 'contents', '99.VP', '--year', '2026'], /Không có hồ sơ 99\.VP trong Danh mục hồ sơ năm 2026/],
      [['records', 'print', 'handover-list'], /Thiếu tham số --handover/],
      [['records', 'print', 'bia-ho-so'], /Không có biểu mẫu "bia-ho-so"/],
    ];
    for (const [args, message] of cases) {
      const r = run(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(existsSync(out('x.pdf'))).toBe(false);
  });

  it('builds the package where asked and verifies it: exit 0, the report as text or JSON', () => {
    const built = run('records', 'package', '--handover', String(a.handoverId), '--out', pkg);
    expect(built.status, built.stderr).toBe(0);
    expect(built.stdout).toMatch(new RegExp(`Đã lập gói nộp lưu tại ${pkg}: ${AWARD_FILES + 2} hồ sơ, ${AWARD_FILES + 5} văn bản\\.`));
    expect(built.stdout).toMatch(/Gói nộp lưu hợp lệ/);
    expect(existsSync(join(pkg, '01.VP', 'muc-luc-van-ban.pdf'))).toBe(true);
    const again = run('records', 'package', '--handover', String(a.handoverId), '--out', pkg);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/đã có: hãy chọn một thư mục mới/);

    const checked = vanthu(['records', 'verify-package', pkg]);
    expect(checked.status, checked.stdout).toBe(0);
    expect(checked.stdout.trim()).toMatch(new RegExp(`^Gói nộp lưu hợp lệ: ${AWARD_FILES + 2} hồ sơ, ${AWARD_FILES + 5} văn bản, \\d+ tệp khớp mã băm SHA-256\\.$`));
    const report = vanthu(['records', 'verify-package', pkg, '--json']).json<PackageReport>();
    expect(report).toMatchObject({ ok: true, files: AWARD_FILES + 2, documents: AWARD_FILES + 5, problems: [] });
    expect(report.checkedFiles).toBe(readFileSync(join(pkg, 'MANIFEST.sha256'), 'utf8').trim().split('\n').length);
  });

  it('refuses a damaged copy with exit 1, naming each problem: a changed byte of a PDF, a deleted XML, a stray file', () => {
    const damaged = (name: string, damage: (dir: string) => void) => {
      const dir = out(name);
      cpSync(pkg, dir, { recursive: true });
      damage(dir);
      return dir;
    };
    const changed = damaged('doi-byte', (dir) => {
      const path = join(dir, '01.VP', '003.pdf');
      const bytes = readFileSync(path);
      const at = Math.floor(bytes.length / 2);
      bytes.writeUInt8(bytes.readUInt8(at) ^ 0x01, at);
      writeFileSync(path, bytes);
    });
    const missing = damaged('mat-xml', (dir) => rmSync(join(dir, '01.VP', '002.xml')));
    const stray = damaged('tep-la', (dir) => writeFileSync(join(dir, '02.VP', 'ghi-chu.txt'), 'thêm sau'));

    const cases: [string, RegExp][] = [
      [changed, /Lỗi: 01\.VP\/003\.pdf: mã băm SHA-256 không khớp: tệp đã bị thay đổi hoặc hỏng\./],
      [missing, /Lỗi: 01\.VP\/002\.xml: có trong bảng băm nhưng không có trong gói \(tệp bị mất\)\./],
      [stray, /Lỗi: 02\.VP\/ghi-chu\.txt: có trong gói nhưng không có trong bảng băm/],
    ];
    for (const [dir, problem] of cases) {
      const r = vanthu(['records', 'verify-package', dir]);
      expect(r.status, r.stdout).toBe(1);
      expect(r.stdout).toMatch(/^Gói nộp lưu có lỗi/);
      expect(r.stdout).toMatch(problem);
    }
    const report = vanthu(['records', 'verify-package', missing, '--json']);
    expect(report.status).toBe(1);
    expect(report.json<PackageReport>()).toMatchObject({ ok: false });
    expect(report.json<PackageReport>().problems).toContainEqual({ path: '01.VP/002.xml', messageVi: expect.stringMatching(/tệp bị mất/), severity: 'error' });

    const nowhere = vanthu(['records', 'verify-package', out('khong-co')]);
    expect(nowhere.status).toBe(2);
    expect(nowhere.stderr).toMatch(/Không có thư mục/);
  });
});
