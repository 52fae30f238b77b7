import { commonName } from '../../../shared/domain/distinguished-name.ts';
import type { SignatureCheck, SignatureReport, Verdict } from '../../../shared/api/schemas/verification.ts';
import type { ChangesAfter } from '../../pdf/changes-after.ts';
import type { PdfSignature } from '../../pdf/read-signatures.ts';
import type { CmsVerification } from './verify-cms.ts';

// Turns what was measured about one signature into the checks and verdict the clerk reads.
// The verdict is "invalid" when something is proven wrong (bytes changed, a forbidden change
// after signing, a certificate not valid or revoked at signing time, a broken chain) and
// "indeterminate" when nothing is wrong but the signer cannot be trusted from what is
// configured (an unknown CA, a missing certificate).

export interface SignatureFacts {
  readonly index: number;
  readonly signature: PdfSignature;
  readonly claimedTime: Date | null;
  // null with cmsProblem set when the CMS could not be read at all.
  readonly cms: CmsVerification | null;
  readonly cmsProblem: string | null;
  readonly changes: ChangesAfter;
  // The file's DSS held revocation data that applied to this signer (PAdES B-LT).
  readonly revocationFromDss: boolean;
}

const check = (status: SignatureCheck['status'], messageVi: string, detail: string): SignatureCheck => ({ status, messageVi, detail });

function integrityCheck(f: SignatureFacts): SignatureCheck {
  if (f.signature.byteRangeProblem) {
    return check('failed', 'Vùng dữ liệu được ký (ByteRange) bị hỏng: tệp đã bị ghi lại hoặc sửa sau khi ký, chữ ký không còn bảo vệ nội dung tệp.', f.signature.byteRangeProblem);
  }
  if (!f.cms) {
    return check('unknown', 'Không đọc được dữ liệu chữ ký (định dạng chưa được hỗ trợ hoặc dữ liệu chữ ký bị hỏng): chưa kiểm tra được nội dung, không có nghĩa là tệp đã bị sửa.', f.cmsProblem ?? 'no CMS');
  }
  const i = f.cms.integrity;
  if (!i.supported) {
    return check('unknown', `Định dạng chữ ký chưa được hỗ trợ (${f.signature.subFilter ?? 'không rõ SubFilter'}): chưa kiểm tra được tính nguyên vẹn, không có nghĩa là tệp đã bị sửa.`, i.problem ?? 'shape not supported');
  }
  if (!i.digestMatches) return check('failed', 'Nội dung tệp đã bị thay đổi sau khi ký (mã băm không khớp).', i.problem ?? `the signed digest differs from the ${i.digestAlgorithm} of the byte ranges`);
  if (!i.signatureValid) return check('failed', 'Chữ ký số không khớp với chứng thư của người ký.', i.problem ?? 'signature value does not verify with the signer certificate');
  const shape = { 'signed-attributes': 'thuộc tính ký', content: 'ký trực tiếp nội dung', 'encapsulated-sha1': 'mã băm SHA-1 đóng gói' }[i.shape];
  return check('ok', `Nội dung được ký còn nguyên vẹn (mã băm ${i.digestAlgorithm.toUpperCase()} khớp, chữ ký đúng với khóa của chứng thư; ${shape}).`, `digest ${i.digestAlgorithm} matches; signature verifies; shape ${i.shape}`);
}

// SHA-1 and RSA keys under 2048 bits were retired for making signatures at the end of 2013 (NIST
// SP 800-131A, followed by the Vietnamese CAs' move to SHA-256). A signature made with them is
// still the signer's; the clerk is warned, with what proves when it was made.
const RETIRED = new Date('2014-01-01T00:00:00Z');

function algorithmCheck(f: SignatureFacts): SignatureCheck {
  if (!f.cms) return check('unknown', 'Không xác định được thuật toán của chữ ký.', f.cmsProblem ?? 'no CMS');
  const a = f.cms.algorithms;
  const weak = [a.digest === 'sha1' ? 'SHA-1' : null, a.key === 'RSA' && a.keyBits !== null && a.keyBits < 2048 ? `khóa RSA ${a.keyBits} bit` : null].filter((w): w is string => w !== null);
  const used = `${a.digest.toUpperCase()}, ${a.key}${a.keyBits ? ` ${a.keyBits} bit` : ''}`;
  if (weak.length === 0) return check('ok', `Thuật toán đủ mạnh (${used}).`, `digest ${a.digest}, key ${a.key} ${a.keyBits ?? '?'} bits`);
  const stamp = f.cms.timestamp?.trusted && f.cms.timestamp.genTime ? new Date(f.cms.timestamp.genTime) : null;
  const claimed = f.claimedTime ?? (f.cms.cmsSigningTime ? new Date(f.cms.cmsSigningTime) : null);
  const when = stamp
    ? `Dấu thời gian ${stamp.toISOString()} ${stamp < RETIRED ? 'có trước' : 'có sau'} thời điểm đó.`
    : `Không có dấu thời gian; thời điểm ký do người ký tự ghi là ${claimed ? claimed.toISOString() : 'không rõ'}, chưa được chứng thực.`;
  return check(
    'warning',
    `Thuật toán yếu: ${weak.join(', ')} (không còn dùng để ký số từ 01/01/2014). ${when}`,
    `weak: ${weak.join(', ')}; retired ${RETIRED.toISOString()}; timestamp ${stamp?.toISOString() ?? 'none'}; claimed ${claimed?.toISOString() ?? 'none'}`,
  );
}

