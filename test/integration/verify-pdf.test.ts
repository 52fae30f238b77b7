import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPdf } from '../../src/main/pdf/sign-pdf.ts';
import { buildPadesCms } from '../../src/main/signing/cms/build-cms.ts';
import { verifyPdf } from '../../src/main/signing/verify/verify-pdf.ts';
import { createNssDb, pdfsigAddSignature } from '../support/nss.ts';
import { pdfLibSample } from '../support/pdf-samples.ts';
import { softwareSigner } from '../support/software-signer.ts';
import { tempDir } from '../support/temp-profile.ts';
import { createTestPki, type TestIdentity, type TestPki } from '../support/test-pki.ts';

// The verification report on the files signing.md names: our own output, a PDF signed by
// pdfsig, byte-flipped copies, a certificate from an unknown CA and an expired certificate.
// (A revision that changes page content is in signing-cli.test.ts.)
describe('verifyPdf', () => {
  let pki: TestPki;
  let dir: string;
  let cleanup = () => {};
  beforeAll(async () => {
    const t = tempDir();
    dir = t.dir;
    cleanup = t.cleanup;
    pki = await createTestPki();
  });
  afterAll(() => cleanup());

  async function signedBy(identity: TestIdentity, name: string, signingTime = new Date()): Promise<string> {
    const input = await pdfLibSample(join(dir, `${name}-in.pdf`), { objectStreams: false });
    const output = join(dir, `${name}.pdf`);
    await signPdf({ input, output, appearance: null, signingTime, sign: (digest) => buildPadesCms(softwareSigner(identity), digest) });
    return output;
  }
  const anchors = () => ({ anchors: [pki.root.der] });

  it('reads our own signature as valid, PAdES B-B, covering the whole file', async () => {
    const report = await verifyPdf(await signedBy(pki.leader, 'own'), anchors());
    expect(report.verdict).toBe('valid');
    expect(report.signatures).toHaveLength(1);
    expect(report.signatures[0]).toMatchObject({ level: 'B-B', coversWholeFile: true, verdict: 'valid' });
    expect(report.signatures[0]?.signer?.subject).toContain('Nguyễn Văn An');
  });

  it('reads a signature made by pdfsig (adbe.pkcs7.detached) and says it is not PAdES', async () => {
    const nss = createNssDb(join(dir, 'nss'), pki.root, pki.agency);
    const input = await pdfLibSample(join(dir, 'pdfsig-in.pdf'), { objectStreams: true });
    const report = await verifyPdf(pdfsigAddSignature(nss, input, join(dir, 'pdfsig.pdf')), anchors());
    const s = report.signatures[0];
    expect(s?.checks.integrity.status).toBe('ok');
    expect(s?.checks.trust.status).toBe('ok');
    expect(s?.subFilter).toBe('adbe.pkcs7.detached');
    expect(s?.level).toBeNull();
    expect(s?.checks.format.status).toBe('warning');
  });

  it('reports a byte flipped inside the signed content, and one inside the CMS, as invalid', async () => {
    const signed = await signedBy(pki.leader, 'flip');
    const bytes = readFileSync(signed);
    const inContent = Buffer.from(bytes);
    inContent[200] = inContent[200]! ^ 0x01;
    writeFileSync(join(dir, 'flip-content.pdf'), inContent);
    const content = await verifyPdf(join(dir, 'flip-content.pdf'), anchors());
    expect(content.verdict).toBe('invalid');
    expect(content.signatures[0]?.checks.integrity.status).toBe('failed');

    // Inside /Contents, in the signature value near the end of the DER (not the padding).
    const at = bytes.indexOf('/Contents <') + '/Contents <'.length;
    const der = bytes.subarray(at).toString('latin1');
    const hexLength = der.indexOf('>');
    const zeros = /0*$/.exec(der.slice(0, hexLength))?.[0].length ?? 0;
    const inCms = Buffer.from(bytes);
    const target = at + hexLength - zeros - 10;
    // Change the hex digit's value (not only its case, which hex ignores).
    inCms[target] = ((parseInt(String.fromCharCode(inCms[target]!), 16) ^ 1).toString(16)).charCodeAt(0);
    writeFileSync(join(dir, 'flip-cms.pdf'), inCms);
    const cms = await verifyPdf(join(dir, 'flip-cms.pdf'), anchors());
    expect(cms.verdict).toBe('invalid');
    expect(cms.signatures[0]?.checks.integrity.status).toBe('failed');
  });

  it('reads a certificate from an unknown CA as indeterminate, with the content intact', async () => {
    const report = await verifyPdf(await signedBy(pki.stranger, 'stranger'), anchors());
    expect(report.verdict).toBe('indeterminate');
    expect(report.signatures[0]?.checks.integrity.status).toBe('ok');
    expect(report.signatures[0]?.checks.trust.status).toBe('warning');
  });

  it('reads a signature made with an expired certificate as invalid', async () => {
    const report = await verifyPdf(await signedBy(pki.expired, 'expired'), anchors());
    expect(report.verdict).toBe('invalid');
    expect(report.signatures[0]?.checks.validity).toMatchObject({ status: 'failed' });
    expect(report.signatures[0]?.checks.validity.messageVi).toMatch(/hết hạn/);
  });

  it('reads a revoked certificate as invalid when the CRL is given, unknown without it', async () => {
    const signed = await signedBy(pki.revoked, 'revoked');
    expect((await verifyPdf(signed, { ...anchors(), crls: [pki.crl] })).signatures[0]?.checks.revocation.status).toBe('failed');
    expect((await verifyPdf(signed, anchors())).signatures[0]?.checks.revocation.status).toBe('unknown');
  });

  it('says a file without signatures is unsigned', async () => {
    const report = await verifyPdf(await pdfLibSample(join(dir, 'plain.pdf'), { objectStreams: false }), anchors());
    expect(report).toMatchObject({ verdict: 'unsigned', signatures: [] });
  });
});
