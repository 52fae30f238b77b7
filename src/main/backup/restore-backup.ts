import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import * as tar from 'tar';
import { AppError } from '../../shared/errors.ts';
import { integrityCheck } from '../db/integrity.ts';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index.ts';
import { hashFile } from '../files/blob-store.ts';
import { fsyncDirectory } from '../files/durable-fs.ts';
import { profilePaths } from '../profile/profile-paths.ts';
import { backupManifest, type BackupManifest } from './manifest.ts';
import { vietnamFileStamp } from '../../shared/domain/dates.ts';

const ALLOWED_ENTRY = /^(manifest\.json|vanthu\.db|files\/?|files\/[0-9a-f]{2}\/?|files\/[0-9a-f]{2}\/[0-9a-f]{64})$/;

function invalid(vi: string, en: string): AppError {
  return new AppError('BACKUP_INVALID', vi, en);
}

// Unpacks and proves a backup before anything is replaced: only the entries a backup can hold
// are extracted (a hostile archive cannot write elsewhere), the manifest must parse, the database
// must match its hash, pass integrity_check and not come from a newer VanThu, and every file must
// match its hash. Returns the checked staging folder.
export function unpackBackup(archive: string, staging: string): BackupManifest {
  if (!existsSync(archive)) throw invalid(`Không tìm thấy tệp sao lưu ${archive}.`, `backup ${archive} not found`);
  mkdirSync(staging, { recursive: true });
  try {
    tar.extract({
      file: archive,
      cwd: staging,
      sync: true,
      strict: true,
      filter: (path, entry) => ALLOWED_ENTRY.test(path.replace(/^\.\//, '')) && ('type' in entry ? ['File', 'Directory'].includes(entry.type) : true),
    });
  } catch (e) {
    throw invalid('Tệp sao lưu bị hỏng hoặc không phải bản sao lưu VanThu.', `cannot extract ${archive}: ${(e as Error).message}`);
  }
  const manifestPath = join(staging, 'manifest.json');
  if (!existsSync(manifestPath)) throw invalid('Tệp không phải bản sao lưu VanThu (thiếu manifest.json).', 'manifest.json missing');
  let manifest: BackupManifest;
  try {
    manifest = backupManifest.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
  } catch (e) {
    throw invalid('Tệp không phải bản sao lưu VanThu hợp lệ.', `bad manifest: ${(e as Error).message}`);
  }
  if (manifest.schemaVersion > LATEST_SCHEMA_VERSION) {
    throw new AppError(
      'DB_NEWER_VERSION',
      'Bản sao lưu được tạo bởi phiên bản VanThu mới hơn. Hãy cài phiên bản mới hơn để khôi phục.',
      `backup schema ${manifest.schemaVersion} > ${LATEST_SCHEMA_VERSION}`,
    );
  }
  const dbPath = join(staging, 'vanthu.db');
  if (!existsSync(dbPath) || hashFile(dbPath) !== manifest.database.sha256) {
    throw invalid('Bản sao lưu bị hỏng: cơ sở dữ liệu không khớp mã kiểm tra.', 'database hash mismatch');
  }
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const problems = integrityCheck(db, 'full');
    if (problems.length > 0) throw invalid('Bản sao lưu bị hỏng: cơ sở dữ liệu không toàn vẹn.', `integrity: ${problems.join('; ')}`);
  } finally {
    db.close();
  }
  for (const f of manifest.files) {
    const p = join(staging, 'files', f.sha256.slice(0, 2), f.sha256);
    if (!existsSync(p) || statSync(p).size !== f.size || hashFile(p) !== f.sha256) {
      throw invalid('Bản sao lưu bị hỏng: thiếu hoặc sai tệp đính kèm.', `file ${f.sha256} missing or wrong in backup`);
    }
  }
  rmSync(manifestPath);
  return manifest;
}

export interface RestoreOutcome {
  readonly restoredFrom: string;
  readonly previousDataKeptAt: string;
  readonly manifest: BackupManifest;
}

// Replaces the profile's database and files with a checked backup. Nothing is deleted: the
// current database and files move to "<profile>.before-restore-<time>", and the backups, exports
// and logs folders carry over into the restored profile. The database must be closed.
export function restoreBackup(profileDir: string, archive: string, now: Date = new Date()): RestoreOutcome {
  const paths = profilePaths(profileDir);
  const parent = dirname(paths.root);
  const staging = join(parent, `.${basename(paths.root)}.restore-${randomUUID()}`);
  try {
    const manifest = unpackBackup(archive, staging);
    const stamp = vietnamFileStamp(now);
    const keptAt = join(parent, `${basename(paths.root)}.before-restore-${stamp}`);
    if (existsSync(paths.root)) {
      renameSync(paths.root, keptAt);
      renameSync(staging, paths.root);
      for (const carried of ['backups', 'exports', 'logs']) {
        const from = join(keptAt, carried);
        if (existsSync(from)) renameSync(from, join(paths.root, carried));
      }
    } else {
      renameSync(staging, paths.root);
      mkdirSync(keptAt, { recursive: true });
    }
    fsyncDirectory(parent);
    const restoredFrom = existsSync(archive) ? archive : join(paths.backups, basename(archive));
    return { restoredFrom, previousDataKeptAt: keptAt, manifest };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

export function listBackupFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((n) => n.endsWith('.vtbak')).sort().reverse();
}
