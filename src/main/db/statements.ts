import type { Statement } from 'better-sqlite3';
import type { Db } from './connection.ts';

const caches = new WeakMap<Db, Map<string, Statement>>();

// Prepared statements of the hot paths, kept per connection: preparing the same SQL on every
// registration costs time and native memory that piles up until garbage collection (an import of
// 20,000 rows grew to ~1 GB without the cache).
export function statement(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}
