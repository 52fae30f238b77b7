import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerificationReport } from '../../src/shared/api/schemas/verification.ts';
import { ROOT, vanthu, vanthuAsync } from '../support/cli.ts';
import { DRAFT_TEXT, draftPdf } from '../support/draft-pdf.ts';
import { createNssDb, type NssDb, pdfsigReport } from '../support/nss.ts';
import { appendPageContentRevision, qpdfCheck } from '../support/pdf-samples.ts';
import { CERT_IDS, createSoftHsm, type SoftHsm } from '../support/softhsm.ts';
import { tempDir } from '../support/temp-profile.ts';
import { startTestTsa } from '../support/test-tsa.ts';
import { createTestPki, type TestPki } from '../support/test-pki.ts';

// The signing workflow of signing.md as a clerk runs it from the command line, with real
// SoftHSM tokens, checked by independent validators (pdfsig, qpdf, pdftotext) and by our own
// verifier: approval by the leader, number and date, agency signature, attachment signature.
const SIGNATURE_PNG = join(ROOT, 'resources', 'signing', 'signature-placeholder.png');
const SEAL_PNG = join(ROOT, 'resources', 'signing', 'seal-placeholder.png');

describe('signing from the CLI with SoftHSM tokens', () => {
  let pki: TestPki;
  let hsm: SoftHsm;
  let nss: NssDb;
  let dir: string;
  let trustDir: string;
  let cleanup = () => {};

  beforeAll(async () => {
    const t = tempDir();
    dir = t.dir;
    pki = await createTestPki();
    hsm = await createSoftHsm(pki, { labels: ['LANH-DAO', 'CO-QUAN'] });
    nss = createNssDb(join(dir, 'nss'), pki.root);
    trustDir = join(dir, 'trust');
    mkdirSync(trustDir);
    writeFileSync(join(trustDir, 'root.pem'), pki.root.pem);
    cleanup = () => {
      hsm.cleanup();
      t.cleanup();
    };
  }, 120_000);
  afterAll(() => cleanup());

  const leader = () => hsm.tokens[0]!;
  const agency = () => hsm.tokens[1]!;
  const run = (args: string[], input?: string) => vanthu(args, { env: hsm.env, ...(input !== undefined ? { input } : {}) });
  const signArgs = (token: string, kind: string, input: string, output: string, extra: string[] = []) => [
    'sign', '--module', hsm.modulePath, '--token', token, '--cert', CERT_IDS.rsa, '--pin-stdin', '--kind', kind, input, '--out', output, '--json', ...extra,
  ];
  const verify = (file: string, trusted = true) => run(['verify', file, '--json', ...(trusted ? ['--trust', trustDir] : [])]);
  const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });

  it('lists the tokens and only the certificates that have a key', () => {
    const r = run(['token', 'list', '--module', hsm.modulePath, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const modules = r.json<Array<{ path: string; status: string; tokens: Array<{ label: string; certificates: Array<{ id: string }> }> }>>();
    const tokens = modules.find((m) => m.status === 'loaded')?.tokens ?? [];
    expect(tokens.map((t) => t.label)).toEqual(expect.arrayContaining(['LANH-DAO', 'CO-QUAN']));
    const ids = tokens.find((t) => t.label === 'LANH-DAO')?.certificates.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([CERT_IDS.rsa, CERT_IDS.ec]));
    expect(ids).not.toContain(CERT_IDS.keyless);
    expect(modules.find((m) => m.status === 'loaded')).toMatchObject({ path: hsm.modulePath, source: 'user' });
    expect(modules.some((m) => 'owner' in m)).toBe(false);
  });

  it('names the CA of each module in the text listing, or says it is not known, and where the module was found', () => {
    const r = run(['token', 'list', '--module', hsm.modulePath, '--module', join(dir, 'khong-co.so')]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    const head = `✔ ${hsm.modulePath} — Không rõ tổ chức cấp — Implementation of PKCS11 SoftHSM`;
    expect(lines).toContain(head);
    expect(lines[lines.indexOf(head) + 1]).toBe('  (tìm thấy qua đường dẫn do người dùng chỉ định)');
    expect(lines).toContain(`✘ ${join(dir, 'khong-co.so')} — Không rõ tổ chức cấp — Không tìm thấy tệp thư viện ở đường dẫn này.`);
  });

  it('approves, numbers and issues a document: both signatures stay valid in pdfsig and in our verifier', async () => {
    const draft = await draftPdf(join(dir, 'draft.pdf'));
    const approved = join(dir, 'approved.pdf');
    const numbered = join(dir, 'numbered.pdf');
    const issued = join(dir, 'issued.pdf');

    const a = run(signArgs('LANH-DAO', 'approval', draft, approved, ['--image', SIGNATURE_PNG, '--anchor', DRAFT_TEXT.signer]), `${leader().pin}\n`);
    expect(a.status, a.stderr).toBe(0);
    const approval = a.json<{ placement: { page: number; rect: number[]; basis: string }; level: string }>();
    expect(approval.placement.basis).toBe('anchor');
    // Above the signer's name (drawn at y = 200).
    expect(approval.placement.rect[1]).toBeGreaterThan(200);
    expect(approval.level).toBe('B-B');

    const n = run(['number', approved, '--out', numbered, '--number', '12/QĐ-UBND', '--date', '2026-01-05', '--date-anchor', DRAFT_TEXT.place, '--json']);
    expect(n.status, n.stderr).toBe(0);
    // The draft has only the regular face; the date line brings the italic one (Decree 30 §8).
    expect(execFileSync('pdffonts', [draft], { encoding: 'utf8' })).not.toMatch(/Italic/);
    expect(execFileSync('pdffonts', [numbered], { encoding: 'utf8' })).toMatch(/LiberationSerif-Italic/);

    const g = run(signArgs('CO-QUAN', 'agency', numbered, issued, ['--image', SEAL_PNG]), `${agency().pin}\n`);
    expect(g.status, g.stderr).toBe(0);
    const seal = g.json<{ placement: { rect: number[]; basis: string } }>();
    // The seal overlaps the left third of the leader's image: its right edge inside that third.
    expect(seal.placement.basis).toBe('approval-signature');
    const [x1, , x2] = approval.placement.rect as [number, number, number, number];
    expect(seal.placement.rect[2]).toBeCloseTo(x1 + (x2 - x1) / 3, 1);

    qpdfCheck(issued);
    const pdfsig = pdfsigReport(nss, issued);
    expect(pdfsig.map((s) => s.valid)).toEqual([true, true]);
    expect(pdfsig.at(-1)?.totalDocumentSigned).toBe(true);
    expect(pdfsig[0]?.totalDocumentSigned).toBe(false);
    const page = text(issued);
    expect(page).toContain('12/QĐ-UBND');
    expect(page).toContain('ngày 05 tháng 01 năm 2026');

    const v = verify(issued);
    expect(v.status, v.stdout + v.stderr).toBe(0);
    const report = v.json<VerificationReport>();
    expect(report.verdict).toBe('valid');
    expect(report.signatures.map((s) => s.verdict)).toEqual(['valid', 'valid']);
    expect(report.signatures[0]?.signer?.subject).toContain(leader().rsaSubject.split(',')[0]!.replace(/^CN=/, ''));
    expect(report.signatures[0]?.coversWholeFile).toBe(false);
    expect(report.signatures[0]?.checks.coverage.status).toBe('ok');
    expect(report.signatures[0]?.changesAfter.every((c) => c.allowed)).toBe(true);
    expect(report.signatures.map((s) => s.level)).toEqual(['B-B', 'B-B']);
    expect(report.signatures[1]?.checks.format.status).toBe('ok');

    // Without the test root among the trust anchors the content is intact but the signer unknown.
    const unknown = verify(issued, false);
    expect(unknown.status).toBe(1);
    expect(unknown.json<VerificationReport>().verdict).toBe('indeterminate');

    // A revision that draws over page 1 after signing is "modified after signing".
    const tampered = appendPageContentRevision(issued, join(dir, 'tampered.pdf'));
    const t = verify(tampered);
    expect(t.status).toBe(1);
    const tr = t.json<VerificationReport>();
    expect(tr.verdict).toBe('invalid');
    expect(tr.signatures.every((s) => s.checks.coverage.status === 'failed')).toBe(true);
  });

  it('signs a separate attachment with the number line at the top right, timestamped by the TSA', async () => {
    const tsa = await startTestTsa(pki);
    try {
      const input = await draftPdf(join(dir, 'attachment.pdf'), { pages: 2 });
      const out = join(dir, 'attachment-signed.pdf');
      const r = await vanthuAsync(signArgs('CO-QUAN', 'attachment', input, out, ['--number', '12/QĐ-UBND', '--tsa', tsa.url]), { env: hsm.env, input: `${agency().pin}\n` });
      expect(r.status, r.stderr).toBe(0);
      const result = r.json<{ level: string; line: string; timestampTime: string | null; placement: { page: number; rect: number[] } }>();
      expect(result.level).toBe('B-T');
      expect(result.timestampTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(result.line).toMatch(/^Số: 12\/QĐ-UBND; \d{2}\/\d{2}\/\d{4}; \d{2}:\d{2}:\d{2}$/);
      expect(result.placement.page).toBe(0);
      // Right-aligned 20 mm from the right edge of an A4 page, in the top margin.
      expect(result.placement.rect[2]).toBeCloseTo(595.28 - 20 * (72 / 25.4), 0);
      expect(result.placement.rect[3]).toBeGreaterThan(841.89 - 30 * (72 / 25.4));
      expect(text(out)).toContain(result.line);
      qpdfCheck(out);
      expect(pdfsigReport(nss, out).map((s) => [s.valid, s.totalDocumentSigned])).toEqual([[true, true]]);
      const report = (await vanthuAsync(['verify', out, '--json', '--trust', trustDir])).json<VerificationReport>();
      expect(report.signatures[0]?.level).toBe('B-T');
      // The verifier reads back the TSA's time that the signing got.
      expect(report.signatures[0]?.timestampTime).toBe(result.timestampTime);
      expect(report.verdict).toBe('valid');
    } finally {
      await tsa.close();
    }
  });

  it('embeds the chain and the CA revocation list after a timestamped signature (PAdES B-LT)', async () => {
    const tsa = await startTestTsa(pki);
    try {
      const crl = join(dir, 'root.crl');
      writeFileSync(crl, pki.crl);
      const input = await draftPdf(join(dir, 'blt.pdf'));
      const out = join(dir, 'blt-signed.pdf');
      const r = await vanthuAsync(signArgs('CO-QUAN', 'attachment', input, out, ['--number', '12/QĐ-UBND', '--tsa', tsa.url, '--crl', crl]), { env: hsm.env, input: `${agency().pin}\n` });
      expect(r.status, r.stderr).toBe(0);
      expect(r.json<{ level: string; revocationEmbedded: boolean }>()).toMatchObject({ level: 'B-LT', revocationEmbedded: true });
      qpdfCheck(out);
      // The DSS is a later revision: the signature no longer ends the file but stays valid.
      expect(pdfsigReport(nss, out).map((s) => s.valid)).toEqual([true]);
      // No --crl at verification: the revocation list comes from the file itself.
      const report = (await vanthuAsync(['verify', out, '--json', '--trust', trustDir])).json<VerificationReport>();
      expect(report.signatures[0]).toMatchObject({ level: 'B-LT', verdict: 'valid', coversWholeFile: false });
      expect(report.signatures[0]?.checks.revocation.status).toBe('ok');
      expect(report.signatures[0]?.changesAfter.map((c) => c.kind)).toContain('dss');
    } finally {
      await tsa.close();
    }
  });

  it('signs B-B and says why when the timestamp server does not answer', async () => {
    const input = await draftPdf(join(dir, 'no-tsa.pdf'));
    const out = join(dir, 'no-tsa-signed.pdf');
    const r = run(signArgs('CO-QUAN', 'copy', input, out, ['--agency', 'UBND xã Thử Nghiệm', '--tsa', 'http://127.0.0.1:9/tsa']), `${agency().pin}\n`);
    expect(r.status, r.stderr).toBe(0);
    const result = r.json<{ level: string; timestampProblem: string }>();
    expect(result.level).toBe('B-B');
    expect(result.timestampProblem).toMatch(/dấu thời gian/);
    expect(text(out)).toMatch(/SAO Y; UBND xã Thử Nghiệm; \d{2}\/\d{2}\/\d{4}; \d{2}:\d{2}:\d{2}/);
  });

  it('places the signature where --page and --rect say, and refuses a malformed rectangle', async () => {
    const input = await draftPdf(join(dir, 'placed.pdf'), { pages: 2 });
    const out = join(dir, 'placed-signed.pdf');
    const r = run(signArgs('LANH-DAO', 'approval', input, out, ['--image', SIGNATURE_PNG, '--page', '2', '--rect', '100,100,250,170']), `${leader().pin}\n`);
    expect(r.status, r.stderr).toBe(0);
    expect(r.json<{ placement: { page: number; rect: number[]; basis: string } }>().placement).toEqual({ page: 1, rect: [100, 100, 250, 170], basis: 'explicit' });
    const bad = run(signArgs('LANH-DAO', 'approval', input, join(dir, 'bad-rect.pdf'), ['--image', SIGNATURE_PNG, '--rect', '1,2,3']), `${leader().pin}\n`);
    expect(bad.status).toBe(2);
    expect((JSON.parse(bad.stderr) as { message: string }).message).toMatch(/--rect/);
  });

  it('writes the number and date at the points given, and refuses a point off the page', async () => {
    const input = await draftPdf(join(dir, 'points.pdf'));
    const out = join(dir, 'points-numbered.pdf');
    const r = run(['number', input, '--out', out, '--number', '7/UBND-VP', '--date', '2026-03-09', '--place', 'Xã Thử Nghiệm', '--number-at', '1,150,745', '--date-at', '1,330,720', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const stamps = r.json<{ stamps: Array<{ x: number; text: string }> }>().stamps;
    expect(stamps.map((s) => [s.x, s.text])).toEqual([[150, '7/UBND-VP'], [330, 'Xã Thử Nghiệm, ngày 09 tháng 3 năm 2026']]);
    expect(text(out)).toContain('Xã Thử Nghiệm, ngày 09 tháng 3 năm 2026');
    const off = run(['number', input, '--out', join(dir, 'off.pdf'), '--number', '7/UBND-VP', '--date', '2026-03-09', '--number-at', '1,150,745', '--date-at', '1,900,720', '--json']);
    expect(off.status).toBe(2);
    expect((JSON.parse(off.stderr) as { message: string }).message).toMatch(/ngoài trang/);
    expect(existsSync(join(dir, 'off.pdf'))).toBe(false);
  });

  it('refuses a wrong PIN without echoing it and writes nothing', async () => {
    const input = await draftPdf(join(dir, 'wrong-pin.pdf'));
    const out = join(dir, 'wrong-pin-signed.pdf');
    const before = readdirSync(dir).length;
    const r = run(signArgs('LANH-DAO', 'approval', input, out, ['--image', SIGNATURE_PNG]), '99999999-wrong\n');
    expect(r.status).toBe(2);
    const error = JSON.parse(r.stderr) as { code: string; message: string };
    expect(error.code).toBe('PIN_REJECTED');
    expect(r.stderr + r.stdout).not.toContain('99999999-wrong');
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).length).toBe(before);
  });

  it('refuses an encrypted PDF with a clear message and writes nothing', () => {
    const input = join(dir, 'encrypted.pdf');
    execFileSync('qpdf', ['--encrypt', 'u', 'o', '256', '--', join(dir, 'draft.pdf'), input]);
    const out = join(dir, 'encrypted-signed.pdf');
    const r = run(signArgs('LANH-DAO', 'approval', input, out, ['--image', SIGNATURE_PNG]), `${leader().pin}\n`);
    expect(r.status).toBe(2);
    expect((JSON.parse(r.stderr) as { code: string }).code).toBe('PDF_UNSUPPORTED');
    expect(existsSync(out)).toBe(false);
  });
});
