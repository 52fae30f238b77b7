import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/connection.ts';
import { migrate, schemaVersion } from '../../../src/main/db/migrate.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../src/main/db/migrations/index.ts';
import type { Migration } from '../../../src/main/db/migrations/migration.ts';
import { backupBeforeMigration, openProfile } from '../../../src/main/profile/open-profile.ts';
import { expectAppError } from '../../support/app-error.ts';
import { addIncoming } from '../../support/documents.ts';
import { newProfile, tempDir } from '../../support/temp-profile.ts';

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), '../../../src/main/db/migrations');

describe('migration runner', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('lists one file per migration, in order, each with a test', () => {
    const files = readdirSync(migrationsDir).filter((f) => /^\d{4}-.*\.ts$/.test(f) && !f.endsWith('.test.ts')).sort();
    expect(files).toEqual(MIGRATIONS.map((m) => `${String(m.version).padStart(4, '0')}-${m.name}.ts`));
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const tests = readdirSync(dirname(fileURLToPath(import.meta.url)));
    for (const f of files) expect(tests).toContain(f.replace(/\.ts$/, '.test.ts'));
  });

  it('refuses a database written by a newer VanThu and leaves it untouched', () => {
    const t = newProfile();
    addIncoming(t.profile);
    t.profile.db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    t.profile.close();
    cleanup = t.cleanup;
    const before = readFileSync(join(t.dir, 'vanthu.db'));
    const error = expectAppError(() => openProfile(t.dir), 'DB_NEWER_VERSION', /phiên bản VanThu mới hơn/);
    expect(error.messageVi).toContain(`lược đồ ${LATEST_SCHEMA_VERSION + 5}`);
    expect(readFileSync(join(t.dir, 'vanthu.db')).equals(before)).toBe(true);
  });

  it("never takes another program's database named vanthu.db for its own", () => {
    const t = tempDir();
    cleanup = t.cleanup;
    mkdirSync(join(t.dir, 'p'));
    const path = join(t.dir, 'p', 'vanthu.db');
    const foreign = new Database(path);
    foreign.exec("CREATE TABLE customers (name TEXT); INSERT INTO customers VALUES ('a')");
    foreign.close();
    const before = readFileSync(path);
    expectAppError(() => openProfile(join(t.dir, 'p')), 'DB_CORRUPT', /không phải dữ liệu của VanThu/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('applies pending migrations in one transaction: a failing one leaves the database as it was', () => {
    const t = tempDir();
    const db = openDatabase(join(t.dir, 'v.db'));
    cleanup = () => {
      db.close();
      t.cleanup();
    };
    const ok: Migration = { version: 1, name: 'a', up: (d) => d.exec('CREATE TABLE a (x INTEGER) STRICT') };
    const broken: Migration = { version: 2, name: 'b', up: (d) => d.exec('CREATE TABLE b (x INTEGER); SELECT * FROM missing_table') };
    expect(() => migrate(db, [ok, broken])).toThrow(/missing_table/);
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('a', 'b')").pluck().get()).toBe(0);
  });

  it('keeps a copy of an existing database before migrating it', () => {
    const t = newProfile();
    cleanup = t.cleanup;
    const doc = addIncoming(t.profile);
    expect(backupBeforeMigration(t.profile.db, t.profile.paths, t.profile.clock, LATEST_SCHEMA_VERSION)).toBeNull();
    const copy = backupBeforeMigration(t.profile.db, t.profile.paths, t.profile.clock, LATEST_SCHEMA_VERSION + 1);
    expect(copy).toMatch(new RegExp(`before-migration-v${LATEST_SCHEMA_VERSION}-.*\\.db$`));
    const db = new Database(copy as string, { readonly: true });
    try {
      expect(db.prepare('SELECT subject FROM documents WHERE id = ?').pluck().get(doc.id)).toBe(doc.subject);
    } finally {
      db.close();
    }
  });
});
