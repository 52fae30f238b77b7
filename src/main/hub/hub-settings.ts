import { z } from 'zod';
import { AppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import { timestamp } from '../registry/clock.ts';
import type { RegistryContext } from '../registry/context.ts';
import { hubSettingsInput } from './hub-settings-input.ts';
import type { SecretCipher } from './secret-cipher.ts';

// The profile's connection to the hub: one JSON row in `settings` (key 'hub'), so a backup
// carries it. The secret is stored only encrypted, as {cipher, blob}; it never reaches the
// audit log, the public settings or a log line.

const storedSecret = z.object({ cipher: z.string().min(1), blob: z.string().min(1) });
const stored = z.object({
  endpoint: z.string(),
  systemId: z.string(),
  organId: z.string(),
  caCertificatePaths: z.array(z.string()).default([]),
  scheduleTime: z.string().nullable().default('17:00'),
  enabled: z.boolean().default(true),
  secret: storedSecret.nullable().default(null),
});
type Stored = z.infer<typeof stored>;

export interface HubSettings {
  readonly endpoint: string;
  readonly systemId: string;
  readonly organId: string;
  readonly caCertificatePaths: readonly string[];
  readonly scheduleTime: string | null;
  readonly enabled: boolean;
  readonly hasSecret: boolean;
  // The SecretCipher kind the secret was stored with (e.g. Electron safeStorage or the file key).
  readonly secretCipher: string | null;
}

function read(ctx: RegistryContext): Stored | null {
  const raw = statement(ctx.db, "SELECT value FROM settings WHERE key = 'hub'").pluck().get() as string | undefined;
  return raw ? stored.parse(JSON.parse(raw)) : null;
}

function publicSettings(s: Stored): HubSettings {
  return {
    endpoint: s.endpoint,
    systemId: s.systemId,
    organId: s.organId,
    caCertificatePaths: s.caCertificatePaths,
    scheduleTime: s.scheduleTime,
    enabled: s.enabled,
    hasSecret: s.secret !== null,
    secretCipher: s.secret?.cipher ?? null,
  };
}

// Null until the clerk has configured the hub.
export function hubSettings(ctx: RegistryContext): HubSettings | null {
  const s = read(ctx);
  return s ? publicSettings(s) : null;
}

export function saveHubSettings(ctx: RegistryContext, input: z.input<typeof hubSettingsInput>, cipher: SecretCipher): HubSettings {
  const parsed = hubSettingsInput.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('INVALID_INPUT', first?.message ?? 'Cấu hình trục liên thông không hợp lệ.', `invalid hub settings: ${first?.path.join('.') ?? '?'}`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  const { secret, ...rest } = parsed.data;
  // Encrypt before the transaction: safeStorage may prompt or fail, and must not hold the lock.
  const encrypted = secret === undefined ? undefined : { cipher: cipher.kind, blob: cipher.encrypt(secret).toString('base64') };
  const after = writeTransaction(ctx.db, (): Stored => {
    const current = read(ctx);
    const nextSecret = encrypted ?? current?.secret ?? null;
    if (nextSecret === null) {
      throw new AppError('INVALID_INPUT', 'Cần nhập khóa bí mật do trục liên thông cấp.', 'hub settings saved without a secret');
    }
    const next: Stored = { ...rest, secret: nextSecret };
    statement(ctx.db, "INSERT INTO settings (key, value, updated_at) VALUES ('hub', ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at").run(
      JSON.stringify(next),
      timestamp(ctx.clock),
    );
    ctx.audit.append({
      action: 'settings.hub',
      entityType: 'settings',
      entityId: 'hub',
      details: { before: current ? publicSettings(current) : null, after: publicSettings(next), secretChanged: encrypted !== undefined },
    });
    return next;
  });
  return publicSettings(after);
}

export function hubSecret(ctx: RegistryContext, cipher: SecretCipher): string {
  const secret = read(ctx)?.secret;
  if (!secret) {
    throw new AppError('NOT_FOUND', 'Chưa cấu hình kết nối trục liên thông (mã hệ thống và khóa bí mật).', 'no hub secret stored');
  }
  if (secret.cipher !== cipher.kind) {
    throw new AppError(
      'NOT_FOUND',
      'Khóa bí mật kết nối trục được lưu bằng cách bảo vệ khác trên máy này (ứng dụng hoặc dòng lệnh). Hãy nhập lại khóa bí mật.',
      `hub secret stored with ${secret.cipher}, available cipher is ${cipher.kind}`,
    );
  }
  return cipher.decrypt(Buffer.from(secret.blob, 'base64'));
}
