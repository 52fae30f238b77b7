import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/main/db/migrate.ts';
import { migration0001 } from '../../../src/main/db/migrations/0001-initial.ts';
import { migration0002 } from '../../../src/main/db/migrations/0002-signing.ts';
import { migration0003 } from '../../../src/main/db/migrations/0003-issuance.ts';
import { migration0004 } from '../../../src/main/db/migrations/0004-secret-series-withdrawal.ts';
import { tempDatabase } from '../../support/temp-profile.ts';

const UP_TO_3 = [migration0001, migration0002, migration0003];

describe('migration 0004-secret-series-withdrawal', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('keeps every issuance, file and outbox row through the rebuild and lets a draft be withdrawn', () => {
    const { db, cleanup: done } = tempDatabase();
    cleanup = done;
    migrate(db, UP_TO_3);
    db.exec(`INSERT INTO series (name, direction, created_at) VALUES ('Sổ đi', 'outgoing', 'now');
      INSERT INTO registers (series_id, year, created_at) VALUES (1, 2026, 'now');
      INSERT INTO documents (register_id, direction, year, number, register_date, code_number, code_notation, document_date, document_type,
        document_type_name, subject, issuing_agency, created_at, updated_at)
      VALUES (1, 'outgoing', 2026, 1, '2026-01-05', '01', 'QĐ-UBND', '2026-01-05', 'quyet-dinh', 'Quyết định', 'Thử', 'UBND', 'now', 'now');
      INSERT INTO files (sha256, size, created_at) VALUES ('${'a'.repeat(64)}', 10, 'now');`);
    const insert = db.prepare(`INSERT INTO issuances (state, source, document_type, document_type_name, subject, signer_name, secrecy, document_id, created_at, updated_at)
      VALUES (?, 'import', 'quyet-dinh', 'Quyết định', 'Thử', 'Nguyễn Văn An', ?, ?, 'now', 'now')`);
    insert.run('numbered', 'none', 1);
    insert.run('draft', 'none', null);
    insert.run('approved', 'mat', null);
    db.prepare(`INSERT INTO issuance_files (issuance_id, sha256, name, role, step, added_at) VALUES (1, '${'a'.repeat(64)}', 'a.pdf', 'main', 'draft', 'now')`).run();
    db.prepare("INSERT INTO outbox (document_id, issuance_id, recipient_name, organ_id, created_at, updated_at) VALUES (1, 1, 'Sở Nội vụ', '000.00.01.H17', 'now', 'now')").run();
    const before = db.prepare('SELECT * FROM issuances ORDER BY id').all();

    migrate(db, [...UP_TO_3, migration0004]);
    expect(schemaVersion(db)).toBe(4);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT * FROM issuances ORDER BY id').all()).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM issuance_files').pluck().get()).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);

    // Withdrawn before numbering: void with a reason and no register row.
    db.prepare("UPDATE issuances SET state = 'void', void_reason = 'Không ban hành nữa' WHERE id = 2").run();
    // Still refused: a live numbered state without its row, a void without a reason.
    expect(() => db.prepare("UPDATE issuances SET state = 'numbered' WHERE id = 3").run()).toThrow(/CHECK constraint/);
    expect(() => db.prepare("UPDATE issuances SET state = 'void' WHERE id = 3").run()).toThrow(/CHECK constraint/);
    // The rules around the rebuilt table came back with it.
    expect(() => db.prepare('DELETE FROM issuances WHERE id = 2').run()).toThrow(/never deleted/);
    expect(() => db.prepare('UPDATE issuances SET document_id = NULL WHERE id = 1').run()).toThrow(/keeps its register row/);
    expect(() =>
      db.prepare("INSERT INTO outbox (document_id, issuance_id, recipient_name, organ_id, created_at, updated_at) VALUES (1, 3, 'Sở', '000.00.02.H17', 'now', 'now')").run(),
    ).toThrow(/secret document is never queued/);
    expect(() => db.prepare("INSERT INTO issuance_files (issuance_id, sha256, name, role, step, added_at) VALUES (99, 'x', 'b.pdf', 'main', 'draft', 'now')").run()).toThrow(
      /FOREIGN KEY/,
    );

    // The series flag defaults to ordinary and takes only 0 or 1.
    expect(db.prepare('SELECT secret FROM series').pluck().get()).toBe(0);
    expect(() => db.prepare('UPDATE series SET secret = 2').run()).toThrow(/CHECK constraint/);
  });
});
