import type { OutputOf } from '../../shared/api/contract.ts';
import { integrityCheck } from '../db/integrity.ts';
import type { Profile } from '../profile/open-profile.ts';

// `vanthu db check` and the UI's "Kiểm tra dữ liệu": the whole database, the audit chain and
// every stored file against its hash.
export function checkProfile(profile: Profile): OutputOf<'db.check'> {
  const integrity = integrityCheck(profile.db, 'full');
  const audit = profile.audit.verify();
  const missing: string[] = [];
  const corrupt: string[] = [];
  let checked = 0;
  for (const f of profile.db.prepare('SELECT sha256, size FROM files').iterate() as IterableIterator<{ sha256: string; size: number }>) {
    checked++;
    const state = profile.blobs.check(f.sha256, f.size);
    if (state === 'missing') missing.push(f.sha256);
    if (state === 'corrupt') corrupt.push(f.sha256);
  }
  return {
    ok: integrity.length === 0 && audit.ok && missing.length === 0 && corrupt.length === 0,
    integrity,
    audit,
    files: { checked, missing, corrupt },
  };
}
