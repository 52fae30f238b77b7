import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import { createBackup } from '../../backup/create-backup.ts';
import { restoreProfile } from '../../backup/restore-profile.ts';
import { systemClock } from '../../registry/clock.ts';
import { checkProfile } from '../../backup/check-profile.ts';
import { verifyAuditLog } from '../../backup/verify-audit.ts';
import { integer, optional, parse, required } from '../args.ts';
import { type CommandResult, withProfile } from '../context.ts';

export async function backup(args: string[]): Promise<CommandResult> {
  const p = parse(args, { out: { type: 'string' } });
  const out = optional(p, 'out');
  return withProfile(p, async (profile) => {
    const record = await createBackup(profile, out ? resolve(out) : undefined);
    return { json: record, text: `Đã sao lưu ${record.documents} văn bản và ${record.files} tệp vào ${record.path} (${record.bytes} byte).` };
  });
}

export async function restore(args: string[]): Promise<CommandResult> {
  const p = parse(args, { from: { type: 'string' } });
  const outcome = restoreProfile(required(p, 'profile'), resolve(required(p, 'from')), systemClock);
  const kept = outcome.previousDataKeptAt ? ` Dữ liệu trước đó được giữ tại ${outcome.previousDataKeptAt}.` : '';
  return {
    json: { restoredFrom: outcome.restoredFrom, previousDataKeptAt: outcome.previousDataKeptAt, documents: outcome.manifest.documents, leftBehind: outcome.leftBehind },
    text: `Đã khôi phục ${outcome.manifest.documents} văn bản từ ${outcome.restoredFrom}.${kept}`,
  };
}

export async function auditVerify(args: string[]): Promise<CommandResult> {
  const p = parse(args, {});
  return withProfile(p, async (profile) => {
    const result = await verifyAuditLog(profile);
    if (!result.ok) {
      throw new AppError(
        'INTERNAL',
        `Nhật ký bị sửa hoặc hỏng từ mục ${result.firstBrokenSeq}: ${result.problem}. Hãy khôi phục từ bản sao lưu và báo cho người phụ trách.`,
        `audit chain broken at ${result.firstBrokenSeq}: ${result.problem}`,
        result,
      );
    }
    return { json: result, text: `Nhật ký toàn vẹn: ${result.entries} mục, mục cuối #${result.headSeq} (${result.headHash?.slice(0, 16)}…).` };
  });
}

export async function auditList(args: string[]): Promise<CommandResult> {
  const p = parse(args, { limit: { type: 'string' }, entity: { type: 'string' }, id: { type: 'string' } });
  return withProfile(p, (profile) => {
    const entries = profile.audit.list({ entityType: optional(p, 'entity'), entityId: optional(p, 'id'), limit: integer(p, 'limit') ?? 50 });
    return { json: entries, text: entries.map((e) => `#${e.seq}\t${e.at}\t${e.actor}\t${e.action}\t${e.entityType}:${e.entityId ?? ''}`).join('\n') };
  });
}

export async function dbCheck(args: string[]): Promise<CommandResult> {
  const p = parse(args, {});
  return withProfile(p, async (profile) => {
    const result = await checkProfile(profile);
    if (!result.ok) {
      throw new AppError(
        'DB_CORRUPT',
        'Kiểm tra phát hiện lỗi dữ liệu (chi tiết bên dưới). Hãy khôi phục từ bản sao lưu gần nhất: vanthu restore --profile … --from ….',
        `check failed: integrity=${result.integrity.length} audit=${result.audit.ok} missing=${result.files.missing.length} corrupt=${result.files.corrupt.length}`,
        result,
      );
    }
    return { json: result, text: `Dữ liệu toàn vẹn: cơ sở dữ liệu ổn, nhật ký ${result.audit.entries} mục, ${result.files.checked} tệp đúng mã kiểm tra.` };
  });
}
