import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/main/db/migrate.ts';
import { MIGRATIONS } from '../../../src/main/db/migrations/index.ts';
import { tempDatabase } from '../../support/temp-profile.ts';

describe('migration 0012-scan-texts', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('keeps old documents and files as they were, and keeps a recognised text once, its searchable PDF added at most once', () => {
    const { db, cleanup: done } = tempDatabase();
    cleanup = done;
    migrate(db, MIGRATIONS.slice(0, 11));
    db.exec(`INSERT INTO series (name, direction, secret, created_at) VALUES ('Sổ đến', 'incoming', 0, 'now');
      INSERT INTO registers (series_id, year, created_at) VALUES (1, 2026, 'now');
      INSERT INTO documents (register_id, direction, year, number, register_date, code_number, code_notation, document_date, document_type,
        document_type_name, subject, issuing_agency, created_at, updated_at)
      VALUES (1, 'incoming', 2026, 1, '2026-03-02', '11', 'UBND-VP', '2026-03-01', 'cong-van', 'Công văn', 'Hỏi', 'UBND tỉnh', 'now', 'now');
      INSERT INTO files (sha256, size, created_at) VALUES ('${'a'.repeat(64)}', 10, 'now');
      INSERT INTO document_files (document_id, sha256, name, added_at) VALUES (1, '${'a'.repeat(64)}', 'den.pdf', 'now');`);
    const before = [db.prepare('SELECT * FROM documents').all(), db.prepare('SELECT * FROM document_files').all()];
    migrate(db, MIGRATIONS.slice(0, 12));
    expect(schemaVersion(db)).toBe(12);
    expect([db.prepare('SELECT * FROM documents').all(), db.prepare('SELECT * FROM document_files').all()]).toEqual(before);

    const insert = db.prepare("INSERT INTO scan_texts (sha256, pages, text, engine, searchable_sha256, searchable_size, created_at) VALUES (?, ?, 'Kính gửi', 'tesseract.js', ?, ?, 'now')");
    insert.run('a'.repeat(64), 1, null, null);
    expect(() => insert.run('a'.repeat(64), 1, null, null)).toThrow(/UNIQUE/);
    expect(() => insert.run('b'.repeat(63), 1, null, null)).toThrow(/CHECK constraint/);
    expect(() => insert.run('b'.repeat(64), 0, null, null)).toThrow(/CHECK constraint/);
    expect(() => insert.run('b'.repeat(64), 1, 'c'.repeat(64), null)).toThrow(/CHECK constraint/);
    expect(() => db.exec("UPDATE scan_texts SET text = 'khác'")).toThrow(/written once/);
    expect(() => db.exec('DELETE FROM scan_texts')).toThrow(/never deleted/);
    // The searchable PDF may come after the text, once.
    db.exec(`UPDATE scan_texts SET searchable_sha256 = '${'c'.repeat(64)}', searchable_size = 99`);
    expect(() => db.exec(`UPDATE scan_texts SET searchable_sha256 = '${'d'.repeat(64)}', searchable_size = 98`)).toThrow(/written once/);
    expect(db.prepare('SELECT searchable_sha256 AS s FROM scan_texts').get()).toEqual({ s: 'c'.repeat(64) });
  });
});
