import Database from 'better-sqlite3';
import { mapSqliteError } from './sqlite-errors.ts';

export type Db = Database.Database;

export interface OpenOptions {
  readonly readonly?: boolean;
  readonly fileMustExist?: boolean;
}

// One connection per process. synchronous=FULL makes every committed register write survive a
// power cut (in WAL mode NORMAL would lose the last transactions), which is what "acknowledged
// means durable" requires. The journal mode is set by useWal(), after the caller has checked
// that the file is ours: switching to WAL writes to the file.
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  let db: Db | undefined;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.fileMustExist ?? false });
    // The first statement reads the header: a file that is not SQLite fails here, not later.
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('trusted_schema = OFF');
    db.pragma('cache_size = -32000');
    // After a big write (an import, the search-index merge that follows it) the WAL file would
    // otherwise stay at its largest size on disk.
    db.pragma('journal_size_limit = 67108864');
    return db;
  } catch (e) {
    db?.close();
    throw mapSqliteError(e, path);
  }
}

// WAL lets the CLI read while the app writes, and a reader never blocks the writer.
export function useWal(db: Db): void {
  try {
    db.pragma('journal_mode = WAL');
  } catch (e) {
    throw mapSqliteError(e, db.name);
  }
}

// Write transactions take the write lock up front (BEGIN IMMEDIATE): a deferred transaction that
// reads first and writes later can fail with SQLITE_BUSY halfway when the CLI and the app write
// at the same time.
export function writeTransaction<T>(db: Db, fn: () => T): T {
  try {
    return db.transaction(fn).immediate();
  } catch (e) {
    throw mapSqliteError(e, db.name);
  }
}

export function readTransaction<T>(db: Db, fn: () => T): T {
  try {
    return db.transaction(fn).deferred();
  } catch (e) {
    throw mapSqliteError(e, db.name);
  }
}
