import { z } from 'zod';
import type { SigningSettings } from '../../shared/api/schemas/signing.ts';
import { signingSettingsInput } from '../../shared/api/schemas/signing.ts';
import { AppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import type { StoredBlob } from '../files/blob-store.ts';
import { statement } from '../db/statements.ts';
import { timestamp } from '../registry/clock.ts';
import type { RegistryContext } from '../registry/context.ts';
import { DEFAULT_SEAL_MM } from './placement/place-signature.ts';

// The signing settings of a profile, one JSON row in `settings`: kept in the database so that a
// backup carries them. The images are stored files referred to by their hash.
const stored = z.object({
  modulePaths: z.array(z.string()).default([]),
  tsaUrl: z.string().nullable().default(null),
  trustAnchorDirs: z.array(z.string()).default([]),
  sealMm: z.number().default(DEFAULT_SEAL_MM),
  signatureImage: z.string().nullable().default(null),
  sealImage: z.string().nullable().default(null),
});
type Stored = z.infer<typeof stored>;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function read(ctx: RegistryContext): Stored {
  const raw = statement(ctx.db, "SELECT value FROM settings WHERE key = 'signing'").pluck().get() as string | undefined;
  return stored.parse(raw ? JSON.parse(raw) : {});
}

export function signingSettingsOf(ctx: RegistryContext): Stored {
  return read(ctx);
}

export function publicSettings(s: Stored): SigningSettings {
  return {
    modulePaths: s.modulePaths,
    tsaUrl: s.tsaUrl,
    trustAnchorDirs: s.trustAnchorDirs,
    sealMm: s.sealMm,
    hasSignatureImage: s.signatureImage !== null,
    hasSealImage: s.sealImage !== null,
  };
}

// The image goes to the blob store before the transaction that refers to it, as attachments do;
// its `files` row makes backups and integrity checks include it.
function storeImage(ctx: RegistryContext, base64: string | null | undefined, current: string | null, what: { vi: string; en: string }, added: StoredBlob[]): string | null {
  if (base64 === undefined) return current;
  if (base64 === null) return null;
  const data = Buffer.from(base64, 'base64');
  if (data.length < 8 || !data.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new AppError('INVALID_INPUT', `Ảnh ${what.vi} phải là tệp PNG (nền trong suốt).`, `${what.en} image is not a PNG`);
  }
  const blob = ctx.blobs.put(data);
  added.push(blob);
  return blob.sha256;
}

export function saveSigningSettings(ctx: RegistryContext, input: z.output<typeof signingSettingsInput>): SigningSettings {
  const current = read(ctx);
  const added: StoredBlob[] = [];
  const next: Stored = {
    modulePaths: input.modulePaths ?? current.modulePaths,
    tsaUrl: input.tsaUrl === undefined ? current.tsaUrl : input.tsaUrl,
    trustAnchorDirs: input.trustAnchorDirs ?? current.trustAnchorDirs,
    sealMm: input.sealMm ?? current.sealMm,
    signatureImage: storeImage(ctx, input.signatureImageBase64, current.signatureImage, { vi: 'chữ ký', en: 'signature' }, added),
    sealImage: storeImage(ctx, input.sealImageBase64, current.sealImage, { vi: 'con dấu', en: 'seal' }, added),
  };
  writeTransaction(ctx.db, () => {
    const at = timestamp(ctx.clock);
    for (const blob of added) statement(ctx.db, 'INSERT OR IGNORE INTO files (sha256, size, created_at) VALUES (?, ?, ?)').run(blob.sha256, blob.size, at);
    statement(ctx.db, "INSERT INTO settings (key, value, updated_at) VALUES ('signing', ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at").run(
      JSON.stringify(next),
      at,
    );
    ctx.audit.append({ action: 'settings.signing', entityType: 'settings', entityId: 'signing', details: { ...next } });
  });
  return publicSettings(next);
}
