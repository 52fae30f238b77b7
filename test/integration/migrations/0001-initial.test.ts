import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID } from '../../../src/main/db/application-id.ts';
import { migrate, schemaVersion } from '../../../src/main/db/migrate.ts';
import { migration0001 } from '../../../src/main/db/migrations/0001-initial.ts';
import { tempDatabase } from '../../support/temp-profile.ts';

describe('migration 0001-initial', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('creates the register tables, the audit chain and the search index on an empty database', () => {
    const { db, cleanup: done } = tempDatabase();
    cleanup = done;
    migrate(db, [migration0001]);
    expect(schemaVersion(db)).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    const objects = db.prepare("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as Array<{ type: string; name: string }>;
    const tables = objects.filter((o) => o.type === 'table').map((o) => o.name);
    expect(tables).toEqual(expect.arrayContaining(['agency_profile', 'units', 'series', 'registers', 'documents', 'files', 'document_files', 'audit_log', 'documents_fts']));
    const triggers = objects.filter((o) => o.type === 'trigger').map((o) => o.name);
    expect(triggers.sort()).toEqual(
      ['audit_log_no_delete', 'audit_log_no_update', 'document_files_never_deleted', 'documents_never_deleted', 'documents_number_fixed', 'files_never_deleted'].sort(),
    );
    const documentColumns = (db.prepare('PRAGMA table_info(documents)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(documentColumns).toEqual(expect.arrayContaining(['register_id', 'number', 'code_number', 'code_notation', 'subject', 'priority', 'due_date', 'status', 'void_reason', 'processing_status']));
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'documents_fts'").pluck().get()).toMatch(/remove_diacritics 2/);
  });

  it('makes tables STRICT, so a wrong type is refused by SQLite itself', () => {
    const { db, cleanup: done } = tempDatabase();
    cleanup = done;
    migrate(db, [migration0001]);
    expect(() => db.prepare("INSERT INTO units (name, abbreviation, position) VALUES ('A', 'B', 'not a number')").run()).toThrow(/cannot store TEXT value in INTEGER column/);
  });
});
