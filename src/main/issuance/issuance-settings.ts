import { z } from 'zod';
import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import { timestamp } from '../registry/clock.ts';
import type { RegistryContext } from '../registry/context.ts';

// The workflow's settings, one JSON row in `settings` (so a backup carries them). Secret
// drafting is off unless the agency has cleared this profile's machine for it.
const stored = z.object({ allowSecretDrafts: z.boolean().default(false) });
export type IssuanceSettings = z.infer<typeof stored>;

export function issuanceSettingsOf(ctx: RegistryContext): IssuanceSettings {
  const raw = statement(ctx.db, "SELECT value FROM settings WHERE key = 'issuance'").pluck().get() as string | undefined;
  return stored.parse(raw ? JSON.parse(raw) : {});
}

export function saveIssuanceSettings(ctx: RegistryContext, next: IssuanceSettings): IssuanceSettings {
  writeTransaction(ctx.db, () => {
    const before = issuanceSettingsOf(ctx);
    const at = timestamp(ctx.clock);
    statement(ctx.db, "INSERT INTO settings (key, value, updated_at) VALUES ('issuance', ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at").run(
      JSON.stringify(next),
      at,
    );
    ctx.audit.append({ action: 'settings.issuance', entityType: 'settings', entityId: 'issuance', details: { before, after: next } });
  });
  return issuanceSettingsOf(ctx);
}
