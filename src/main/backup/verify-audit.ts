import { join } from 'node:path';
import type { AuditVerifyResult } from '../../shared/api/schemas/audit.ts';
import { listBackupFiles } from './list-backups.ts';
import { readBackupManifest } from './read-manifest.ts';
import type { Profile } from '../profile/open-profile.ts';

// How many of the newest backups anchor the chain: enough to span weeks of daily backups
// without reading every old archive on each check.
const ANCHOR_BACKUPS = 10;

// The hash chain shows any entry changed, removed or reordered among those present; what it
// cannot show from inside the database is the newest entries cut off the end. Each backup's
// manifest recorded the chain head (seq and hash) when it was made, outside the database: the
// chain must still hold that entry with that hash. Backups older than the last restore belong to
// the history the restore replaced and are not compared.
export async function verifyAuditLog(profile: Profile): Promise<AuditVerifyResult> {
  const chain = profile.audit.verify();
  if (!chain.ok) return chain;
  const lastRestore = profile.db
    .prepare("SELECT at FROM audit_log WHERE action = 'backup.restore' ORDER BY seq DESC LIMIT 1")
    .pluck()
    .get() as string | undefined;
  const hashAt = profile.db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck();
  for (const fileName of listBackupFiles(profile.paths.backups).slice(0, ANCHOR_BACKUPS)) {
    const manifest = await readBackupManifest(join(profile.paths.backups, fileName));
    const { headSeq, headHash } = manifest?.audit ?? { headSeq: null, headHash: null };
    if (!manifest || headSeq === null || headHash === null) continue;
    if (lastRestore && manifest.createdAt < lastRestore) continue;
    const hash = hashAt.get(headSeq) as string | undefined;
    if (hash === undefined) {
      return {
        ...chain,
        ok: false,
        firstBrokenSeq: (chain.headSeq ?? 0) + 1,
        problem: `entries ${(chain.headSeq ?? 0) + 1}..${headSeq} are missing: backup ${fileName} recorded entry ${headSeq}`,
      };
    }
    if (hash !== headHash) {
      return { ...chain, ok: false, firstBrokenSeq: headSeq, problem: `entry ${headSeq} differs from the one backup ${fileName} recorded` };
    }
  }
  return chain;
}
