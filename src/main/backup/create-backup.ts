import { randomUUID } from 'node:crypto';
import { closeSync, copyFileSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as tar from 'tar';
import type { BackupRecord } from '../../shared/api/schemas/books.ts';
import { AppError } from '../../shared/errors.ts';
import { APP_VERSION } from '../program/app-version.ts';
import Database from 'better-sqlite3';
import { integrityCheck } from '../db/integrity.ts';
import { schemaVersion } from '../db/migrate.ts';
import { mapSqliteError } from '../db/sqlite-errors.ts';
import { hashFile } from '../files/blob-store.ts';
import { fsyncDirectory, mapFsError } from '../files/durable-fs.ts';
import { writeTransaction } from '../db/connection.ts';
import { timestamp } from '../registry/clock.ts';
import type { Profile } from '../profile/open-profile.ts';
import { BACKUP_EXTENSION, BACKUP_FORMAT, type BackupManifest } from './manifest.ts';
import { vietnamFileStamp } from '../../shared/domain/dates.ts';

export function defaultBackupName(now: Date): string {
  return `vanthu-${vietnamFileStamp(now)}${BACKUP_EXTENSION}`;
}

// A backup is one tar archive: manifest.json, a consistent snapshot of the database taken with
// SQLite's online backup API (the app keeps working meanwhile), and every attachment file the
// snapshot refers to. The snapshot passes integrity_check before it is kept, and the archive is
// written under a temporary name and renamed when complete, so a backup file that exists is whole.
export async function createBackup(profile: Profile, outPath?: string): Promise<BackupRecord> {
  const target = outPath ?? join(profile.paths.backups, defaultBackupName(profile.clock.now()));
  const staging = join(profile.paths.tmp, `backup-${randomUUID()}`);
  const tempArchive = join(dirname(target), `.${basename(target)}.${randomUUID()}.partial`);
  try {
    mkdirSync(join(staging, 'files'), { recursive: true });
    mkdirSync(dirname(target), { recursive: true });
    const snapshot = join(staging, 'vanthu.db');
    await profile.db.backup(snapshot);
    const described = describeSnapshot(profile, snapshot, staging);
    const manifest = { ...described, database: { sha256: hashFile(snapshot), size: statSync(snapshot).size } };
    writeFileSync(join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2));
    tar.create({ file: tempArchive, cwd: staging, sync: true, portable: true }, ['manifest.json', 'vanthu.db', 'files']);
    const fd = openSync(tempArchive, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tempArchive, target);
    fsyncDirectory(dirname(target));
    const record: BackupRecord = {
      fileName: basename(target),
      path: target,
      bytes: statSync(target).size,
      createdAt: manifest.createdAt,
      documents: manifest.documents,
      files: manifest.files.length,
    };
    recordBackup(profile, record, manifest);
    return record;
  } catch (e) {
    rmSync(tempArchive, { force: true });
    throw mapFsError(mapSqliteError(e, target), target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

// The backup exists and is whole at this point; failing to note it in the audit log (the database
// busy or full) must not report the backup itself as failed.
function recordBackup(profile: Profile, record: BackupRecord, manifest: BackupManifest): void {
  try {
    writeTransaction(profile.db, () =>
      profile.audit.append({
        action: 'backup.create',
        entityType: 'backup',
        entityId: record.fileName,
        details: { ...record, path: undefined, auditHead: manifest.audit, missingFiles: manifest.missingFiles },
      }),
    );
  } catch (e) {
    profile.logger.log('warn', 'backup.audit.failed', { detail: (e as Error).message });
  }
}

// Reads the snapshot (not the live database, which may have moved on) for what to include, and
// links each referenced file into the staging folder (a hard link costs no copy).
function describeSnapshot(profile: Profile, snapshot: string, staging: string): BackupManifest {
  // The snapshot inherits WAL mode from the live file; a backup must be one self-contained file.
  const db = new Database(snapshot, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    const problems = integrityCheck(db, 'full');
    if (problems.length > 0) {
      throw new AppError(
        'DB_CORRUPT',
        'Cơ sở dữ liệu hiện tại bị lỗi nên không tạo được bản sao lưu đáng tin cậy. Hãy khôi phục từ bản sao lưu gần nhất.',
        `backup snapshot failed integrity_check: ${problems.slice(0, 5).join('; ')}`,
      );
    }
    const files = db.prepare('SELECT sha256, size FROM files ORDER BY sha256').all() as Array<{ sha256: string; size: number }>;
    const missingFiles: string[] = [];
    const included: Array<{ sha256: string; size: number }> = [];
    for (const f of files) {
      const source = profile.blobs.pathOf(f.sha256);
      const dest = join(staging, 'files', f.sha256.slice(0, 2), f.sha256);
      mkdirSync(dirname(dest), { recursive: true });
      try {
        try {
          linkSync(source, dest);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw e;
          copyFileSync(source, dest);
        }
        included.push(f);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
        missingFiles.push(f.sha256);
      }
    }
    const agency = db.prepare('SELECT name, organ_id AS organId FROM agency_profile WHERE id = 1').get() as
      | { name: string; organId: string }
      | undefined;
    const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
      | { seq: number; hash: string }
      | undefined;
    const documents = (db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    return {
      format: BACKUP_FORMAT,
      formatVersion: 1,
      createdAt: timestamp(profile.clock),
      appVersion: APP_VERSION,
      schemaVersion: schemaVersion(db),
      agency: agency ?? null,
      documents,
      database: { sha256: '', size: 0 },
      files: included,
      missingFiles,
      audit: { headSeq: head?.seq ?? null, headHash: head?.hash ?? null },
    };
  } finally {
    db.close();
  }
}
