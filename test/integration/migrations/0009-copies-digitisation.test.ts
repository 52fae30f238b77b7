import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/main/db/migrate.ts';
import { MIGRATIONS } from '../../../src/main/db/migrations/index.ts';
import { tempDatabase } from '../../support/temp-profile.ts';

const [A, B, C] = ['a', 'b', 'c'].map((x) => x.repeat(64)) as [string, string, string];

describe('migration 0009-copies-digitisation', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('adds digitisations and copies with the rules of Art. 25 and 33.2 in the database, keeping the documents', () => {
    const { db, cleanup: done } = tempDatabase();
    cleanup = done;
    migrate(db, MIGRATIONS.slice(0, 8));
    db.exec(`INSERT INTO series (name, direction, created_at) VALUES ('Sổ đi', 'outgoing', 'now');
      INSERT INTO registers (series_id, year, created_at) VALUES (1, 2026, 'now');
      INSERT INTO documents (register_id, direction, year, number, register_date, code_number, code_notation, document_date, document_type,
        document_type_name, subject, issuing_agency, created_at, updated_at)
      VALUES (1, 'outgoing', 2026, 1, '2026-01-05', '01', 'QĐ-UBND', '2026-01-05', 'quyet-dinh', 'Quyết định', 'Gốc', 'UBND', 'now', 'now'),
             (1, 'outgoing', 2026, 2, '2026-01-05', '01', 'SY-UBND', '2026-01-05', 'ban-sao-y', 'Bản sao y', 'Sao y', 'UBND', 'now', 'now');
      INSERT INTO files (sha256, size, created_at) VALUES ('${A}', 10, 'now'), ('${B}', 10, 'now'), ('${C}', 10, 'now');`);
    const before = db.prepare('SELECT * FROM documents ORDER BY id').all();
    migrate(db, MIGRATIONS.slice(0, 9));
    expect(schemaVersion(db)).toBe(9);
    expect(db.prepare('SELECT * FROM documents ORDER BY id').all()).toEqual(before);

    const digitise = db.prepare(`INSERT INTO digitisations (document_id, sha256, paper_kind, made_from, pdf_version, min_dpi, colour, page_count, created_at)
      VALUES (1, ?, ?, 'pdf', '1.7', ?, ?, 1, 'now')`);
    // Below the standard is refused by the table itself.
    expect(() => digitise.run(A, 'original', 199, 1)).toThrow(/CHECK constraint/);
    expect(() => digitise.run(A, 'original', 300, 0)).toThrow(/CHECK constraint/);
    expect(() => digitise.run(A, 'photo', 300, 1)).toThrow(/CHECK constraint/);
    digitise.run(A, 'original', 300, 1);
    expect(() => db.prepare('DELETE FROM digitisations').run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE digitisations SET paper_kind = 'certified-copy'").run()).toThrow(/never changes/);

    const copy = db.prepare(`INSERT INTO copies (copy_document_id, source_document_id, source_sha256, kind, form, output_sha256, basis, created_at)
      VALUES (2, 1, ?, ?, ?, '${C}', 'Điều 25', 'now')`);
    // No electronic sao y of a file that is not a digitised paper original, no electronic sao lục
    // of a file that is not a digitised paper sao y.
    expect(() => copy.run(B, 'sao-y', 'electronic')).toThrow(/only from a digitised paper document/);
    expect(() => copy.run(A, 'sao-luc', 'electronic')).toThrow(/only from a digitised paper document/);
    copy.run(A, 'sao-y', 'electronic');
    expect(() => copy.run(A, 'trich-sao', 'paper')).toThrow(/UNIQUE/);
    expect(() => db.prepare('DELETE FROM copies').run()).toThrow(/never deleted/);

    // A paper copy is never queued for the hub.
    db.exec(`UPDATE documents SET code_number = '02' WHERE id = 2`);
    db.exec(`INSERT INTO documents (register_id, direction, year, number, register_date, code_number, code_notation, document_date, document_type,
        document_type_name, subject, issuing_agency, created_at, updated_at)
      VALUES (1, 'outgoing', 2026, 3, '2026-01-05', '03', 'SY-UBND', '2026-01-05', 'ban-sao-y', 'Bản sao y', 'Sao y giấy', 'UBND', 'now', 'now')`);
    db.prepare(`INSERT INTO copies (copy_document_id, source_document_id, source_sha256, kind, form, output_sha256, basis, created_at)
      VALUES (3, 1, '${B}', 'sao-y', 'paper', '${C}', 'Điều 25.1.b', 'now')`).run();
    const queue = db.prepare("INSERT INTO outbox (document_id, recipient_name, organ_id, created_at, updated_at) VALUES (?, 'Sở Nội vụ', '000.00.01.H17', 'now', 'now')");
    expect(() => queue.run(3)).toThrow(/paper copy is never queued/);
    queue.run(2);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
