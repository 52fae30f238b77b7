import { basename } from 'node:path';
import { writeTransaction } from '../db/connection.ts';
import { openProfile } from '../profile/open-profile.ts';
import type { Clock } from '../registry/clock.ts';
import { type RestoreOutcome, restoreBackup } from './restore-backup.ts';

// The restore as the app and the CLI do it: swap in the checked backup, then record in the
// restored database's audit log where it came from, which state it holds (the backup's chain
// head) and where the replaced data was kept. The profile must not be open.
export function restoreProfile(dir: string, archive: string, clock: Clock): RestoreOutcome {
  const outcome = restoreBackup(dir, archive, clock.now());
  const profile = openProfile(dir, { clock });
  try {
    writeTransaction(profile.db, () =>
      profile.audit.append({
        action: 'backup.restore',
        entityType: 'backup',
        entityId: basename(outcome.restoredFrom),
        details: {
          restoredFrom: outcome.restoredFrom,
          backupCreatedAt: outcome.manifest.createdAt,
          backupAuditHead: outcome.manifest.audit,
          keptAt: outcome.previousDataKeptAt,
          leftBehind: outcome.leftBehind,
        },
      }),
    );
  } finally {
    profile.close();
  }
  return outcome;
}
