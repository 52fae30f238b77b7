import { resolve } from 'node:path';
import type { HubSettingsRecord } from '../../../shared/api/schemas/hub.ts';
import { AppError } from '../../../shared/errors.ts';
import { hubSettings, saveHubSettings } from '../../hub/hub-settings.ts';
import { fileKeyCipher } from '../../hub/secret-cipher.ts';
import { getAgencyProfile } from '../../registry/agency-repo.ts';
import { optional, parse, type Parsed } from '../args.ts';
import { type CommandResult, withProfile } from '../context.ts';

const MAX_SECRET_CHARS = 1000;

// The secret never comes from argv, where every user of the machine reads it in the process
// list: the first line of standard input.
async function readSecretFromStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += (chunk as Buffer).toString('utf8');
    const newline = text.search(/\r?\n/);
    if (newline >= 0) {
      text = text.slice(0, newline);
      break;
    }
    if (text.length > MAX_SECRET_CHARS + 2) break;
  }
  const secret = text.trim();
  if (secret === '') throw new AppError('INVALID_INPUT', 'Chưa nhập khóa bí mật trên dòng đầu của đầu vào chuẩn (stdin).', 'empty secret on stdin');
  return secret;
}

function paths(p: Parsed, name: string): string[] | undefined {
  const v = (p.values as Record<string, unknown>)[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').map((x) => resolve(x)) : undefined;
}

function describe(s: HubSettingsRecord, organId: string | null): string {
  return [
    `Trục liên thông: ${s.endpoint}`,
    `Mã hệ thống: ${s.systemId}; mã định danh cơ quan: ${organId ?? 'chưa khai báo'}`,
    `Khóa bí mật: ${s.hasSecret ? `đã lưu (${s.secretCipher})` : 'chưa có'}`,
    `Chứng thư CA: ${s.caCertificatePaths.join(', ') || 'không'}`,
    `Đồng bộ cuối ngày: ${s.scheduleTime ?? 'tắt'}${s.enabled ? '' : ' (liên thông tự động đang tắt)'}`,
  ].join('\n');
}

// `vanthu hub-config --profile DIR [--endpoint URL] [--system-id ID] [--secret-stdin] [--ca FILE]…
// [--schedule HH:mm|none] [--enabled yes|no]`: the profile's hub connection. Options not given
// keep their saved value (the first time, --endpoint, --system-id and --secret-stdin are needed);
// without any, shows it. The secret is sealed with the profile's key file (docs/sync.md).
export async function hubConfig(args: string[]): Promise<CommandResult> {
  const p = parse(args, {
    endpoint: { type: 'string' },
    'system-id': { type: 'string' },
    'secret-stdin': { type: 'boolean' },
    ca: { type: 'string', multiple: true },
    schedule: { type: 'string' },
    enabled: { type: 'string' },
  });
  const schedule = optional(p, 'schedule');
  const enabled = optional(p, 'enabled');
  if (enabled !== undefined && enabled !== 'yes' && enabled !== 'no') {
    throw new AppError('INVALID_INPUT', '--enabled phải là yes hoặc no.', `--enabled ${enabled}`);
  }
  const changes = {
    ...(optional(p, 'endpoint') !== undefined ? { endpoint: optional(p, 'endpoint') } : {}),
    ...(optional(p, 'system-id') !== undefined ? { systemId: optional(p, 'system-id') } : {}),
    ...(paths(p, 'ca') ? { caCertificatePaths: paths(p, 'ca') } : {}),
    ...(schedule !== undefined ? { scheduleTime: schedule === 'none' ? null : schedule } : {}),
    ...(enabled !== undefined ? { enabled: enabled === 'yes' } : {}),
    ...(p.values['secret-stdin'] === true ? { secret: await readSecretFromStdin() } : {}),
  };
  return withProfile(p, (profile) => {
    const organId = getAgencyProfile(profile)?.organId ?? null;
    const current = hubSettings(profile);
    if (Object.keys(changes).length === 0) {
      if (!current) return { json: null, text: 'Chưa cấu hình trục liên thông.' };
      return { json: { ...current, organId }, text: describe(current, organId) };
    }
    const base = current
      ? { endpoint: current.endpoint, systemId: current.systemId, caCertificatePaths: current.caCertificatePaths, scheduleTime: current.scheduleTime, enabled: current.enabled }
      : {};
    const saved = saveHubSettings(profile, { ...base, ...changes }, fileKeyCipher(profile.paths.root));
    return { json: { ...saved, organId }, text: `Đã lưu cấu hình trục liên thông.\n${describe(saved, organId)}` };
  });
}
