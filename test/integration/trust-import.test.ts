import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrustImportResult, TrustListView } from '../../src/shared/api/schemas/trust-list.ts';
import type { VerificationReport } from '../../src/shared/api/schemas/verification.ts';
import { signPdf } from '../../src/main/pdf/sign-pdf.ts';
import { buildPadesCms } from '../../src/main/signing/cms/build-cms.ts';
import { bridgeCall, bridgeEnvelope, startTestBridge, type TestBridge } from '../support/bridge.ts';
import { vanthu } from '../support/cli.ts';
import { pdfLibSample } from '../support/pdf-samples.ts';
import { softwareSigner } from '../support/software-signer.ts';
import { SAMPLE_AGENCY, tempDir } from '../support/temp-profile.ts';
import { createRoot, issue, type TestIdentity } from '../support/test-pki.ts';

// A commune receives a document signed under a CA the program's list does not hold (a new CA,
// or a root published after this release). The clerk imports the national root CA's bundle
// (.p7b) or the CA's certificate: a dry run shows what would change, the import is audited, the
// document is then trusted; a person's certificate is refused; a replacing bundle shows what it
// removes. Through the CLI as a user types it, and through the API the settings screen calls.
describe('the profile trust list', () => {
  let root: TestIdentity;
  let ca: TestIdentity;
  let leaf: TestIdentity;
  let dir: string;
  let profile: string;
  let signed: string;
  let bundle: string;
  let cleanup = () => {};

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('vanthu-trust-import-'));
    root = await createRoot('CN=New National Root 2027, O=Test NEAC, C=VN');
    ca = await issue(root, { subject: 'CN=NEWCA SHA-256, O=New CA JSC, C=VN', ca: true });
    leaf = await issue(ca, { subject: 'CN=Chủ tịch UBND xã Bên Cạnh, O=UBND xã Bên Cạnh, C=VN' });
    const input = await pdfLibSample(join(dir, 'in.pdf'), { objectStreams: false });
    signed = join(dir, 'cong-van-den.pdf');
    // As the government's tools sign: the CMS carries the signer's certificate only.
    await signPdf({ input, output: signed, appearance: null, signingTime: new Date(), sign: (d) => buildPadesCms(softwareSigner(leaf, []), d) });
    writeFileSync(join(dir, 'root.pem'), root.pem);
    writeFileSync(join(dir, 'ca.pem'), ca.pem);
    writeFileSync(join(dir, 'leaf.cer'), leaf.der);
    bundle = join(dir, 'bundle.p7b');
    execFileSync('openssl', ['crl2pkcs7', '-nocrl', '-certfile', join(dir, 'root.pem'), '-certfile', join(dir, 'ca.pem'), '-outform', 'DER', '-out', bundle]);
    profile = join(dir, 'profile');
    writeFileSync(join(dir, 'agency.json'), JSON.stringify(SAMPLE_AGENCY));
    expect(vanthu(['init', '--profile', profile, '--agency', join(dir, 'agency.json')]).status).toBe(0);
  });
  afterAll(() => cleanup());

  it('through the CLI: unknown, a dry run, the import, then trusted with its CA named', () => {
    const before = vanthu(['verify', '--profile', profile, signed, '--json']);
    expect(before.status).toBe(1);
    expect(before.json<VerificationReport>().signatures[0]).toMatchObject({ verdict: 'indeterminate', checks: { trust: { status: 'warning' }, integrity: { status: 'ok' } } });

    const dry = vanthu(['trust', 'import', '--profile', profile, bundle, join(dir, 'leaf.cer'), '--dry-run', '--json']);
    expect(dry.status).toBe(0);
    const preview = dry.json<TrustImportResult>();
    expect({ added: preview.added.map((c) => [c.role, c.subject]), applied: preview.applied, refused: preview.refused.map((r) => r.file) }).toEqual({
      added: [['root', expect.stringContaining('New National Root 2027')], ['intermediate', expect.stringContaining('NEWCA SHA-256')]],
      applied: false,
      refused: ['leaf.cer'],
    });
    expect(vanthu(['verify', '--profile', profile, signed]).status).toBe(1);

    const applied = vanthu(['trust', 'import', '--profile', profile, bundle]);
    expect(applied.status).toBe(0);
    expect(applied.stdout).toMatch(/^Đã cập nhật danh sách tin cậy: thêm 2, gỡ 0, đã có 0, từ chối 0\./);
    const after = vanthu(['verify', '--profile', profile, signed]);
    expect(after.status).toBe(0);
    expect(after.stdout).toMatch(/Chứng thư do tổ chức tin cậy cấp \(NEWCA SHA-256, thuộc New National Root 2027\)/);
    expect(after.stdout).toMatch(/Hợp lệ — chưa kiểm tra được tình trạng thu hồi \(không có mạng\)/);

    const list = vanthu(['trust', 'list', '--profile', profile, '--json']).json<TrustListView>();
    expect(list.counts).toEqual({ root: 11, intermediate: 47, timestamping: 6, folder: 0 });
    expect(list.certificates.filter((c) => c.origin === 'profile').map((c) => c.role)).toEqual(['root', 'intermediate']);
    const audit = vanthu(['audit', 'list', '--profile', profile, '--json']).json<{ action: string }[]>();
    expect(audit.map((e) => e.action)).toContain('trust.import');

    // A newer bundle with the root only: the CA it no longer holds is shown as removed.
    const replaced = vanthu(['trust', 'import', '--profile', profile, join(dir, 'root.pem'), '--replace', '--json']).json<TrustImportResult>();
    expect({ added: replaced.added.length, removed: replaced.removed.map((c) => c.subject), unchanged: replaced.unchanged }).toEqual({ added: 0, removed: [expect.stringContaining('NEWCA SHA-256')], unchanged: 1 });
    expect(vanthu(['verify', '--profile', profile, signed]).status).toBe(1);
    const rootSha = vanthu(['trust', 'list', '--profile', profile, '--json']).json<TrustListView>().certificates.find((c) => c.origin === 'profile')!.sha256;
    expect(vanthu(['trust', 'remove', '--profile', profile, '--sha256', rootSha]).status).toBe(0);
    expect(vanthu(['trust', 'remove', '--profile', profile, '--sha256', rootSha]).status).not.toBe(0);
  });

  describe('through the API', () => {
    let bridge: TestBridge;
    beforeAll(async () => {
      bridge = await startTestBridge();
    });
    afterAll(() => bridge.cleanup());

    it('shows the list, previews and applies a bundle, refuses a program certificate removal', async () => {
      const view = await bridgeCall(bridge, 'trustList.view', {});
      expect({ counts: view.counts, refused: view.program.refused, problems: view.problems }).toEqual({ counts: { root: 10, intermediate: 46, timestamping: 6, folder: 0 }, refused: false, problems: [] });
      expect(view.newest?.subject).toEqual(expect.any(String));
      const files = [{ name: 'bundle.p7b', dataBase64: readFileSync(bundle).toString('base64') }];
      const dry = await bridgeCall(bridge, 'trustList.import', { files, dryRun: true });
      expect({ added: dry.added.length, applied: dry.applied }).toEqual({ added: 2, applied: false });
      expect((await bridgeCall(bridge, 'trustList.view', {})).counts.root).toBe(10);
      expect((await bridgeCall(bridge, 'trustList.import', { files })).applied).toBe(true);
      expect((await bridgeCall(bridge, 'trustList.view', {})).counts).toMatchObject({ root: 11, intermediate: 47 });
      const programRoot = view.certificates.find((c) => c.origin === 'program')!.sha256;
      const refused = await bridgeEnvelope(bridge, 'trustList.remove', { sha256: programRoot });
      expect(refused.ok ? null : refused.error.code).toBe('NOT_FOUND');
      const garbage = await bridgeCall(bridge, 'trustList.import', { files: [{ name: 'note.txt', dataBase64: Buffer.from('not a certificate').toString('base64') }], dryRun: true });
      expect(garbage.refused).toEqual([expect.objectContaining({ file: 'note.txt', messageVi: expect.stringMatching(/^Tệp không chứa chứng thư số/) })]);
    });
  });
});
