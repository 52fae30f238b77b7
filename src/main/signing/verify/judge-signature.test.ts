import { describe, expect, it } from 'vitest';
import type { PdfSignature } from '../../pdf/read-signatures.ts';
import { judgeSignature, type SignatureFacts } from './judge-signature.ts';
import type { CmsVerification } from './verify-cms.ts';

const signature: PdfSignature = {
  fieldName: 'Signature1',
  filter: 'Adobe.PPKLite',
  subFilter: 'ETSI.CAdES.detached',
  byteRange: [0, 100, 200, 50],
  contents: new Uint8Array([0x30]),
  signingTime: "D:20260105100405+07'00'",
  reason: 'Ký duyệt',
  name: null,
  location: null,
  page: 0,
  revisionEnd: 250,
  coversWholeFile: true,
  byteRangeProblem: null,
};

const cms: CmsVerification = {
  signer: { subject: 'CN=An', issuer: 'CN=Root', serialNumber: '01', notBefore: '2025-01-01T00:00:00.000Z', notAfter: '2027-01-01T00:00:00.000Z', keyAlgorithm: 'RSA' },
  integrity: { digestAlgorithm: 'sha256', digestMatches: true, signatureValid: true, supported: true, shape: 'signed-attributes' },
  algorithms: { digest: 'sha256', key: 'RSA', keyBits: 2048 },
  cmsSigningTime: null,
  embeddedCrls: 0,
  attributes: { hasSigningTime: false, hasSigningCertificateV2: true, hasSigningCertificate: true, signingCertificateMatches: true },
  timestamp: null,
  trust: { status: 'trusted', chain: ['CN=An', 'CN=Root'], detail: 'ok' },
  trustedPath: [],
  validityAtSigningTime: { time: '2026-01-05T03:04:05.000Z', basis: 'claimed', status: 'valid' },
  revocation: { status: 'unknown', source: null, detail: 'no CRL' },
  keyUsageOk: true,
};

function facts(overrides: { signature?: Partial<PdfSignature>; cms?: Partial<CmsVerification> | null; changes?: SignatureFacts['changes'] } = {}): SignatureFacts {
  return {
    index: 0,
    signature: { ...signature, ...overrides.signature },
    claimedTime: new Date('2026-01-05T03:04:05Z'),
    cms: overrides.cms === null ? null : { ...cms, ...overrides.cms },
    cmsProblem: overrides.cms === null ? 'unreadable CMS' : null,
    changes: overrides.changes ?? { revisionsAfter: 0, modified: false, changes: [] },
    revocationFromDss: false,
  };
}

