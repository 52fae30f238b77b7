import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SignatureReport, VerificationReport } from '../../../shared/api/schemas/verification.ts';
import { AppError } from '../../../shared/errors.ts';
import { shippedAnchorsDir } from '../../signing/trust/default-anchors.ts';
import { loadCrlFiles } from '../../signing/trust/crl-files.ts';
import { loadTrustAnchors } from '../../signing/trust/trust-anchors.ts';
import { verifyPdf } from '../../signing/verify/verify-pdf.ts';
import { parse, type Parsed } from '../args.ts';
import type { CommandResult } from '../context.ts';

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
  const who = s.signer ? s.signer.subject : 'không rõ người ký';
  const when = s.timestampTime ? `dấu thời gian ${s.timestampTime}` : s.claimedTime ? `ký lúc ${s.claimedTime} (theo máy người ký)` : 'không rõ thời điểm';
  const checks = Object.values(s.checks).map((c) => `    [${c.status}] ${c.messageVi}`);
  return [`#${s.index + 1} ${s.fieldName}: ${who}; ${when}; ${s.level ?? 'không phải PAdES'}`, `  → ${s.verdictVi}`, ...checks].join('\n');
}

export function reportText(report: VerificationReport): string {
  return [`${report.fileName}: ${report.summaryVi}`, ...report.signatures.map(signatureText)].join('\n');
}

// `vanthu verify FILE.pdf [--trust DIR]… [--crl FILE]… [--json]`: the report of every
// signature. Exit code 0 only when every signature is valid; 1 when a signature is invalid or
// cannot be trusted, or the file has none (the report is printed in every case).
export async function verify(args: string[]): Promise<CommandResult> {
  const p = parse(args, { trust: { type: 'string', multiple: true }, crl: { type: 'string', multiple: true } }, true);
  const [file, ...extra] = p.positionals;
  if (!file || extra.length > 0) throw new AppError('INVALID_INPUT', 'Cần đúng một tệp PDF cần kiểm tra.', `expected one file, got ${p.positionals.length}`);
  const dirs = [shippedAnchorsDir(), ...many(p, 'trust').map((d) => resolve(d))];
  const anchors = loadTrustAnchors(dirs);
  const report = await verifyPdf(resolve(file), {
    anchors: anchors.certificates,
    trustProblems: anchors.problems.map((x) => `${x.file}: ${x.detail}`),
    crls: [...many(p, 'crl').map(readCrl), ...loadCrlFiles(dirs)],
  });
  return { json: report, text: reportText(report), exitCode: report.verdict === 'valid' ? 0 : 1 };
}
