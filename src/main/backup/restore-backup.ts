import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import * as tar from 'tar';
import { vietnamFileStamp } from '../../shared/domain/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { integrityCheck } from '../db/integrity.ts';
import { LATEST_SCHEMA_VERSION } from '../db/migrations/index.ts';
import { hashFile } from '../files/blob-store.ts';
import { fsyncDirectory, mapFsError } from '../files/durable-fs.ts';
import { profilePaths } from '../profile/profile-paths.ts';
import { backupManifest, type BackupManifest } from './manifest.ts';

const ALLOWED_ENTRY = /^(manifest\.json|vanthu\.db|files\/?|files\/[0-9a-f]{2}\/?|files\/[0-9a-f]{2}\/[0-9a-f]{64})$/;

function invalid(vi: string, en: string): AppError {
  return new AppError('BACKUP_INVALID', vi, en);
}

// Our backups are plain tar. node-tar would inflate a gzip stream on its own, so a small
// hostile file could fill the disk before any check; refuse it by its first bytes.
function refuseCompressed(archive: string): void {
  const head = Buffer.alloc(2);
  const fd = openSync(archive, 'r');
  try {
    readSync(fd, head, 0, 2, 0);
  } finally {
    closeSync(fd);
  }
  if (head[0] === 0x1f && head[1] === 0x8b) {
    throw invalid('Tệp không phải bản sao lưu VanThu.', `${archive} is gzip-compressed; backups are plain tar`);
  }
}

// Everything extracted reaches the disk before it replaces the profile.
function fsyncTree(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) fsyncTree(path);
    else {
      const fd = openSync(path, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
  }
  fsyncDirectory(dir);
}

// Unpacks and proves a backup before anything is replaced: only the entries a backup can hold
// are extracted (a hostile archive cannot write elsewhere), the manifest must parse, the database
// must match its hash and its schema version, pass integrity_check and not come from a newer
// VanThu, and every file must match its hash.
export function unpackBackup(archive: string, staging: string): BackupManifest {
  if (!existsSync(archive)) throw invalid(`Không tìm thấy tệp sao lưu ${archive}.`, `backup ${archive} not found`);
  refuseCompressed(archive);
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
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== manifest.schemaVersion) {
      throw invalid('Bản sao lưu bị hỏng: phiên bản dữ liệu không khớp.', `manifest schema ${manifest.schemaVersion}, database ${version}`);
    }
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
  fsyncTree(staging);
  return manifest;
}

// A restore replaces the folder under a running program's feet: refuse while any other
// connection has the database open (leaving WAL mode needs the only connection), and refuse a
// folder that is not a VanThu profile, so a mistyped --profile cannot move someone's documents.
function checkTarget(root: string): void {
  if (!existsSync(root)) return;
  const database = join(root, 'vanthu.db');
  if (!existsSync(database)) {
    if (readdirSync(root).length === 0) return;
    throw new AppError(
      'INVALID_INPUT',
      `Thư mục ${root} không phải thư mục dữ liệu VanThu (không có vanthu.db); không khôi phục vào đó.`,
      `restore target ${root} is not empty and holds no vanthu.db`,
    );
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(database, { fileMustExist: true });
    db.pragma('busy_timeout = 0');
    db.pragma('journal_mode = DELETE');
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw new AppError(
        'DB_BUSY',
        'Dữ liệu đang được mở trong một chương trình VanThu khác. Hãy đóng chương trình đó rồi khôi phục lại.',
        `${database} is open elsewhere: ${(e as Error).message}`,
      );
    }
    // A damaged current database is exactly when a restore is needed: it is moved aside as is.
  } finally {
    db?.close();
  }
}

export interface RestoreOutcome {
  readonly restoredFrom: string;
  readonly previousDataKeptAt: string | null;
  readonly manifest: BackupManifest;
  // Folders (backups, exports, logs) that could not be carried over and stayed in keptAt.
  readonly leftBehind: string[];
}

// Replaces the profile's database and files with a checked backup. Nothing is deleted: the
// current database and files move to "<profile>.before-restore-<time>", and the backups, exports
// and logs folders carry over into the restored profile. If the swap fails halfway, the current
// folder is put back. The database must be closed.
export function restoreBackup(profileDir: string, archive: string, now: Date = new Date()): RestoreOutcome {
  const paths = profilePaths(profileDir);
  const parent = dirname(paths.root);
  const staging = join(parent, `.${basename(paths.root)}.restore-${randomUUID()}`);
  try {
    checkTarget(paths.root);
    mkdirSync(parent, { recursive: true });
    const manifest = unpackBackup(archive, staging);
    const keptAt = existsSync(paths.root) ? join(parent, `${basename(paths.root)}.before-restore-${vietnamFileStamp(now)}`) : null;
    if (keptAt) renameSync(paths.root, keptAt);
    try {
      renameSync(staging, paths.root);
    } catch (e) {
      if (keptAt) renameSync(keptAt, paths.root);
      throw e;
    }
    const leftBehind: string[] = [];
    for (const carried of keptAt ? ['backups', 'exports', 'logs'] : []) {
      const from = join(keptAt as string, carried);
      if (!existsSync(from)) continue;
      try {
        renameSync(from, join(paths.root, carried));
      } catch {
        leftBehind.push(carried);
      }
    }
    fsyncDirectory(parent);
    const restoredFrom = existsSync(archive) ? archive : join(paths.backups, basename(archive));
    return { restoredFrom, previousDataKeptAt: keptAt, manifest, leftBehind };
  } catch (e) {
    throw mapFsError(e, paths.root);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
