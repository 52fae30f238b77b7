import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import type { PackageReport } from '../../archive/package/verify-package.ts';
import type { FormRequest } from '../../archive/print-form.ts';
import { listCaseFiles } from '../../casefiles/file-list.ts';
import type { Profile } from '../../profile/open-profile.ts';
import { programResources } from '../../program/resources.ts';
import { today } from '../../registry/clock.ts';
import { integer, optional, parse, type Parsed, required, requiredInteger } from '../args.ts';
import { type CommandResult, withProfile } from '../context.ts';

// `vanthu records print|package|verify-package`: the Appendix V forms of the case files, the
// electronic handover package and its check (docs/archive-forms.md, docs/handover-package.md).
// The forms and pdf-lib load only when a command needs them.

const FORMS = ['plan', 'contents', 'handover-list', 'handover-record'] as const;
type FormName = (typeof FORMS)[number];

const isForm = (name: string | undefined): name is FormName => FORMS.includes(name as FormName);

// A file named by its id, or by its notation in the plan of --year (this year by default), as
// the other `records` commands take it.
function caseFileId(profile: Profile, ref: string | undefined, year: number | undefined): number {
  if (!ref) throw new AppError('INVALID_INPUT', 'Thiếu hồ sơ (mã số hoặc số và ký hiệu, ví dụ 01.VP).', 'missing case file');
  if (/^\d+$/.test(ref)) return Number(ref);
  const planYear = year ?? Number(today(profile.clock).slice(0, 4));
  const wanted = ref.normalize('NFC').toLowerCase();
  const found = listCaseFiles(profile, { year: planYear }).find((f) => f.notation.toLowerCase() === wanted);
  if (!found) throw new AppError('NOT_FOUND', `Không có hồ sơ ${ref} trong Danh mục hồ sơ năm ${planYear}.`, `no case file ${ref} in plan ${planYear}`);
  return found.id;
}

function formRequest(profile: Profile, form: FormName, p: Parsed): FormRequest {
  switch (form) {
    case 'plan': {
      const format = optional(p, 'format') ?? 'pdf';
      if (format !== 'pdf' && format !== 'xlsx') throw new AppError('INVALID_INPUT', '--format là pdf hoặc xlsx.', `bad --format ${format}`);
      return { form, year: requiredInteger(p, 'year'), format };
    }
    case 'contents':
      return { form, caseFileId: caseFileId(profile, p.positionals[1], integer(p, 'year')) };
    case 'handover-list':
    case 'handover-record':
      return { form, handoverId: requiredInteger(p, 'handover') };
  }
}

const FORM_LABEL: Record<FormName, string> = {
  plan: 'Danh mục hồ sơ',
  contents: 'Mục lục văn bản, tài liệu trong hồ sơ',
  'handover-list': 'Mục lục hồ sơ, tài liệu nộp lưu',
  'handover-record': 'Biên bản giao nhận hồ sơ, tài liệu',
};

// `vanthu records print plan|contents|handover-list|handover-record …`: the form into --out, or
// into the profile's exports folder under the name the app gives it.
export async function recordsPrint(args: string[]): Promise<CommandResult> {
  const p = parse(args, { year: { type: 'string' }, format: { type: 'string' }, handover: { type: 'string' }, out: { type: 'string' } }, true);
  const form = p.positionals[0];
  if (!isForm(form)) throw new AppError('INVALID_INPUT', `Không có biểu mẫu "${form ?? ''}" (plan, contents, handover-list, handover-record).`, `unknown form ${form}`);
  if (p.positionals.length > (form === 'contents' ? 2 : 1)) throw new AppError('INVALID_INPUT', `Thừa tham số: ${p.positionals.join(' ')}.`, `extra arguments ${p.positionals.join(' ')}`);
  const out = optional(p, 'out');
  return withProfile(p, async (profile) => {
    const request = formRequest(profile, form, p);
    const { printForm, savePrintedForm } = await import('../../archive/print-form.ts');
    const printed = await printForm(profile, request, profile.clock.now(), programResources().fonts);
    const saved = savePrintedForm(profile, out ? resolve(out) : join(profile.paths.exports, printed.fileName), printed);
    return { json: { fileName: printed.fileName, ...saved }, text: `Đã in ${FORM_LABEL[form]} ra ${saved.path} (${saved.bytes} byte).` };
  });
}

function problemLines(report: PackageReport): string[] {
  return report.problems.map((x) => `${x.severity === 'error' ? 'Lỗi' : 'Cảnh báo'}: ${x.path}: ${x.messageVi}`);
}

function reportText(report: PackageReport): string {
  const summary = report.ok
    ? `Gói nộp lưu hợp lệ: ${report.files} hồ sơ, ${report.documents} văn bản, ${report.checkedFiles} tệp khớp mã băm SHA-256.`
    : `Gói nộp lưu có lỗi (${report.problems.filter((x) => x.severity === 'error').length}): ${report.files} hồ sơ, ${report.documents} văn bản, ${report.checkedFiles} tệp khớp mã băm SHA-256.`;
  return [summary, ...problemLines(report)].join('\n');
}

// `vanthu records package --handover N --out DIR`: the handover's electronic package, written
// whole into DIR (which must not exist) and verified at once. Exit 1 when that check fails.
export async function recordsPackage(args: string[]): Promise<CommandResult> {
  const p = parse(args, { handover: { type: 'string' }, out: { type: 'string' } });
  const handoverId = requiredInteger(p, 'handover');
  const dir = resolve(required(p, 'out'));
  return withProfile(p, async (profile) => {
    const { writePackageOfHandover } = await import('../../archive/handover-package.ts');
    const written = await writePackageOfHandover(profile, handoverId, dir, programResources().fonts);
    const text = [
      `Đã lập gói nộp lưu tại ${dir}: ${written.fileCount} hồ sơ, ${written.documentCount} văn bản.`,
      `Mã băm SHA-256 của bảng băm (dấu vân tay của gói): ${written.manifestSha256}`,
      reportText(written.verification),
    ].join('\n');
    return { json: written, text, exitCode: written.verification.ok ? 0 : 1 };
  });
}

// `vanthu records verify-package DIR [--json]`: any package folder, checked as the archive
// checks it; no profile needed. Exit 0 when it holds no error, 1 when it does, each problem
// printed in Vietnamese.
export async function recordsVerifyPackage(args: string[]): Promise<CommandResult> {
  const p = parse(args, {}, true);
  const [dir, ...extra] = p.positionals;
  if (!dir || extra.length > 0) throw new AppError('INVALID_INPUT', 'Cần đúng một thư mục gói nộp lưu.', 'expected one package folder');
  const path = resolve(dir);
  if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw new AppError('INVALID_INPUT', `Không có thư mục ${dir}.`, `not a folder: ${path}`);
  const { verifyHandoverPackage } = await import('../../archive/package/verify-package.ts');
  const report = await verifyHandoverPackage(path);
  return { json: report, text: reportText(report), exitCode: report.ok ? 0 : 1 };
}
