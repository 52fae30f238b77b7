import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { TrustImportResult } from '../../../shared/api/schemas/trust-list.ts';
import { AppError } from '../../../shared/errors.ts';
import { ROLE_NAMES_VI } from '../../signing/trust/certificate-role.ts';
import { importTrustCertificates, removeTrustCertificate } from '../../signing/trust/profile-trust-list.ts';
import { programTrustList } from '../../signing/trust/profile-trust.ts';
import { trustListView } from '../../signing/trust/trust-list-view.ts';
import { parse, required } from '../args.ts';
import { type CommandResult, withProfile } from '../context.ts';

const day = (iso: string) => iso.slice(0, 10);

// `vanthu trust list --profile DIR`: the certificates the verifier trusts, by role, with the
// newest and what expired, and why anything was left out.
export async function trustList(args: string[]): Promise<CommandResult> {
  const p = parse(args, {});
  return withProfile(p, (profile) => {
    const v = trustListView(profile);
    const program = v.program.refused ? 'danh sách của chương trình BỊ TỪ CHỐI (tệp không khớp bản kê)' : `${v.program.name ?? ''} (${v.program.published ?? ''})`;
    const lines = [
      `Danh sách tin cậy: ${program}`,
      `${v.counts.root} chứng thư gốc, ${v.counts.intermediate} chứng thư trung gian, ${v.counts.timestamping} chứng thư dấu thời gian${v.counts.folder > 0 ? `, ${v.counts.folder} chứng thư từ thư mục của quản trị` : ''}; ${v.expired} đã hết hạn`,
      v.newest ? `Mới nhất: ${v.newest.subject} (từ ${day(v.newest.notBefore)})` : 'Danh sách trống.',
      ...v.certificates.map((c) => `  [${ROLE_NAMES_VI[c.role]}${c.origin === 'profile' ? ', do cơ quan thêm' : ''}] ${c.subject} — ${day(c.notBefore)}..${day(c.notAfter)} ${c.sha256}`),
      ...v.problems.map((x) => `Lưu ý: ${x}`),
    ];
    return { json: v, text: lines.join('\n') };
  });
}

function changeText(r: TrustImportResult, dryRun: boolean): string {
  return [
    `${dryRun ? 'Chạy thử' : r.applied ? 'Đã cập nhật danh sách tin cậy' : 'Không có gì thay đổi'}: thêm ${r.added.length}, gỡ ${r.removed.length}, đã có ${r.unchanged}, từ chối ${r.refused.length}.`,
    ...r.added.map((c) => `  + [${ROLE_NAMES_VI[c.role]}] ${c.subject} (${day(c.notBefore)}..${day(c.notAfter)})`),
    ...r.removed.map((c) => `  - [${ROLE_NAMES_VI[c.role]}] ${c.subject}`),
    ...r.refused.map((x) => `  ! ${x.file}${x.subject ? ` (${x.subject})` : ''}: ${x.messageVi}`),
  ].join('\n');
}

// `vanthu trust import --profile DIR FILE… [--replace] [--dry-run]`: adds the root, intermediate
// and timestamping certificates in the files (.cer, .crt, .pem, .p7b) to the profile's list; with
// --replace they become the whole of it (a newer bundle). --dry-run only says what would change.
export async function trustImport(args: string[]): Promise<CommandResult> {
  const p = parse(args, { replace: { type: 'boolean' }, 'dry-run': { type: 'boolean' } }, true);
  if (p.positionals.length === 0) throw new AppError('INVALID_INPUT', 'Cần ít nhất một tệp chứng thư (.cer, .crt, .pem, .p7b).', 'no file given');
  const files = p.positionals.map((f) => {
    try {
      return { name: basename(f), bytes: new Uint8Array(readFileSync(resolve(f))) };
    } catch (e) {
      throw new AppError('INVALID_INPUT', `Không đọc được tệp ${f}.`, `cannot read ${f}: ${(e as Error).message}`);
    }
  });
  const dryRun = p.values['dry-run'] === true;
  return withProfile(p, (profile) => {
    const result = importTrustCertificates(profile, files, { replace: p.values['replace'] === true, dryRun, program: programTrustList().entries });
    return { json: result, text: changeText(result, dryRun) };
  });
}

// `vanthu trust remove --profile DIR --sha256 HEX`: removes a certificate the profile added.
export async function trustRemove(args: string[]): Promise<CommandResult> {
  const p = parse(args, { sha256: { type: 'string' } });
  const sha256 = required(p, 'sha256').toLowerCase();
  return withProfile(p, (profile) => {
    const removed = removeTrustCertificate(profile, sha256);
    if (!removed) throw new AppError('NOT_FOUND', 'Chứng thư này không có trong danh sách tin cậy do cơ quan thêm.', `no profile trust certificate ${sha256}`);
    const result = { added: [], removed: [removed], unchanged: 0, refused: [], applied: true };
    return { json: result, text: changeText(result, false) };
  });
}
