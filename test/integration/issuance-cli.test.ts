import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IssuanceRecord } from '../../src/shared/api/schemas/issuance.ts';
import { openProfile } from '../../src/main/profile/open-profile.ts';
import { saveSigningSettings } from '../../src/main/signing/signing-settings.ts';
import { ROOT, vanthu } from '../support/cli.ts';
import { draftPdf } from '../support/draft-pdf.ts';
import { CERT_IDS, createSoftHsm, type SoftHsm } from '../support/softhsm.ts';
import { SAMPLE_AGENCY, tempDir } from '../support/temp-profile.ts';
import { createTestPki } from '../support/test-pki.ts';

// The workflow headless, as `vanthu issue …` runs it in its own process with SoftHSM tokens:
// the draft from a JSON file and PDF paths, the PIN on standard input, JSON answers, exit codes.
describe('vanthu issue', () => {
  let hsm: SoftHsm;
  let dir: string;
  let profile: string;
  let cleanup = () => {};

  beforeAll(async () => {
    const t = tempDir();
    dir = t.dir;
    profile = join(dir, 'profile');
    hsm = await createSoftHsm(await createTestPki(), { labels: ['LANH-DAO', 'CO-QUAN'] });
    writeFileSync(join(dir, 'agency.json'), JSON.stringify(SAMPLE_AGENCY));
    expect(vanthu(['init', '--profile', profile, '--agency', join(dir, 'agency.json')]).status).toBe(0);
    const p = openProfile(profile);
    const png = (name: string) => readFileSync(join(ROOT, 'resources', 'signing', name)).toString('base64');
    saveSigningSettings(p, { signatureImageBase64: png('signature-placeholder.png'), sealImageBase64: png('seal-placeholder.png') });
    p.close();
    await draftPdf(join(dir, 'cong-van.pdf'), { place: 'Xã Hòa Tiến,' });
    await draftPdf(join(dir, 'phu-luc.pdf'), { pages: 2 });
    writeFileSync(
      join(dir, 'draft.json'),
      JSON.stringify({
        documentType: 'Công văn',
        unitAbbreviation: 'VP',
        subject: 'V/v thử phát hành từ dòng lệnh',
        signerName: 'Nguyễn Văn An',
        recipients: [{ name: 'Sở Nội vụ thành phố Đà Nẵng', organId: '000.00.12.H17' }, { name: 'Trường Tiểu học Hòa Tiến' }],
        main: 'cong-van.pdf',
        attachments: ['phu-luc.pdf'],
      }),
    );
    cleanup = () => {
      hsm.cleanup();
      t.cleanup();
    };
  }, 120_000);
  afterAll(() => cleanup());

  const run = (args: string[], input?: string) => vanthu(['issue', ...args, '--profile', profile, '--json'], { env: hsm.env, ...(input !== undefined ? { input } : {}) });
  const ok = (args: string[], input?: string): IssuanceRecord => {
    const r = run(args, input);
    expect(r.status, r.stderr).toBe(0);
    return r.json<IssuanceRecord>();
  };
  const tokenArgs = (i: 0 | 1) => ['--module', hsm.modulePath, '--token', hsm.tokens[i]!.label, '--cert', CERT_IDS.rsa, '--pin-stdin'];

  it('drives a công văn from the draft to distribution, refusing a repeated step with exit 2', () => {
    const created = ok(['create', join(dir, 'draft.json')]);
    expect(created).toMatchObject({ state: 'draft', documentTypeName: 'Công văn' });
    const id = String(created.id);
    expect(ok(['submit', '--id', id]).state).toBe('submitted');
    // The PIN is never an argument.
    expect(run(['approve', '--id', id, ...tokenArgs(0), '--pin', hsm.tokens[0]!.pin]).status).toBe(2);
    expect(ok(['approve', '--id', id, ...tokenArgs(0)], `${hsm.tokens[0]!.pin}\n`).state).toBe('approved');
    const numbered = ok(['number', '--id', id]);
    expect(numbered).toMatchObject({ state: 'numbered', codeNumber: '01', codeNotation: 'UBND-VP' });
    const twice = run(['number', '--id', id]);
    expect(twice.status).toBe(2);
    expect(JSON.parse(twice.stderr)).toMatchObject({ code: 'CONFLICT', message: 'Văn bản đã cấp số rồi: mỗi bước chỉ làm một lần.' });
    const issued = ok(['issue', '--id', id, ...tokenArgs(1)], `${hsm.tokens[1]!.pin}\n`);
    expect(issued.files.filter((f) => f.step === 'issued').map((f) => f.name)).toEqual(['cong-van-ky-phat-hanh.pdf', 'phu-luc-ky-so.pdf']);
    expect(ok(['register', '--id', id]).state).toBe('registered');
    const distributed = ok(['distribute', '--id', id]);
    expect(distributed.outbox.map((o) => o.organId)).toEqual(['000.00.12.H17']);
    expect(ok(['show', '--id', id])).toEqual(distributed);

    // The number and the date are in the issued PDF, where the draft left room for them.
    const issuedMain = distributed.files.find((f) => f.step === 'issued' && f.role === 'main')!;
    const text = execFileSync('pdftotext', [join(profile, 'files', issuedMain.sha256.slice(0, 2), issuedMain.sha256), '-'], { encoding: 'utf8' });
    expect(text).toContain('01/UBND-VP');
    expect(text).toMatch(/ngày \d{2} tháng \d{1,2} năm \d{4}/);

    const voided = ok(['void', '--id', id, '--reason', 'Gửi nhầm nơi nhận']);
    expect(voided).toMatchObject({ state: 'void', codeNumber: '01' });
    expect(voided.outbox.map((o) => o.status)).toEqual(['cancelled']);
    const list = vanthu(['issue', 'list', '--profile', profile, '--state', 'void', '--json']);
    expect(list.json<{ total: number }>().total).toBe(1);
  }, 60_000);
  it('creates a draft from the draft JSON of `vanthu draft render`, keeping the renderer\'s placeholders', () => {
    const draft = JSON.parse(readFileSync(join(ROOT, 'resources', 'drafts', 'examples', 'quyet-dinh.json'), 'utf8')) as unknown;
    writeFileSync(join(dir, 'rendered.json'), JSON.stringify({ draft, recipients: [{ name: 'Sở Nội vụ thành phố Đà Nẵng', organId: '000.00.12.H17' }], attachments: ['phu-luc.pdf'] }));
    const created = ok(['create', join(dir, 'rendered.json')]);
    expect(created.state).toBe('draft');
    // Number and date in the header of the first page; rendered for this profile the quyết định
    // runs to a second page, which holds the signature and the seal over it (Decree 30).
    expect(created.placeholders).toMatchObject({ number: { page: 0 }, date: { page: 0 }, signature: { page: 1 }, seal: { page: 1 } });
    expect(created.files.map((f) => f.role)).toEqual(['main', 'attachment']);
    expect(created.documentTypeName).toBe('Quyết định');
    const bad = run(['create', '-'], JSON.stringify({ draft: { ...(draft as object), subject: '' }, recipients: [{ name: 'A' }] }));
    expect(bad.status).toBe(2);
    expect((JSON.parse(bad.stderr) as { message: string }).message).toMatch(/Trích yếu/);
  });
  it('keeps the signing settings from the command line and refuses an image that is not a PNG', () => {
    const shown = vanthu(['signing', 'settings', '--profile', profile, '--json']);
    expect(shown.json<{ hasSignatureImage: boolean; tsaUrl: string | null }>()).toMatchObject({ hasSignatureImage: true, tsaUrl: null });
    const saved = vanthu(['signing', 'settings', '--profile', profile, '--tsa', 'http://127.0.0.1:9/tsa', '--seal-mm', '35', '--json']);
    expect(saved.json<{ tsaUrl: string; sealMm: number; hasSealImage: boolean }>()).toMatchObject({ tsaUrl: 'http://127.0.0.1:9/tsa', sealMm: 35, hasSealImage: true });
    const refused = vanthu(['signing', 'settings', '--profile', profile, '--seal-image', join(dir, 'draft.json'), '--json']);
    expect(refused.status).toBe(2);
    expect((JSON.parse(refused.stderr) as { message: string }).message).toMatch(/PNG/);
    expect(vanthu(['signing', 'settings', '--profile', profile, '--tsa', 'none', '--json']).json<{ tsaUrl: string | null }>().tsaUrl).toBeNull();
  });
});
