import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { signingSettingsInput } from '../../../shared/api/schemas/signing.ts';
import { parseOrThrow } from '../../../shared/api/validation.ts';
import { AppError } from '../../../shared/errors.ts';
import { publicSettings, saveSigningSettings, signingSettingsOf } from '../../signing/signing-settings.ts';
import { optional, parse, type Parsed } from '../args.ts';
import { type CommandResult, withProfile } from '../context.ts';

function many(p: Parsed, name: string): string[] | undefined {
  const v = (p.values as Record<string, unknown>)[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').map((x) => resolve(x)) : undefined;
}

function pngBase64(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  try {
    return readFileSync(path).toString('base64');
  } catch (e) {
    throw new AppError('INVALID_INPUT', `Không đọc được tệp ảnh ${path}.`, `cannot read image ${path}: ${(e as Error).message}`);
  }
}

// `vanthu signing settings --profile DIR [--signature-image PNG] [--seal-image PNG] [--tsa URL|none]
// [--trust DIR]… [--module PATH]… [--seal-mm N]`: the profile's signing settings, which the
// issuance steps use (the images of the approval and agency signatures). Without options, shows them.
export async function signingSettings(args: string[]): Promise<CommandResult> {
  const p = parse(args, {
    'signature-image': { type: 'string' },
    'seal-image': { type: 'string' },
    tsa: { type: 'string' },
    trust: { type: 'string', multiple: true },
    module: { type: 'string', multiple: true },
    'seal-mm': { type: 'string' },
  });
  const tsa = optional(p, 'tsa');
  const sealMm = optional(p, 'seal-mm');
  const input = parseOrThrow(
    signingSettingsInput,
    {
      ...(many(p, 'module') ? { modulePaths: many(p, 'module') } : {}),
      ...(many(p, 'trust') ? { trustAnchorDirs: many(p, 'trust') } : {}),
      ...(tsa !== undefined ? { tsaUrl: tsa === 'none' ? null : tsa } : {}),
      ...(sealMm !== undefined ? { sealMm: Number(sealMm) } : {}),
      ...(optional(p, 'signature-image') ? { signatureImageBase64: pngBase64(optional(p, 'signature-image')) } : {}),
      ...(optional(p, 'seal-image') ? { sealImageBase64: pngBase64(optional(p, 'seal-image')) } : {}),
    },
    'signing settings',
  );
  return withProfile(p, (profile) => {
    const changed = Object.keys(input).length > 0;
    const s = changed ? saveSigningSettings(profile, input) : publicSettings(signingSettingsOf(profile));
    const text = [
      `Ảnh chữ ký: ${s.hasSignatureImage ? 'có' : 'chưa có'}; ảnh con dấu: ${s.hasSealImage ? 'có' : 'chưa có'} (${s.sealMm} mm)`,
      `Máy chủ dấu thời gian: ${s.tsaUrl ?? 'không dùng'}`,
      `Thư viện PKCS#11 thêm: ${s.modulePaths.join(', ') || 'không'}; thư mục chứng thư gốc: ${s.trustAnchorDirs.join(', ') || 'không'}`,
    ].join('\n');
    return { json: s, text: changed ? `Đã lưu cài đặt ký số.\n${text}` : text };
  });
}
