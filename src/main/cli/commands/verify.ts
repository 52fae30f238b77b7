import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SignatureReport, VerificationReport } from '../../../shared/api/schemas/verification.ts';
import { AppError } from '../../../shared/errors.ts';
import { loadCrlFiles } from '../../signing/trust/crl-files.ts';
import { loadTrustAnchors } from '../../signing/trust/trust-anchors.ts';
import { type TrustMaterial, trustMaterial } from '../../signing/trust/trust-material.ts';
import { verifyPdf } from '../../signing/verify/verify-pdf.ts';
import type { Profile } from '../../profile/open-profile.ts';
import { profileCrls, profileTrust, programTrustList } from '../../signing/trust/profile-trust.ts';
import { optional, parse, type Parsed } from '../args.ts';
import { type CommandResult, withProfile } from '../context.ts';

function many(p: Parsed, name: string): string[] {
  const v = (p.values as Record<string, unknown>)[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function readCrl(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new AppError('INVALID_INPUT', `Không đọc được danh sách thu hồi ${path}.`, `cannot read CRL ${path}: ${(e as Error).message}`);
  }
}

function signatureText(s: SignatureReport): string {
  const who = s.signer ? `${s.signer.subject}, do ${s.signer.issuer} cấp` : 'không rõ người ký';
  const claims = [s.claimedTime ? `tệp ghi ${s.claimedTime}` : null, s.cmsSigningTime ? `chữ ký tự ghi ${s.cmsSigningTime}` : null].filter((c) => c !== null);
  const claimed = claims.length > 0 ? `${claims.join(', ')} (do máy người ký tự ghi, chưa chứng thực)` : null;
  const when = [s.timestampTime ? `dấu thời gian ${s.timestampTime}` : 'không có dấu thời gian', claimed].filter((c) => c !== null).join('; ');
  const checks = Object.values(s.checks).map((c) => `    [${c.status}] ${c.messageVi}`);
  return [`#${s.index + 1} ${s.fieldName}: ${who}; ${when}; ${s.level ?? 'không phải PAdES'}`, `  → ${s.verdictVi}`, ...checks].join('\n');
}

export function reportText(report: VerificationReport): string {
  return [`${report.fileName}: ${report.summaryVi}`, ...report.signatures.map(signatureText)].join('\n');
}

// What the verification trusts: the profile's (the program's list, the clerk's additions and
// folders) with --profile, the program's list without; each --trust folder's certificates are
// anchors besides, and every --crl file revocation data (with --profile, its CRLs too: copied
// into its folders or fetched from the distribution points).
function trustFor(profile: Profile | null, dirs: readonly string[]): { material: TrustMaterial; crls: readonly Uint8Array[] } {
  const folders = loadTrustAnchors(dirs);
  if (profile) {
    const own = profileTrust(profile);
    const material = { ...own, anchors: [...own.anchors, ...folders.certificates], problems: [...own.problems, ...folders.problems.map((x) => `${x.file}: ${x.detail}`)] };
    return { material, crls: [...profileCrls(profile), ...loadCrlFiles(dirs)] };
  }
  const material = trustMaterial([{ origin: 'program', list: programTrustList() }], folders.certificates);
  return { material: { ...material, problems: [...material.problems, ...folders.problems.map((x) => `${x.file}: ${x.detail}`)] }, crls: loadCrlFiles(dirs) };
}

// `vanthu verify FILE.pdf [--profile DIR] [--trust DIR]… [--crl FILE]… [--json]`: the report of
// every signature. Exit code 0 only when every signature is valid; 1 when a signature is invalid
// or cannot be trusted, or the file has none (the report is printed in every case).
export async function verify(args: string[]): Promise<CommandResult> {
  const p = parse(args, { trust: { type: 'string', multiple: true }, crl: { type: 'string', multiple: true } }, true);
  const [file, ...extra] = p.positionals;
  if (!file || extra.length > 0) throw new AppError('INVALID_INPUT', 'Cần đúng một tệp PDF cần kiểm tra.', `expected one file, got ${p.positionals.length}`);
  const dirs = many(p, 'trust').map((d) => resolve(d));
  const run = async (profile: Profile | null): Promise<CommandResult> => {
    const { material, crls } = trustFor(profile, dirs);
    const report = await verifyPdf(resolve(file), {
      anchors: material.anchors,
      intermediates: material.intermediates,
      timestamping: material.timestamping,
      trustProblems: material.problems,
      crls: [...many(p, 'crl').map(readCrl), ...crls],
    });
    return { json: report, text: reportText(report), exitCode: report.verdict === 'valid' ? 0 : 1 };
  };
  return optional(p, 'profile') ? withProfile(p, run) : run(null);
}
