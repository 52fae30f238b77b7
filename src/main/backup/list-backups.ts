import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupRecord } from '../../shared/api/schemas/books.ts';
import type { Profile } from '../profile/open-profile.ts';
import { BACKUP_EXTENSION } from './manifest.ts';

export function listBackupFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith(BACKUP_EXTENSION))
    .sort()
    .reverse();
}

// Backups in the profile's backups folder, newest first. Counts come from the audit entry the
// backup wrote (reading them from the archive would mean scanning it to the end).
export function listBackups(profile: Profile): BackupRecord[] {
  const known = new Map<string, { documents: number; files: number; createdAt: string }>();
  const rows = profile.db
    .prepare("SELECT entity_id, details FROM audit_log WHERE action = 'backup.create' ORDER BY seq DESC LIMIT 1000")
    .all() as Array<{ entity_id: string; details: string }>;
  for (const r of rows) {
    const d = JSON.parse(r.details) as { documents?: number; files?: number; createdAt?: string };
    if (!known.has(r.entity_id)) known.set(r.entity_id, { documents: d.documents ?? 0, files: d.files ?? 0, createdAt: d.createdAt ?? '' });
  }
  return listBackupFiles(profile.paths.backups).map((fileName) => {
    const path = join(profile.paths.backups, fileName);
    const stat = statSync(path);
    const k = known.get(fileName);
    return {
      fileName,
      path,
      bytes: stat.size,
      createdAt: k?.createdAt || stat.mtime.toISOString(),
      documents: k?.documents ?? null,
      files: k?.files ?? null,
    };
  });
}
