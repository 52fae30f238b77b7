import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/main/db/migrate.ts';
import { MIGRATIONS } from '../../../src/main/db/migrations/index.ts';
import { tempDatabase } from '../../support/temp-profile.ts';

const SHA = 'c'.repeat(64);

describe('migration 0006-crl-cache', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('adds the revocation list cache and the noted distribution points, with their rules', () => {
    const { db, cleanup: done } = tempDatabase();
    cleanup = done;
    migrate(db, MIGRATIONS.slice(0, 5));
    db.exec("INSERT INTO settings (key, value, updated_at) VALUES ('kept', '{}', 'now')");
    migrate(db, MIGRATIONS.slice(0, 6));
    expect(schemaVersion(db)).toBe(6);
    expect(db.prepare("SELECT value FROM settings WHERE key = 'kept'").pluck().get()).toBe('{}');

    const insert = db.prepare(`INSERT INTO crl_cache (url, issuer, this_update, next_update, crl_number, sha256, size, fetched_at, checked_at, failure_vi, failed_at)
      VALUES (?, 'CN=CA', '2026-01-05T00:00:00.000Z', NULL, ?, ?, ?, 'now', 'now', ?, ?)`);
    insert.run('http://crl.example.vn/ca.crl', '1f', SHA, 100, null, null);
    // One row per point; the hash, the size, the CRL number and the failure fields are checked.
    expect(() => insert.run('http://crl.example.vn/ca.crl', null, SHA, 100, null, null)).toThrow(/UNIQUE/);
    expect(() => insert.run('http://a/1.crl', null, 'C'.repeat(64), 100, null, null)).toThrow(/CHECK constraint/);
    expect(() => insert.run('http://a/2.crl', null, SHA.slice(1), 100, null, null)).toThrow(/CHECK constraint/);
    expect(() => insert.run('http://a/3.crl', null, SHA, 0, null, null)).toThrow(/CHECK constraint/);
    expect(() => insert.run('http://a/4.crl', '1F', SHA, 1, null, null)).toThrow(/CHECK constraint/);
    expect(() => insert.run('http://a/5.crl', null, SHA, 1, 'lỗi', null)).toThrow(/CHECK constraint/);
    insert.run('http://a/6.crl', null, SHA, 1, 'lỗi', 'now');

    db.prepare("INSERT INTO crl_sources (url, certificate, issuer, noted_at) VALUES ('http://a/6.crl', x'3000', x'3000', 'now')").run();
    expect(() => db.prepare("INSERT INTO crl_sources (url, certificate, issuer, noted_at) VALUES ('http://a/6.crl', x'30', NULL, 'now')").run()).toThrow(/NOT NULL|UNIQUE/);
  });
});
