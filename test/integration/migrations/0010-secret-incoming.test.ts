import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/main/db/migrate.ts';
import { MIGRATIONS } from '../../../src/main/db/migrations/index.ts';
import { tempDatabase } from '../../support/temp-profile.ts';

describe('migration 0010-secret-incoming', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('keeps secret incoming documents in their own table, in a secret incoming series only, never in documents', () => {
    const { db, cleanup: done } = tempDatabase();
    cleanup = done;
    migrate(db, MIGRATIONS.slice(0, 9));
    db.exec(`INSERT INTO series (name, direction, secret, created_at) VALUES ('Sổ đến', 'incoming', 0, 'now'), ('Sổ mật đến', 'incoming', 1, 'now'), ('Sổ mật đi', 'outgoing', 1, 'now');
      INSERT INTO registers (series_id, year, created_at) VALUES (1, 2026, 'now'), (2, 2026, 'now'), (3, 2026, 'now');`);
    const ordinary = db.prepare('SELECT count(*) FROM documents').pluck().get();
    migrate(db, MIGRATIONS.slice(0, 10));
    expect(schemaVersion(db)).toBe(10);
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(ordinary);

    const secret = db.prepare(`INSERT INTO secret_incoming (register_id, year, number, arrival_date, secrecy, issuing_agency, code_number, code_notation,
        document_date, document_type, document_type_name, subject, created_at)
      VALUES (?, 2026, ?, '2026-01-05', ?, 'Công an tỉnh', '12', 'CAT-PV', '2026-01-04', 'cong-van', 'Công văn', 'Mật', 'now')`);
    secret.run(2, 1, 'mat');
    expect(() => secret.run(2, 1, 'toi-mat')).toThrow(/UNIQUE/);
    expect(() => secret.run(2, 2, 'bi-mat')).toThrow(/CHECK constraint/);
    // Only in the secret incoming series: not the ordinary one, not the secret outgoing one.
    expect(() => secret.run(1, 1, 'mat')).toThrow(/secret incoming series only/);
    expect(() => secret.run(3, 1, 'mat')).toThrow(/secret incoming series only/);
    expect(() => db.prepare('DELETE FROM secret_incoming').run()).toThrow(/never deleted/);
    expect(() => db.prepare('UPDATE secret_incoming SET number = 5').run()).toThrow(/never changes/);

    const doc = db.prepare(`INSERT INTO documents (register_id, direction, year, number, register_date, code_number, code_notation, document_date, document_type,
        document_type_name, subject, issuing_agency, created_at, updated_at)
      VALUES (?, 'incoming', 2026, 1, '2026-01-05', '12', 'CAT-PV', '2026-01-04', 'cong-van', 'Công văn', 'Thử', 'Công an tỉnh', 'now', 'now')`);
    expect(() => doc.run(2)).toThrow(/never in the ordinary documents table/);
    doc.run(1);
  });
});