function coverageCheck(f: SignatureFacts): SignatureCheck {
  const c = f.changes;
  if (f.signature.coversWholeFile) return check('ok', 'Chữ ký bao trùm toàn bộ tệp.', 'byte range ends at end of file');
  const forbidden = c.changes.filter((x) => !x.allowed);
  if (forbidden.length > 0) {
    return check(
      'failed',
      `Văn bản đã bị sửa đổi sau khi ký (${[...new Set(forbidden.map(changeVi))].join(', ')}).`,
      `${c.revisionsAfter} later revision(s); forbidden: ${forbidden.map((x) => `${x.object} ${x.kind}`).join(', ')}`,
    );
  }
  const kinds = [...new Set(c.changes.map((x) => x.kind))];
  const allowedVi = [...new Set(c.changes.map(changeVi))];
  return check(
    'ok',
    `Sau chữ ký có ${c.revisionsAfter} lần bổ sung được phép (${allowedVi.join(', ') || 'không thay đổi nội dung'}); nội dung đã ký không bị sửa.`,
    `${c.revisionsAfter} later revision(s), allowed changes only: ${kinds.join(', ')}`,
  );
}

function changeVi(change: ChangesAfter['changes'][number]): string {
  // 'other' is a new object when allowed (nothing else points to it unless a listed change does),
  // and a changed or deleted object of the signed revision when not.
  if (change.kind === 'other') return change.allowed ? 'đối tượng mới' : 'đối tượng đã ký bị thay đổi hoặc xóa';
  return kindVi(change.kind);
}

function kindVi(kind: string): string {
  const names: Record<string, string> = {
    signature: 'chữ ký sau',
    'form-fill': 'điền biểu mẫu',
    annotation: 'ghi chú/số, ngày',
    acroform: 'danh sách trường',
    dss: 'dữ liệu kiểm tra dài hạn',
    metadata: 'thông tin mô tả',
    'page-content': 'nội dung trang',
    'page-resources': 'tài nguyên của trang (phông chữ, hình ảnh)',
    catalog: 'cấu trúc tài liệu',
  };
  return names[kind] ?? kind;
}

function trustCheck(f: SignatureFacts, anchors: number): SignatureCheck {
  if (!f.cms) return check('unknown', 'Không xác định được người ký.', f.cmsProblem ?? 'no CMS');
  const t = f.cms.trust;
  const chain = t.chain.join(' → ');
  switch (t.status) {
    case 'trusted': {
      const ca = t.chain.length > 2 ? `${commonName(t.chain[1]!)}, thuộc ` : '';
      return check('ok', `Chứng thư do tổ chức tin cậy cấp (${ca}${commonName(t.chain.at(-1) ?? '')}).`, `chain: ${chain}; ${t.detail}`);
    }
    case 'unknown-ca':
      return check('warning', `Chứng thư do tổ chức chưa có trong danh sách tin cậy cấp (${t.chain.at(-1) ?? 'không rõ'}): chưa xác định được nguồn gốc.`, `chain: ${chain}; ${anchors} anchor(s); ${t.detail}`);
    case 'incomplete-chain':
      return check('warning', 'Thiếu chứng thư của tổ chức cấp: chưa xác định được nguồn gốc người ký.', `chain: ${chain}; ${t.detail}`);
    case 'invalid-chain':
      return check('failed', 'Chuỗi chứng thư không hợp lệ (chứng thư giả mạo hoặc tổ chức cấp không có quyền cấp).', `chain: ${chain}; ${t.detail}`);
  }
}

function validityCheck(f: SignatureFacts): SignatureCheck {
  if (!f.cms) return check('unknown', 'Không kiểm tra được thời hạn chứng thư.', f.cmsProblem ?? 'no CMS');
  const v = f.cms.validityAtSigningTime;
  const basis = { timestamp: 'theo dấu thời gian', claimed: 'theo thời điểm ký do người ký tự ghi, chưa được chứng thực', now: 'theo thời điểm hiện tại' }[v.basis];
  const detail = `at ${v.time} (${v.basis}): ${v.status}`;
  if (v.status === 'valid') return check('ok', `Chứng thư còn hiệu lực khi ký (${basis}).`, detail);
  if (v.status === 'expired') return check('failed', `Chứng thư đã hết hạn khi ký (${basis}).`, detail);
  if (v.status === 'not-yet-valid') return check('failed', `Chứng thư chưa có hiệu lực khi ký (${basis}).`, detail);
  return check('unknown', 'Không xác định được thời hạn chứng thư.', detail);
}

