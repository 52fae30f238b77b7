import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { SignatureReport, VerificationReport } from '../../../shared/api/schemas/verification.ts';
import { isAppError } from '../../../shared/errors.ts';
import { changesAfter } from '../../pdf/changes-after.ts';
import { readDss } from '../../pdf/dss.ts';
import { type PdfSignature, readSignatures } from '../../pdf/read-signatures.ts';
import { judgeSignature } from './judge-signature.ts';
import { parsePdfDate } from './pdf-date.ts';
import { byteRangeContent } from './signed-content.ts';
import { type CmsVerification, verifyCms } from './verify-cms.ts';

export interface VerifyPdfContext {
  readonly anchors: readonly Uint8Array[];
  readonly intermediates?: readonly Uint8Array[];
  readonly timestamping?: readonly Uint8Array[];
  readonly trustProblems?: readonly string[];
  readonly crls?: readonly Uint8Array[];
  readonly now?: Date;
  // The name shown in the report (a stored file's own name rather than its blob path).
  readonly fileName?: string;
  // Told the certificates of each trusted path (signer first), DER.
  readonly onTrustedPath?: (ders: readonly Uint8Array[]) => void;
}

async function readCms(
  path: string,
  signature: PdfSignature,
  claimedTime: Date | null,
  context: VerifyPdfContext,
  crls: readonly Uint8Array[],
): Promise<{ cms: CmsVerification | null; problem: string | null }> {
  try {
    const signed = { content: byteRangeContent(path, signature.byteRange), subFilter: signature.subFilter };
    const cms = await verifyCms(signature.contents, signed, {
      anchors: context.anchors,
      intermediates: context.intermediates ?? [],
      timestamping: context.timestamping ?? [],
      crls,
      claimedTime,
      now: context.now ?? new Date(),
    });
    return { cms, problem: null };
  } catch (e) {
    if (isAppError(e)) return { cms: null, problem: e.message };
    throw e;
  }
}

function summary(signatures: readonly SignatureReport[]): Pick<VerificationReport, 'verdict' | 'summaryVi'> {
  if (signatures.length === 0) return { verdict: 'unsigned', summaryVi: 'Tệp không có chữ ký số.' };
  const invalid = signatures.filter((s) => s.verdict === 'invalid').length;
  const unknown = signatures.filter((s) => s.verdict === 'indeterminate').length;
  const unchecked = signatures.filter((s) => s.verdict === 'indeterminate' && s.checks.integrity.status !== 'ok').length;
  if (invalid > 0) return { verdict: 'invalid', summaryVi: `${invalid}/${signatures.length} chữ ký KHÔNG hợp lệ.` };
  if (unchecked > 0) return { verdict: 'indeterminate', summaryVi: `${unchecked}/${signatures.length} chữ ký chưa kiểm tra được (định dạng chưa được hỗ trợ); không có nghĩa là tệp đã bị sửa.` };
  if (unknown > 0) return { verdict: 'indeterminate', summaryVi: `${unknown}/${signatures.length} chữ ký chưa xác định được người ký tin cậy; nội dung nguyên vẹn.` };
  return { verdict: 'valid', summaryVi: `Tất cả ${signatures.length} chữ ký hợp lệ.` };
}

// Verifies every signature of a PDF: reading is the PDF layer's job (signature fields, byte
// ranges, later revisions), the CMS checks are verify-cms's; this joins them per signature.
export async function verifyPdf(path: string, context: VerifyPdfContext): Promise<VerificationReport> {
  const size = (await stat(path)).size;
  const signatures = await readSignatures(path);
  // Revocation lists the signer embedded (B-LT) count as much as those the clerk supplies: each
  // is checked against its issuer's key before it is believed.
  const embedded = signatures.length > 0 ? (await readDss(path)).crls : [];
  const given = context.crls ?? [];
  const reports: SignatureReport[] = [];
  for (const [index, signature] of signatures.entries()) {
    const claimedTime = parsePdfDate(signature.signingTime);
    const { cms, problem } = await readCms(path, signature, claimedTime, context, [...given, ...embedded]);
    const changes = signature.coversWholeFile ? { revisionsAfter: 0, modified: false, changes: [] } : await changesAfter(path, signature.revisionEnd);
    // B-LT needs the file's own DSS to cover the signer, whatever the clerk supplied besides.
    const fromDss = embedded.length === 0 ? null : given.length === 0 ? cms : (await readCms(path, signature, claimedTime, context, embedded)).cms;
    const revocationFromDss = fromDss?.revocation.source === 'crl';
    if (cms && cms.trustedPath.length > 0) context.onTrustedPath?.(cms.trustedPath);
    reports.push(judgeSignature({ index, signature, claimedTime, cms, cmsProblem: problem, changes, revocationFromDss }, context.anchors.length));
  }
  return {
    fileName: context.fileName ?? basename(path),
    size,
    signatures: reports,
    ...summary(reports),
    trustAnchors: context.anchors.length,
    trustProblems: [...(context.trustProblems ?? [])],
  };
}
