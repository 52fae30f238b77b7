import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { trimDer } from '../../src/main/pdf/read-signatures.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPdf } from '../../src/main/signing/verify/verify-pdf.ts';
import { flipSignedByte, type LegacyShape, signLegacy } from '../support/legacy-signature.ts';
import { createNssDb, type NssDb, pdfsigReport } from '../support/nss.ts';
import { pdfLibSample } from '../support/pdf-samples.ts';
import { tempDir } from '../support/temp-profile.ts';
import { createTestPki, issue, type TestIdentity, type TestPki } from '../support/test-pki.ts';

// Signatures of the shapes Acrobat and pdfsig verify, as older Vietnamese signing tools wrote
// them (a 2013 tax return: adbe.pkcs7.sha1, no signed attributes, SHA-1), each made at test time:
// intact, each verifies as pdfsig says; one byte changed inside the signed range, each is broken.
// Never is a signature pdfsig calls valid reported as modified.
describe('legacy PDF signature shapes', () => {
  let pki: TestPki;
  let ec: TestIdentity;
  let nss: NssDb;
  let dir: string;
  let cleanup = () => {};
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('vanthu-legacy-'));
    pki = await createTestPki();
    ec = pki.ecLeader;
    nss = createNssDb(join(dir, 'nss'), pki.root);
  });
  afterAll(() => cleanup());

  const shapes: [string, LegacyShape, 'rsa' | 'ec'][] = [
    ['adbe.pkcs7.sha1, no signed attributes, SHA-1 (the 2013 tax return)', { subFilter: 'adbe.pkcs7.sha1', md: 'sha1', attributes: false }, 'rsa'],
    ['adbe.pkcs7.sha1 with signed attributes', { subFilter: 'adbe.pkcs7.sha1', md: 'sha1', attributes: true }, 'rsa'],
    ['adbe.pkcs7.detached, no signed attributes, SHA-1', { subFilter: 'adbe.pkcs7.detached', md: 'sha1', attributes: false }, 'rsa'],
    ['adbe.pkcs7.detached, no signed attributes, SHA-256', { subFilter: 'adbe.pkcs7.detached', md: 'sha256', attributes: false }, 'rsa'],
    ['adbe.pkcs7.detached, no signed attributes, SHA-512', { subFilter: 'adbe.pkcs7.detached', md: 'sha512', attributes: false }, 'rsa'],
    ['adbe.pkcs7.detached with signed attributes, SHA-384', { subFilter: 'adbe.pkcs7.detached', md: 'sha384', attributes: true }, 'rsa'],
    ['adbe.pkcs7.detached with signed attributes, SHA-1', { subFilter: 'adbe.pkcs7.detached', md: 'sha1', attributes: true }, 'rsa'],
    ['ETSI.CAdES.detached, RSA-PSS, SHA-256', { subFilter: 'ETSI.CAdES.detached', md: 'sha256', attributes: true, pss: true }, 'rsa'],
    ['adbe.pkcs7.detached, no signed attributes, ECDSA', { subFilter: 'adbe.pkcs7.detached', md: 'sha256', attributes: false }, 'ec'],
    ['ETSI.CAdES.detached, ECDSA, SHA-512', { subFilter: 'ETSI.CAdES.detached', md: 'sha512', attributes: true }, 'ec'],
  ];

  it.each(shapes)('%s: intact is valid as pdfsig says; one byte changed is broken', async (name, shape, key) => {
    const slug = name.replace(/[^a-z0-9]+/gi, '-');
    const input = await pdfLibSample(join(dir, `${slug}-in.pdf`), { objectStreams: false });
    const signed = join(dir, `${slug}.pdf`);
    await signLegacy(input, signed, key === 'ec' ? ec : pki.leader, shape, dir);
    const pdfsig = pdfsigReport(nss, signed);
    expect(pdfsig.map((s) => s.validation)).toEqual(['Signature is Valid.']);

    const report = await verifyPdf(signed, { anchors: [pki.root.der] });
    const s = report.signatures[0]!;
    expect({ subFilter: s.subFilter, integrity: s.checks.integrity.status, trust: s.checks.trust.status, verdict: s.verdict }).toEqual({ subFilter: shape.subFilter, integrity: 'ok', trust: 'ok', verdict: 'valid' });
    expect(s.checks.algorithm?.status).toBe(shape.md === 'sha1' ? 'warning' : 'ok');

    const broken = flipSignedByte(signed, join(dir, `${slug}-flipped.pdf`));
    expect(pdfsigReport(nss, broken).map((x) => x.valid)).toEqual([false]);
    const after = (await verifyPdf(broken, { anchors: [pki.root.der] })).signatures[0]!;
    expect({ integrity: after.checks.integrity.status, verdict: after.verdict }).toEqual({ integrity: 'failed', verdict: 'invalid' });
  });

  // NSS (so pdfsig) does not verify RSA-PSS without signed attributes; openssl cms is the
  // independent reference for that shape.
  it('adbe.pkcs7.detached, no signed attributes, RSA-PSS: valid as openssl cms says; one byte changed is broken', async () => {
    const input = await pdfLibSample(join(dir, 'pss-in.pdf'), { objectStreams: false });
    const signed = join(dir, 'pss.pdf');
    const { byteRange } = await signLegacy(input, signed, pki.leader, { subFilter: 'adbe.pkcs7.detached', md: 'sha256', attributes: false, pss: true }, dir);
    expect(opensslVerifies(signed, byteRange)).toBe(true);
    expect((await verifyPdf(signed, { anchors: [pki.root.der] })).signatures[0]).toMatchObject({ verdict: 'valid', checks: { integrity: { status: 'ok' } } });
    const broken = flipSignedByte(signed, join(dir, 'pss-flipped.pdf'));
    expect(opensslVerifies(broken, byteRange)).toBe(false);
    expect((await verifyPdf(broken, { anchors: [pki.root.der] })).signatures[0]).toMatchObject({ verdict: 'invalid', checks: { integrity: { status: 'failed' } } });
  });

  function opensslVerifies(path: string, byteRange: readonly number[]): boolean {
    const bytes = readFileSync(path);
    const [, b, c, d] = byteRange as [number, number, number, number];
    writeFileSync(join(dir, 'check-data.bin'), Buffer.concat([bytes.subarray(0, b), bytes.subarray(c, c + d)]));
    writeFileSync(join(dir, 'check-cms.der'), trimDer(Buffer.from(bytes.subarray(b + 1, c - 1).toString('latin1'), 'hex')));
    writeFileSync(join(dir, 'check-root.pem'), pki.root.pem);
    const run = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(dir, 'check-cms.der'), '-content', join(dir, 'check-data.bin'), '-CAfile', join(dir, 'check-root.pem'), '-purpose', 'any', '-out', '/dev/null']);
    return run.status === 0;
  }

  it('says a shape it cannot check is not supported, never modified: a digest it does not know', async () => {
    const input = await pdfLibSample(join(dir, 'sha224-in.pdf'), { objectStreams: false });
    const signed = join(dir, 'sha224.pdf');
    await signLegacy(input, signed, pki.leader, { subFilter: 'adbe.pkcs7.detached', md: 'sha224' as LegacyShape['md'], attributes: false }, dir);
    const report = await verifyPdf(signed, { anchors: [pki.root.der] });
    expect(report.summaryVi).toBe('1/1 chữ ký chưa kiểm tra được (định dạng chưa được hỗ trợ); không có nghĩa là tệp đã bị sửa.');
    const s = report.signatures[0]!;
    expect(s.checks.integrity).toMatchObject({ status: 'unknown', messageVi: expect.stringMatching(/^Định dạng chữ ký chưa được hỗ trợ \(adbe\.pkcs7\.detached\).*không có nghĩa là tệp đã bị sửa/) });
    expect(s.verdict).toBe('indeterminate');
    expect(s.verdictVi).not.toMatch(/bị thay đổi|KHÔNG hợp lệ/);
  });

  it('judges a SHA-1 signature with a warning naming the time it claims, unproven', async () => {
    const weak = await issue(pki.root, { subject: 'CN=Khóa Ngắn, O=UBND xã Cũ, C=VN' });
    const input = await pdfLibSample(join(dir, 'weak-in.pdf'), { objectStreams: false });
    const signed = join(dir, 'weak.pdf');
    await signLegacy(input, signed, weak, { subFilter: 'adbe.pkcs7.sha1', md: 'sha1', attributes: false }, dir);
    const s = (await verifyPdf(signed, { anchors: [pki.root.der] })).signatures[0]!;
    expect(s.verdict).toBe('valid');
    expect(s.checks.algorithm?.messageVi).toMatch(/^Thuật toán yếu: SHA-1 .*Không có dấu thời gian; thời điểm ký do người ký tự ghi là \d{4}-/);
    expect(s.checks.validity.messageVi).toMatch(/do người ký tự ghi, chưa được chứng thực/);
  });
});
