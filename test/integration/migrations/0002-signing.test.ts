import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/main/db/migrate.ts';
import { migration0001 } from '../../../src/main/db/migrations/0001-initial.ts';
import { migration0002 } from '../../../src/main/db/migrations/0002-signing.ts';
import { tempDatabase } from '../../support/temp-profile.ts';

describe('migration 0002-signing', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('adds the settings table and the revision link of stored files, keeping existing rows', () => {
    const { db, cleanup: done } = tempDatabase();
    cleanup = done;
    migrate(db, [migration0001]);
    db.prepare("INSERT INTO files (sha256, size, created_at) VALUES (?, 1, '2026-01-01')").run('a'.repeat(64));
    migrate(db, [migration0001, migration0002]);
    expect(schemaVersion(db)).toBe(2);
    const columns = (db.prepare('PRAGMA table_info(document_files)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(['revision_of', 'revision_kind']));
    expect(db.prepare('SELECT count(*) FROM files').pluck().get()).toBe(1);
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('signing', '{\"tsaUrl\":null}', 'now')").run();
    expect(() => db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('x', 'not json', 'now')").run()).toThrow(/CHECK constraint/);
    expect(() =>
      db.prepare("INSERT INTO document_files (document_id, sha256, name, added_at, revision_kind) VALUES (1, ?, 'a.pdf', 'now', 'stamp')").run('a'.repeat(64)),
    ).toThrow(/CHECK constraint/);
  });
});
