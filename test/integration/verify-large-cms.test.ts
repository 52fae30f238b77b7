import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPdf } from '../../src/main/pdf/sign-pdf.ts';
import { buildPadesCms } from '../../src/main/signing/cms/build-cms.ts';
import { MAX_CMS_BYTES } from '../../src/main/signing/verify/cms-signed-data.ts';
import { bytesContent } from '../../src/main/signing/verify/signed-content.ts';
import { verifyCms } from '../../src/main/signing/verify/verify-cms.ts';
import { verifyPdf } from '../../src/main/signing/verify/verify-pdf.ts';
import { expectAppErrorAsync } from '../support/app-error.ts';
import { largeCrl, withEmbeddedCrl } from '../support/large-crl.ts';
import { signLegacy } from '../support/legacy-signature.ts';
import { createNssDb, type NssDb, pdfsigReport } from '../support/nss.ts';
import { pdfLibSample } from '../support/pdf-samples.ts';
import { softwareSigner } from '../support/software-signer.ts';
import { tempDir } from '../support/temp-profile.ts';
import { createTestPki, type TestPki } from '../support/test-pki.ts';

// Two shapes of real documents the verifier used to misread (issue 18): a CMS of megabytes that
// carries the CA's whole CRL, and a signed file rewritten afterwards so that its /ByteRange runs
// past the end. pdfsig is the reference for the first, qpdf for the second.
describe('signatures the verifier used to misread', () => {
  let pki: TestPki;
  let nss: NssDb;
  let crl: Uint8Array;
  let dir: string;
  let cleanup = () => {};
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('vanthu-large-cms-'));
    pki = await createTestPki();
    nss = createNssDb(join(dir, 'nss'), pki.root);
    crl = largeCrl(pki.root, 50_000, [pki.revoked.certificate.serialNumber], dir);
  });
  afterAll(() => cleanup());

  async function signedWithCrl(name: string, who: 'leader' | 'revoked'): Promise<string> {
    const input = await pdfLibSample(join(dir, `${name}-in.pdf`), { objectStreams: false });
    const out = join(dir, `${name}.pdf`);
    await signLegacy(input, out, pki[who], { subFilter: 'adbe.pkcs7.detached', md: 'sha1', attributes: true, contentsBytes: 3 * 1024 * 1024, amend: (cms) => withEmbeddedCrl(cms, crl) }, dir);
    return out;
  }

  it('reads a 1 MB+ CMS with a 50,000-entry CRL as pdfsig does, and takes its revocation status from that CRL', async () => {
    expect(crl.length).toBeGreaterThan(1024 * 1024);
    const good = await signedWithCrl('viettel-style', 'leader');
    expect(pdfsigReport(nss, good).map((s) => s.validation)).toEqual(['Signature is Valid.']);
    const report = (await verifyPdf(good, { anchors: [pki.root.der] })).signatures[0]!;
    expect({ verdict: report.verdict, integrity: report.checks.integrity.status, revocation: report.checks.revocation.status }).toEqual({ verdict: 'valid', integrity: 'ok', revocation: 'ok' });
    expect(report.checks.revocation.detail).toMatch(/^not listed on the CRL of .*VanThu Test Root CA/);

    const revoked = (await verifyPdf(await signedWithCrl('viettel-style-revoked', 'revoked'), { anchors: [pki.root.der] })).signatures[0]!;
    expect({ verdict: revoked.verdict, revocation: revoked.checks.revocation.status, integrity: revoked.checks.integrity.status }).toEqual({ verdict: 'invalid', revocation: 'failed', integrity: 'ok' });
  });

  it('refuses a CMS larger than the limit as a format it does not read, never as a broken signature', async () => {
    const huge = new Uint8Array(MAX_CMS_BYTES + 1);
    huge[0] = 0x30;
    await expectAppErrorAsync(() => verifyCms(huge, { content: bytesContent(Buffer.from('x')) }, { anchors: [] }), 'PDF_UNSUPPORTED', /quá lớn để kiểm tra: định dạng chưa được hỗ trợ/);
  });

  it('reports a signature whose byte range a rewrite left past the end: signed, and no longer intact', async () => {
    const input = await pdfLibSample(join(dir, 'rewrite-in.pdf'), { objectStreams: false, pages: 3 });
    const signed = join(dir, 'rewrite-signed.pdf');
    const signingTime = new Date('2026-11-20T02:30:00Z');
    await signPdf({ input, output: signed, appearance: null, signingTime, sign: (digest) => buildPadesCms(softwareSigner(pki.leader), digest) });
    const rewritten = join(dir, 'rewritten.pdf');
    execFileSync('qpdf', ['--object-streams=generate', signed, rewritten]);
    // qpdf, the reference: a sound PDF whose signature's /ByteRange runs past its end.
    execFileSync('qpdf', ['--check', rewritten]);
    const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=qpdf', rewritten], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as { qpdf: [unknown, Record<string, { value?: unknown }>] };
    const ranges = Object.values(json.qpdf[1]).flatMap((o) => {
      const value = o.value as Record<string, unknown> | undefined;
      return value && typeof value === 'object' && Array.isArray(value['/ByteRange']) ? [value['/ByteRange'] as number[]] : [];
    });
    expect(ranges).toHaveLength(1);
    expect(ranges[0]![2]! + ranges[0]![3]!).toBeGreaterThan(statSync(rewritten).size);

    const report = await verifyPdf(rewritten, { anchors: [pki.root.der] });
    expect(report.verdict).toBe('invalid');
    expect(report.summaryVi).not.toMatch(/không có chữ ký/);
    const s = report.signatures[0]!;
    expect({ field: s.fieldName, claimed: s.claimedTime, signer: s.signer?.subject }).toEqual({ field: 'Signature1', claimed: signingTime.toISOString(), signer: expect.stringContaining('Nguyễn Văn An') });
    expect(s.checks.integrity).toMatchObject({ status: 'failed', messageVi: expect.stringMatching(/^Vùng dữ liệu được ký \(ByteRange\) bị hỏng/), detail: '/ByteRange goes beyond the end of the file' });
    expect(readFileSync(rewritten).length).toBeLessThan(readFileSync(signed).length);
  });
});
