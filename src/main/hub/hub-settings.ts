import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { type HubSettingsRecord, hubSettingsInput } from '../../shared/api/schemas/hub.ts';
import { parseOrThrow } from '../../shared/api/validation.ts';
import { AppError, type FieldIssue } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import { timestamp } from '../registry/clock.ts';
import type { RegistryContext } from '../registry/context.ts';
import { FILE_KEY_CIPHER, type SecretCipher } from './secret-cipher.ts';

// The profile's connection to the hub: one JSON row in `settings` (key 'hub'), so a backup
// carries it. The secret is stored only encrypted, as {cipher, blob}; it never reaches the
// audit log, the public settings or a log line. The agency's organId is the agency profile's.

const storedSecret = z.object({ cipher: z.string().min(1), blob: z.string().min(1) });
// Rows written before the organId moved to the agency profile still carry one: zod drops it.
const stored = z.object({
  endpoint: z.string(),
  systemId: z.string(),
  caCertificatePaths: z.array(z.string()).default([]),
  scheduleTime: z.string().nullable().default('17:00'),
  enabled: z.boolean().default(true),
  secret: storedSecret.nullable().default(null),
});
type Stored = z.infer<typeof stored>;

export type HubSettings = HubSettingsRecord;

function read(ctx: RegistryContext): Stored | null {
  const raw = statement(ctx.db, "SELECT value FROM settings WHERE key = 'hub'").pluck().get() as string | undefined;
  return raw ? stored.parse(JSON.parse(raw)) : null;
}

function publicSettings(s: Stored): HubSettings {
  return {
    endpoint: s.endpoint,
    systemId: s.systemId,
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

const PEM_CERTIFICATE = '-----BEGIN CERTIFICATE-----';

// The CA files as the client will load them; a path that cannot be used is refused when saved,
// on its own line of the form, rather than at the first sync.
export function readCaCertificates(paths: readonly string[]): string[] {
  const issues: FieldIssue[] = [];
  const pems = paths.map((path, i) => {
    let text = '';
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      issues.push({ path: `caCertificatePaths.${i}`, message: `không đọc được tệp ${path}` });
      return '';
    }
    if (!text.includes(PEM_CERTIFICATE)) issues.push({ path: `caCertificatePaths.${i}`, message: `tệp ${path} không phải chứng thư dạng PEM` });
    return text;
  });
  if (issues.length > 0) {
    throw new AppError(
      'INVALID_INPUT',
      `Chứng thư CA của trục: ${issues.map((i) => i.message).join('; ')}.`,
      `unusable hub CA files: ${issues.map((i) => i.path).join(', ')}`,
      { issues },
    );
  }
  return pems;
}

export function saveHubSettings(ctx: RegistryContext, input: unknown, cipher: SecretCipher): HubSettings {
  const { secret, ...rest } = parseOrThrow(hubSettingsInput, input, 'hub settings');
  readCaCertificates(rest.caCertificatePaths);
  // Encrypt before the transaction: safeStorage may prompt or fail, and must not hold the lock.
  const encrypted = secret === undefined ? undefined : { cipher: cipher.kind, blob: cipher.encrypt(secret).toString('base64') };
  const after = writeTransaction(ctx.db, (): Stored => {
    const current = read(ctx);
    const nextSecret = encrypted ?? current?.secret ?? null;
    if (nextSecret === null) {
      throw new AppError('INVALID_INPUT', 'Cần nhập khóa bí mật do trục liên thông cấp.', 'hub settings saved without a secret', {
        issues: [{ path: 'secret', message: 'cần nhập khóa bí mật do trục cấp' }],
      });
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

// Where a secret sealed with this kind of cipher was entered, for the clerk.
function savedBy(kind: string): string {
  return kind === FILE_KEY_CIPHER ? 'dòng lệnh vanthu (hoặc trên máy không có kho khóa của hệ điều hành)' : 'ứng dụng VanThu trên máy tính';
}

// Whether `cipher` can open the stored secret (false also when there is none).
export function hubSecretReadable(ctx: RegistryContext, cipher: SecretCipher): boolean {
  return read(ctx)?.secret?.cipher === cipher.kind;
}

export function hubSecret(ctx: RegistryContext, cipher: SecretCipher): string {
  const secret = read(ctx)?.secret;
  if (!secret) {
    throw new AppError('NOT_FOUND', 'Chưa cấu hình kết nối trục liên thông (mã hệ thống và khóa bí mật).', 'no hub secret stored');
  }
  // The app seals the secret with Electron safeStorage, which the OS ties to the user's session
  // and to the app; the CLI cannot open it, and the app does not use the CLI's key file.
  if (secret.cipher !== cipher.kind) {
    throw new AppError(
      'NOT_FOUND',
      `Khóa bí mật kết nối trục được nhập ở ${savedBy(secret.cipher)}, nơi này không giải mã được. Hãy nhập lại khóa bí mật ở đây (khi đó nơi kia sẽ phải nhập lại).`,
      `hub secret stored with ${secret.cipher}, available cipher is ${cipher.kind}`,
      { storedCipher: secret.cipher, cipher: cipher.kind },
    );
  }
  return cipher.decrypt(Buffer.from(secret.blob, 'base64'));
}
