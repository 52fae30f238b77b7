import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Db, readTransaction, writeTransaction } from '../../db/connection.ts';
import { statement } from '../../db/statements.ts';
import { fsyncDirectory, writeFileDurably } from '../../files/durable-fs.ts';
import { type Clock, timestamp } from '../../registry/clock.ts';
import { type CheckedCrl, isNewer } from './crl-check.ts';

// The revocation lists kept in the profile, for the verifier and the signer offline. Each list is
// a file crls/<sha256>.crl beside the database, written durably (temporary name, fsync, rename,
// fsync of the folder) before the crl_cache row that names it commits; the row records where it
// came from, its issue and next-update times, cRLNumber, size and hash. A list replaced by a newer
// one is deleted once no row names it: lists are large and re-issued daily, and the fetched copy
// can always be fetched again (so they are not part of a backup either).
//
// Only the database is needed to find them (the folder is the database's), so any context that
// holds the profile's connection will do, a RegistryContext as well as a Profile.

export interface CrlContext {
  readonly db: Db;
  readonly clock: Clock;
}

export interface CachedCrlRow {
  readonly url: string;
  readonly issuer: string;
  readonly thisUpdate: string;
  readonly nextUpdate: string | null;
  readonly crlNumber: string | null;
  readonly sha256: string;
  readonly size: number;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly fetchedAt: string;
  readonly checkedAt: string;
  readonly failureVi: string | null;
  readonly failureDetail: string | null;
  readonly failedAt: string | null;
}

export type StoreOutcome = 'fetched' | 'unchanged' | 'older';

export interface HttpValidators {
  readonly etag: string | null;
  readonly lastModified: string | null;
}

// A temporary file left by a crash is old; one younger than this may be another process's write.
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

const COLUMNS = `url, issuer, this_update AS thisUpdate, next_update AS nextUpdate, crl_number AS crlNumber, sha256, size, etag,
  last_modified AS lastModified, fetched_at AS fetchedAt, checked_at AS checkedAt, failure_vi AS failureVi,
  failure_detail AS failureDetail, failed_at AS failedAt`;

export function crlFolderOf(db: Db): string {
  return join(dirname(db.name), 'crls');
}

function fileOf(db: Db, sha256: string): string {
  return join(crlFolderOf(db), `${sha256}.crl`);
}

export function cachedCrlRows(ctx: CrlContext): CachedCrlRow[] {
  return statement(ctx.db, `SELECT ${COLUMNS} FROM crl_cache ORDER BY issuer, url`).all() as CachedCrlRow[];
}

function rowOf(db: Db, url: string): CachedCrlRow | null {
  return (statement(db, `SELECT ${COLUMNS} FROM crl_cache WHERE url = ?`).get(url) as CachedCrlRow | undefined) ?? null;
}

export function cachedCrlRow(ctx: CrlContext, url: string): CachedCrlRow | null {
  return rowOf(ctx.db, url);
}

// The file is there with its size. Its content is not hashed on every read: the verifier checks
// each list's signature against its issuer's key, which any damage breaks, and a list that does
// not verify is ignored (and fetched again at the next refresh, since it no longer counts here).
export function crlFileIntact(ctx: CrlContext, row: Pick<CachedCrlRow, 'sha256' | 'size'>): boolean {
  try {
    const stat = statSync(fileOf(ctx.db, row.sha256));
    return stat.isFile() && stat.size === row.size;
  } catch {
    return false;
  }
}

// Every cached list (DER), once each, for the verifier and the signer. A missing file (a restored
// backup, which does not carry them; a folder cleaned by hand) is skipped.
export function cachedCrls(ctx: CrlContext): Uint8Array[] {
  const hashes = readTransaction(ctx.db, () => statement(ctx.db, 'SELECT DISTINCT sha256, size FROM crl_cache ORDER BY sha256').all() as Array<{ sha256: string; size: number }>);
  const out: Uint8Array[] = [];
  for (const row of hashes) {
    try {
      const bytes = readFileSync(fileOf(ctx.db, row.sha256));
      if (bytes.length === row.size) out.push(new Uint8Array(bytes));
    } catch {
      continue;
    }
  }
  return out;
}

function ensureFolder(db: Db): string {
  const folder = crlFolderOf(db);
  if (!existsSync(folder)) {
    mkdirSync(folder, { recursive: true });
    fsyncDirectory(dirname(folder));
  }
  return folder;
}

// The file of this hash is there with this content. A refresh has just downloaded the list, so
// reading the kept copy once more costs little, and a damaged copy of the right size is caught
// here instead of being confirmed "unchanged" at every refresh.
function crlFileHolds(ctx: CrlContext, sha256: string): boolean {
  try {
    return createHash('sha256').update(readFileSync(fileOf(ctx.db, sha256))).digest('hex') === sha256;
  } catch {
    return false;
  }
}

function writeCrlFile(ctx: CrlContext, crl: CheckedCrl): void {
  if (crlFileHolds(ctx, crl.sha256)) return;
  const folder = ensureFolder(ctx.db);
  writeFileDurably(fileOf(ctx.db, crl.sha256), crl.der, join(folder, `.tmp-${randomUUID()}`));
}

function removeIfUnreferenced(ctx: CrlContext, sha256: string): void {
  const named = statement(ctx.db, 'SELECT count(*) FROM crl_cache WHERE sha256 = ?').pluck().get(sha256) as number;
  if (named === 0) rmSync(fileOf(ctx.db, sha256), { force: true });
}

