import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import { AppError } from '../../shared/errors.ts';
import { AuditLog } from '../audit/audit-log.ts';
import { type Db, openDatabase, useWal } from '../db/connection.ts';
import { LATEST_SCHEMA_VERSION, migrate, preflight, schemaVersion } from '../db/migrate.ts';
import { mapSqliteError } from '../db/sqlite-errors.ts';
import { BlobStore } from '../files/blob-store.ts';
import { fileLogger, type Logger } from '../log/logger.ts';
import { type Clock, systemClock, timestamp } from '../registry/clock.ts';
import type { RegistryContext } from '../registry/context.ts';
import { ensureProfileDirs, type ProfilePaths, profilePaths } from './profile-paths.ts';

export interface Profile extends RegistryContext {
  readonly paths: ProfilePaths;
  readonly logger: Logger;
  close(): void;
}

export interface OpenProfileOptions {
  readonly create?: boolean;
  readonly clock?: Clock;
  readonly actor?: string;
}

function defaultActor(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

// Before migrating a database that already holds data, keep a copy of it as it was: a migration
// bug must never cost the clerk a register.
export function backupBeforeMigration(db: Db, paths: ProfilePaths, clock: Clock, latest = LATEST_SCHEMA_VERSION): string | null {
  const version = schemaVersion(db);
  if (version === 0 || version >= latest) return null;
  db.pragma('wal_checkpoint(TRUNCATE)');
  const stamp = timestamp(clock).replace(/[:.]/g, '-');
  const copy = join(paths.backups, `before-migration-v${version}-${stamp}.db`);
  copyFileSync(paths.database, copy);
  return copy;
}

export function openProfile(dir: string, options: OpenProfileOptions = {}): Profile {
  const paths = profilePaths(dir);
  const clock = options.clock ?? systemClock;
  if (!options.create && !existsSync(paths.database)) {
    throw new AppError(
      'PROFILE_NOT_INITIALIZED',
      `Chưa có dữ liệu văn thư trong thư mục ${paths.root}. Hãy khởi tạo bằng "vanthu init".`,
      `no database at ${paths.database}`,
    );
  }
  ensureProfileDirs(paths);
  const db = openDatabase(paths.database);
  try {
    preflight(db);
    useWal(db);
    backupBeforeMigration(db, paths, clock);
    migrate(db);
  } catch (e) {
    db.close();
    throw mapSqliteError(e, paths.database);
  }
  const audit = new AuditLog(db, options.actor ?? defaultActor(), () => timestamp(clock));
  return {
    paths,
    db,
    audit,
    blobs: new BlobStore(paths.files, paths.tmp),
    clock,
    logger: fileLogger(paths.logs),
    close: () => {
      if (db.open) db.close();
    },
  };
}