describe('judgeSignature', () => {
  it('calls a signature valid only with every check ok, and says when revocation was not checked', () => {
    const r = judgeSignature(facts(), 1);
    expect(r.verdict).toBe('valid');
    expect(r.verdictVi).toMatch(/^Hợp lệ — chưa kiểm tra được tình trạng thu hồi \(không có mạng\)/);
    expect(r.level).toBe('B-B');
    expect(Object.values(r.checks).map((c) => c.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'unknown', 'ok', 'ok']);
  });

  it('is invalid when the bytes changed or the signature does not verify', () => {
    expect(judgeSignature(facts({ cms: { integrity: { digestAlgorithm: 'sha256', digestMatches: false, signatureValid: true, supported: true, shape: 'signed-attributes' } } }), 1).verdict).toBe('invalid');
    expect(judgeSignature(facts({ cms: { integrity: { digestAlgorithm: 'sha256', digestMatches: true, signatureValid: false, supported: true, shape: 'signed-attributes' } } }), 1).checks.integrity.status).toBe('failed');
    expect(judgeSignature(facts({ signature: { byteRangeProblem: 'gap is not /Contents' } }), 1).verdict).toBe('invalid');
  });

  it('never calls a shape it cannot check modified: an unreadable CMS or an unsupported shape is indeterminate', () => {
    const unreadable = judgeSignature(facts({ cms: null }), 1);
    expect(unreadable.verdict).toBe('indeterminate');
    expect(unreadable.checks.integrity).toMatchObject({ status: 'unknown', messageVi: expect.stringMatching(/không có nghĩa là tệp đã bị sửa/) });
    const shape = judgeSignature(facts({ cms: { integrity: { digestAlgorithm: 'md5', digestMatches: false, signatureValid: false, supported: false, shape: 'content', problem: 'digest algorithm md5 is not supported' } } }), 1);
    expect(shape.verdict).toBe('indeterminate');
    expect(shape.verdictVi).toMatch(/^Chưa kiểm tra được chữ ký: Định dạng chữ ký chưa được hỗ trợ/);
    expect(shape.verdictVi).not.toMatch(/thay đổi/);
  });

  it('warns of SHA-1 and short RSA keys, saying whether a timestamp predates their retirement', () => {
    const claimed = judgeSignature(facts({ cms: { algorithms: { digest: 'sha1', key: 'RSA', keyBits: 1024 } } }), 1);
    expect(claimed.verdict).toBe('valid');
    expect(claimed.checks.algorithm).toMatchObject({ status: 'warning', messageVi: expect.stringMatching(/^Thuật toán yếu: SHA-1, khóa RSA 1024 bit .*Không có dấu thời gian; thời điểm ký do người ký tự ghi là 2026-01-05T03:04:05.000Z/) });
    expect(claimed.verdictVi).toMatch(/Cảnh báo: Thuật toán yếu/);
    const stamped = judgeSignature(
      facts({ cms: { algorithms: { digest: 'sha1', key: 'RSA', keyBits: 2048 }, timestamp: { genTime: '2013-05-02T01:00:00.000Z', imprintMatches: true, signatureValid: true, tsaSubject: 'CN=TSA', trusted: true, trustDetail: 'ok' } } }),
      1,
    );
    expect(stamped.checks.algorithm?.messageVi).toMatch(/^Thuật toán yếu: SHA-1 .*Dấu thời gian 2013-05-02T01:00:00.000Z có trước thời điểm đó\.$/);
  });

  it('is invalid after a forbidden change, in Vietnamese, and valid after allowed ones', () => {
    const forbidden = judgeSignature(
      facts({
        signature: { coversWholeFile: false },
        changes: { revisionsAfter: 1, modified: true, changes: [{ object: '4 0', kind: 'page-content', allowed: false, description: 'page content changed (Contents)' }] },
      }),
      1,
    );
    expect(forbidden.verdict).toBe('invalid');
    expect(forbidden.checks.coverage.messageVi).toBe('Văn bản đã bị sửa đổi sau khi ký (nội dung trang).');
    const allowed = judgeSignature(
      facts({
        signature: { coversWholeFile: false },
        changes: {
          revisionsAfter: 2,
          modified: false,
          changes: [
            { object: '9 0', kind: 'annotation', allowed: true, description: 'annotation added' },
            { object: '10 0', kind: 'other', allowed: true, description: 'new object' },
            { object: '11 0', kind: 'signature', allowed: true, description: 'signature added' },
          ],
        },
      }),
      1,
    );
    expect(allowed.verdict).toBe('valid');
    expect(allowed.checks.coverage.messageVi).toMatch(/2 lần bổ sung được phép \(ghi chú\/số, ngày, đối tượng mới, chữ ký sau\)/);
  });

  it('is indeterminate for a CA nobody configured, invalid for a forged chain', () => {
    expect(judgeSignature(facts({ cms: { trust: { status: 'unknown-ca', chain: ['CN=X', 'CN=Unknown'], detail: '' } } }), 1).verdict).toBe('indeterminate');
    expect(judgeSignature(facts({ cms: { trust: { status: 'incomplete-chain', chain: ['CN=X'], detail: '' } } }), 0).verdict).toBe('indeterminate');
    expect(judgeSignature(facts({ cms: { trust: { status: 'invalid-chain', chain: ['CN=X'], detail: '' } } }), 1).verdict).toBe('invalid');
  });

  it('is invalid for a certificate expired or revoked at signing time', () => {
    expect(judgeSignature(facts({ cms: { validityAtSigningTime: { time: 't', basis: 'claimed', status: 'expired' } } }), 1).verdict).toBe('invalid');
    expect(judgeSignature(facts({ cms: { revocation: { status: 'revoked', source: 'crl', revokedAt: '2026-01-01', detail: 'before signing' } } }), 1).verdict).toBe('invalid');
  });

  it('reports a non-PAdES signature (signingTime, adbe.pkcs7.detached) as a warning with no level', () => {
    const r = judgeSignature(facts({ signature: { subFilter: 'adbe.pkcs7.detached' }, cms: { attributes: { hasSigningTime: true, hasSigningCertificateV2: false, hasSigningCertificate: false, signingCertificateMatches: false } } }), 1);
    expect(r.level).toBeNull();
    expect(r.checks.format.status).toBe('warning');
    expect(r.verdict).toBe('valid');
  });

  it('is invalid when the certificate is not the one a signing-certificate attribute (v1 or v2) names', () => {
    const v1Only = { hasSigningTime: false, hasSigningCertificateV2: false, hasSigningCertificate: true, signingCertificateMatches: false };
    const r = judgeSignature(facts({ cms: { attributes: v1Only } }), 1);
    expect(r.checks.format.status).toBe('failed');
    expect(r.verdict).toBe('invalid');
    expect(judgeSignature(facts({ cms: { attributes: { ...v1Only, hasSigningCertificateV2: true } } }), 1).verdict).toBe('invalid');
  });
});