// `wrote`: this refresh has already written the file of `crl` (so a row naming the same hash
// finds it there, and is still being restored, not left unchanged).
function decide(ctx: CrlContext, before: CachedCrlRow | null, crl: CheckedCrl, wrote: boolean): StoreOutcome {
  if (!before) return 'fetched';
  if (before.sha256 === crl.sha256) return wrote || !crlFileHolds(ctx, before.sha256) ? 'fetched' : 'unchanged';
  // A row whose file is gone holds nothing: whatever valid list arrives is better.
  if (!crlFileIntact(ctx, before)) return 'fetched';
  return isNewer({ thisUpdate: crl.thisUpdate.toISOString(), crlNumber: crl.crlNumber }, before) ? 'fetched' : 'older';
}

const OLDER_VI = 'máy chủ trả về danh sách cũ hơn bản đã lưu; vẫn dùng bản đã lưu';

// Keeps `crl` for `url` unless the list cached there is the same or newer. The decision is taken
// again inside the write transaction, so a refresh running at the same time in another process
// (the CLI beside the app) cannot put an older list over a newer one.
export function storeCrl(ctx: CrlContext, url: string, crl: CheckedCrl, http: HttpValidators): StoreOutcome {
  const first = decide(ctx, rowOf(ctx.db, url), crl, false);
  if (first === 'fetched') writeCrlFile(ctx, crl);
  const at = timestamp(ctx.clock);
  const { outcome, replaced } = writeTransaction(ctx.db, (): { outcome: StoreOutcome; replaced: string | null } => {
    const before = rowOf(ctx.db, url);
    const outcome = decide(ctx, before, crl, first === 'fetched');
    if (outcome === 'unchanged') {
      statement(ctx.db, 'UPDATE crl_cache SET checked_at = ?, etag = ?, last_modified = ?, failure_vi = NULL, failure_detail = NULL, failed_at = NULL WHERE url = ?').run(at, http.etag, http.lastModified, url);
      return { outcome, replaced: null };
    }
    if (outcome === 'older') {
      const detail = `served CRL issued ${crl.thisUpdate.toISOString()} (number ${crl.crlNumber ?? 'none'}), cached one issued ${before?.thisUpdate} (number ${before?.crlNumber ?? 'none'})`;
      statement(ctx.db, 'UPDATE crl_cache SET failure_vi = ?, failure_detail = ?, failed_at = ? WHERE url = ?').run(OLDER_VI, detail, at, url);
      return { outcome, replaced: null };
    }
    // Rare: another process changed the row since the first look, and the file is not written yet.
    if (first !== 'fetched') writeCrlFile(ctx, crl);
    statement(
      ctx.db,
      `INSERT INTO crl_cache (url, issuer, this_update, next_update, crl_number, sha256, size, etag, last_modified, fetched_at, checked_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(url) DO UPDATE SET issuer = excluded.issuer, this_update = excluded.this_update, next_update = excluded.next_update,
         crl_number = excluded.crl_number, sha256 = excluded.sha256, size = excluded.size, etag = excluded.etag,
         last_modified = excluded.last_modified, fetched_at = excluded.fetched_at, checked_at = excluded.checked_at,
         failure_vi = NULL, failure_detail = NULL, failed_at = NULL`,
    ).run(url, crl.issuer, crl.thisUpdate.toISOString(), crl.nextUpdate?.toISOString() ?? null, crl.crlNumber, crl.sha256, crl.der.length, http.etag, http.lastModified, at, at);
    return { outcome, replaced: before && before.sha256 !== crl.sha256 ? before.sha256 : null };
  });
  if (replaced) removeIfUnreferenced(ctx, replaced);
  // A file written for a decision another process overtook is not left behind.
  if (first === 'fetched' && outcome !== 'fetched') removeIfUnreferenced(ctx, crl.sha256);
  return outcome;
}

// The server answered 304 Not Modified to the validators of the cached copy.
export function confirmCrl(ctx: CrlContext, url: string): void {
  writeTransaction(ctx.db, () =>
    statement(ctx.db, 'UPDATE crl_cache SET checked_at = ?, failure_vi = NULL, failure_detail = NULL, failed_at = NULL WHERE url = ?').run(timestamp(ctx.clock), url),
  );
}

// A refresh of a cached point failed: the list stays, and the row says what went wrong.
export function recordCrlFailure(ctx: CrlContext, url: string, reasonVi: string, detail: string): void {
  writeTransaction(ctx.db, () =>
    statement(ctx.db, 'UPDATE crl_cache SET failure_vi = ?, failure_detail = ?, failed_at = ? WHERE url = ?').run(reasonVi, detail, timestamp(ctx.clock), url),
  );
}

// Removes what a crash or an overtaken write left in the folder: temporary files, and lists no row
// names, once they are old enough not to be another process's write in progress.
export function sweepCrlFolder(ctx: CrlContext): void {
  const folder = crlFolderOf(ctx.db);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  const named = new Set(statement(ctx.db, 'SELECT sha256 FROM crl_cache').pluck().all() as string[]);
  const cutoff = Date.now() - ABANDONED_AFTER_MS;
  for (const name of names) {
    const listed = /^([0-9a-f]{64})\.crl$/.exec(name);
    if (listed && named.has(listed[1]!)) continue;
    if (!listed && !name.startsWith('.tmp-')) continue;
    const path = join(folder, name);
    try {
      if (statSync(path).mtimeMs < cutoff) rmSync(path, { force: true });
    } catch {
      continue;
    }
  }
}
