import type { OutputOf } from '../../shared/api/contract.ts';
import { integrityCheck } from '../db/integrity.ts';
import type { Profile } from '../profile/open-profile.ts';
import { verifyAuditLog } from './verify-audit.ts';

// `vanthu db check` and the UI's "Kiểm tra dữ liệu": the whole database, the audit chain and
// every stored file against its hash.
// A damaged page can make any of these reads fail; that is a finding of the check, not a crash.
export async function checkProfile(profile: Profile): Promise<OutputOf<'db.check'>> {
  const integrity = integrityCheck(profile.db, 'full');
  let audit: OutputOf<'audit.verify'>;
  try {
    audit = await verifyAuditLog(profile);
  } catch (e) {
    audit = { ok: false, entries: 0, headSeq: null, headHash: null, firstBrokenSeq: null, problem: `audit log unreadable: ${(e as Error).message}` };
  }
  const missing: string[] = [];
  const corrupt: string[] = [];
  let checked = 0;
  try {
    for (const f of profile.db.prepare('SELECT sha256, size FROM files').iterate() as IterableIterator<{ sha256: string; size: number }>) {
      checked++;
      const state = profile.blobs.check(f.sha256, f.size);
      if (state === 'missing') missing.push(f.sha256);
      if (state === 'corrupt') corrupt.push(f.sha256);
    }
  } catch (e) {
    integrity.push(`file list unreadable: ${(e as Error).message}`);
  }
  return {
    ok: integrity.length === 0 && audit.ok && missing.length === 0 && corrupt.length === 0,
    integrity,
    audit,
    files: { checked, missing, corrupt },
  };
}