function revocationCheck(f: SignatureFacts): SignatureCheck {
  if (!f.cms) return check('unknown', 'Không kiểm tra được tình trạng thu hồi.', f.cmsProblem ?? 'no CMS');
  const r = f.cms.revocation;
  if (r.status === 'good') return check('ok', 'Chứng thư không bị thu hồi (theo danh sách thu hồi CRL).', r.detail);
  if (r.status === 'revoked') return check('failed', `Chứng thư đã bị thu hồi${r.revokedAt ? ` từ ${r.revokedAt}` : ''}.`, r.detail);
  return check('unknown', 'Chưa kiểm tra được chứng thư có bị thu hồi hay không (không có dữ liệu thu hồi khi làm việc ngoại tuyến).', r.detail);
}

function formatCheck(f: SignatureFacts): SignatureCheck {
  if (!f.cms) return check('unknown', 'Không đọc được định dạng chữ ký.', f.cmsProblem ?? 'no CMS');
  const a = f.cms.attributes;
  const notes: string[] = [];
  if (f.signature.subFilter !== 'ETSI.CAdES.detached') notes.push(`SubFilter ${f.signature.subFilter ?? 'không có'} (không phải PAdES)`);
  if (a.hasSigningTime) notes.push('có thuộc tính signingTime (PAdES không cho phép)');
  if (!a.hasSigningCertificateV2) notes.push('thiếu thuộc tính signing-certificate-v2');
  if (a.hasSigningCertificate && !a.signingCertificateMatches) notes.push('thuộc tính signing-certificate không khớp chứng thư người ký (chứng thư có thể đã bị thay thế)');
  if (!f.cms.keyUsageOk) notes.push('chứng thư không dành cho ký số');
  if (notes.length === 0) return check('ok', 'Đúng định dạng PAdES (CAdES tách rời, có signing-certificate-v2, không có signingTime).', 'PAdES baseline attributes present');
  // A certificate other than the one the signer bound (v1 or v2) was put in: not a format nit.
  const serious = !f.cms.keyUsageOk || (a.hasSigningCertificate && !a.signingCertificateMatches);
  return check(serious ? 'failed' : 'warning', `Định dạng: ${notes.join('; ')}.`, notes.join('; '));
}

function level(f: SignatureFacts): SignatureReport['level'] {
  if (!f.cms || f.signature.subFilter !== 'ETSI.CAdES.detached' || f.cms.attributes.hasSigningTime || !f.cms.attributes.hasSigningCertificateV2) return null;
  if (!f.cms.timestamp) return 'B-B';
  return f.revocationFromDss && f.cms.revocation.source === 'crl' ? 'B-LT' : 'B-T';
}

function verdictOf(checks: SignatureReport['checks']): { verdict: Verdict; verdictVi: string } {
  const all = Object.values(checks);
  const failed = all.filter((c) => c.status === 'failed');
  if (failed.length > 0) return { verdict: 'invalid', verdictVi: `Chữ ký KHÔNG hợp lệ: ${failed.map((c) => c.messageVi).join(' ')}` };
  if (checks.integrity.status !== 'ok') return { verdict: 'indeterminate', verdictVi: `Chưa kiểm tra được chữ ký: ${checks.integrity.messageVi}` };
  if (checks.trust.status !== 'ok') {
    return { verdict: 'indeterminate', verdictVi: `Nội dung nguyên vẹn nhưng chưa xác định được người ký là tin cậy: ${checks.trust.messageVi}` };
  }
  const warnings = checks.algorithm?.status === 'warning' ? ` Cảnh báo: ${checks.algorithm.messageVi}` : '';
  if (checks.revocation.status === 'unknown') {
    return { verdict: 'valid', verdictVi: `Hợp lệ — chưa kiểm tra được tình trạng thu hồi (không có mạng): nội dung nguyên vẹn, người ký được xác thực, chứng thư còn hiệu lực khi ký.${warnings}` };
  }
  return { verdict: 'valid', verdictVi: `Chữ ký hợp lệ: nội dung nguyên vẹn, người ký được xác thực, chứng thư còn hiệu lực khi ký và không bị thu hồi.${warnings}` };
}

export function judgeSignature(f: SignatureFacts, anchors: number): SignatureReport {
  const checks = {
    integrity: integrityCheck(f),
    coverage: coverageCheck(f),
    trust: trustCheck(f, anchors),
    validity: validityCheck(f),
    revocation: revocationCheck(f),
    format: formatCheck(f),
    algorithm: algorithmCheck(f),
  };
  return {
    index: f.index,
    fieldName: f.signature.fieldName,
    page: f.signature.page,
    subFilter: f.signature.subFilter,
    level: level(f),
    signer: f.cms?.signer ?? null,
    reason: f.signature.reason,
    claimedTime: f.claimedTime?.toISOString() ?? null,
    timestampTime: f.cms?.timestamp?.genTime ?? null,
    cmsSigningTime: f.cms?.cmsSigningTime ?? null,
    revisionEnd: f.signature.revisionEnd,
    coversWholeFile: f.signature.coversWholeFile,
    checks,
    changesAfter: f.changes.changes,
    ...verdictOf(checks),
  };
}
