import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/main/db/migrate.ts';
import { migration0001 } from '../../../src/main/db/migrations/0001-initial.ts';
import { migration0002 } from '../../../src/main/db/migrations/0002-signing.ts';
import { migration0003 } from '../../../src/main/db/migrations/0003-issuance.ts';
import { tempDatabase } from '../../support/temp-profile.ts';

describe('migration 0003-issuance', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('adds the workflow tables with their rules, keeping existing rows', () => {
    const { db, cleanup: done } = tempDatabase();
    cleanup = done;
    migrate(db, [migration0001, migration0002]);
    db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('signing', '{}', 'now')").run();
    migrate(db, [migration0001, migration0002, migration0003]);
    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(1);

    const draft = (extra = '') =>
      db.prepare(`INSERT INTO issuances (source, document_type, document_type_name, subject, signer_name, created_at, updated_at${extra ? ', ' + extra.split('=')[0] : ''})
        VALUES ('import', 'quyet-dinh', 'Quyết định', 'Thử', 'Nguyễn Văn An', 'now', 'now'${extra ? ', ' + extra.split('=')[1] : ''})`).run();
    const id = Number(draft().lastInsertRowid);
    // A numbered state needs its register row; a void one its reason; JSON columns hold JSON.
    expect(() => db.prepare("UPDATE issuances SET state = 'numbered' WHERE id = ?").run(id)).toThrow(/CHECK constraint/);
    expect(() => db.prepare("UPDATE issuances SET state = 'void' WHERE id = ?").run(id)).toThrow(/CHECK constraint/);
    expect(() => draft("draft_json='{not json'")).toThrow(/CHECK constraint/);
    expect(() => draft("secrecy='bi-mat'")).toThrow(/CHECK constraint/);
    expect(() => db.prepare('DELETE FROM issuances WHERE id = ?').run(id)).toThrow(/never deleted/);

    // The outbox never takes a secret document, whatever the caller.
    db.exec(`INSERT INTO series (name, direction, created_at) VALUES ('Sổ đi', 'outgoing', 'now');
      INSERT INTO registers (series_id, year, created_at) VALUES (1, 2026, 'now');
      INSERT INTO documents (register_id, direction, year, number, register_date, code_number, code_notation, document_date, document_type,
        document_type_name, subject, issuing_agency, created_at, updated_at)
      VALUES (1, 'outgoing', 2026, 1, '2026-01-05', '01', 'QĐ-UBND', '2026-01-05', 'quyet-dinh', 'Quyết định', 'Thử', 'UBND', 'now', 'now');`);
    const secret = Number(draft("secrecy='mat'").lastInsertRowid);
    const queue = db.prepare("INSERT INTO outbox (document_id, issuance_id, recipient_name, organ_id, created_at, updated_at) VALUES (1, ?, 'Sở Nội vụ', ?, 'now', 'now')");
    expect(() => queue.run(secret, '000.00.01.H17')).toThrow(/secret document is never queued/);
    queue.run(id, '000.00.01.H17');
    expect(() => queue.run(id, '000.00.01.H17')).toThrow(/UNIQUE/);
    expect(() => db.prepare('DELETE FROM outbox').run()).toThrow(/never deleted/);
  });
});
