import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/main/db/migrate.ts';
import { MIGRATIONS } from '../../../src/main/db/migrations/index.ts';
import { tempDatabase } from '../../support/temp-profile.ts';

describe('migration 0011-case-files', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('keeps old documents as they were and adds plans, files and filings that are never deleted, closed files fixed, handed-over documents frozen', () => {
    const { db, cleanup: done } = tempDatabase();
    cleanup = done;
    migrate(db, MIGRATIONS.slice(0, 10));
    db.exec(`INSERT INTO series (name, direction, secret, created_at) VALUES ('Sổ đến', 'incoming', 0, 'now'), ('Sổ đi', 'outgoing', 0, 'now'), ('Sổ mật đi', 'outgoing', 1, 'now');
      INSERT INTO registers (series_id, year, created_at) VALUES (1, 2026, 'now'), (2, 2026, 'now'), (3, 2026, 'now');
      INSERT INTO documents (register_id, direction, year, number, register_date, code_number, code_notation, document_date, document_type,
        document_type_name, subject, issuing_agency, created_at, updated_at)
      VALUES (1, 'incoming', 2026, 1, '2026-03-02', '11', 'UBND-VP', '2026-03-01', 'cong-van', 'Công văn', 'Hỏi', 'UBND tỉnh', 'now', 'now'),
             (2, 'outgoing', 2026, 1, '2026-03-05', '01', 'QĐ-UBND', '2026-03-05', 'quyet-dinh', 'Quyết định', 'Giao', 'UBND xã', 'now', 'now'),
             (3, 'outgoing', 2026, 1, '2026-03-05', '01', 'QĐ-UBND.M', '2026-03-05', 'quyet-dinh', 'Quyết định', 'Mật', 'UBND xã', 'now', 'now');
      INSERT INTO files (sha256, size, created_at) VALUES ('${'a'.repeat(64)}', 10, 'now'), ('${'b'.repeat(64)}', 10, 'now');
      INSERT INTO document_files (document_id, sha256, name, added_at) VALUES (1, '${'a'.repeat(64)}', 'den.pdf', 'now');`);
    const before = db.prepare('SELECT * FROM documents ORDER BY id').all();
    migrate(db, MIGRATIONS.slice(0, 11));
    expect(schemaVersion(db)).toBe(11);
    expect(db.prepare('SELECT * FROM documents ORDER BY id').all()).toEqual(before);
    // Old documents still take corrections and files: none is in a handed-over file.
    db.exec(`UPDATE documents SET subject = 'Hỏi lại' WHERE id = 1; INSERT INTO document_files (document_id, sha256, name, added_at) VALUES (1, '${'b'.repeat(64)}', 'them.pdf', 'now');`);

    db.exec(`INSERT INTO file_plans (year, numbering, created_at) VALUES (2026, 'plan', 'now');
      INSERT INTO plan_headings (plan_id, parent_id, ordinal, title, abbreviation, position) VALUES (1, NULL, 1, 'VĂN PHÒNG', 'VP', 1);
      INSERT INTO plan_headings (plan_id, parent_id, ordinal, title, abbreviation, position) VALUES (1, 1, 1, 'Hành chính', NULL, 1);`);
    const heading = db.prepare('INSERT INTO plan_headings (plan_id, parent_id, ordinal, title, abbreviation, position) VALUES (1, ?, 1, ?, ?, 2)');
    // A top heading has an abbreviation, a sub-heading none; two levels only; abbreviations unique.
    expect(() => heading.run(null, 'TỔNG HỢP', null)).toThrow(/CHECK constraint/);
    expect(() => heading.run(1, 'Thi đua', 'TD')).toThrow(/CHECK constraint/);
    expect(() => heading.run(2, 'Cấp ba', null)).toThrow(/top heading of the same plan/);
    expect(() => heading.run(null, 'VĂN PHÒNG 2', 'VP')).toThrow(/UNIQUE/);
    expect(() => db.exec("INSERT INTO file_plans (year, numbering, created_at) VALUES (2027, 'khac', 'now')")).toThrow(/CHECK constraint/);
    expect(() => db.exec("UPDATE file_plans SET approved_at = 'now' WHERE id = 1")).toThrow(/CHECK constraint/);

    const file = db.prepare(`INSERT INTO case_files (plan_id, heading_id, position, number, notation, title, retention_years, creator, created_at)
      VALUES (1, ?, 1, ?, ?, 'Hồ sơ', ?, 'Lê Thị Hoa', 'now')`);
    file.run(2, 1, '01.VP', null);
    expect(() => file.run(2, 2, '01.VP', 10)).toThrow(/UNIQUE/);
    expect(() => file.run(2, 2, '02.VP', 0)).toThrow(/CHECK constraint/);
    file.run(1, 2, '02.VP', 5);

    const fileDoc = db.prepare("INSERT INTO case_file_documents (case_file_id, document_id, added_at) VALUES (?, ?, 'now')");
    const first = Number(fileDoc.run(1, 1).lastInsertRowid);
    expect(() => fileDoc.run(1, 1)).toThrow(/UNIQUE/);
    // One document in two files, never copied (Appendix VI III.4.e).
    fileDoc.run(2, 1);
    fileDoc.run(1, 2);
    expect(() => fileDoc.run(1, 3)).toThrow(/secret document is never filed/);
    expect(() => db.prepare('DELETE FROM case_file_documents WHERE id = ?').run(first)).toThrow(/never deleted/);
    expect(() => db.prepare('UPDATE case_file_documents SET document_id = 2 WHERE id = ?').run(first)).toThrow(/never changes/);
    expect(() => db.exec('DELETE FROM case_files')).toThrow(/never deleted/);
    expect(() => db.exec('DELETE FROM plan_headings')).toThrow(/never deleted/);
    expect(() => db.exec('DELETE FROM file_plans')).toThrow(/never deleted/);

    // Closed: its documents stay as they are until it is reopened.
    expect(() => db.exec("UPDATE case_files SET status = 'closed' WHERE id = 1")).toThrow(/CHECK constraint/);
    db.exec("UPDATE case_files SET status = 'closed', closed_at = 'now', doc_total = 2, page_total = 3, start_date = '2026-03-01', end_date = '2026-03-05' WHERE id = 1");
    expect(() => fileDoc.run(1, 1)).toThrow(/closed or handed-over/);
    expect(() => db.prepare("UPDATE case_file_documents SET removed_at = 'later' WHERE id = ?").run(first)).toThrow(/closed or handed-over/);

    db.exec("INSERT INTO handovers (year, created_at, giver_name, receiver_name) VALUES (2026, 'now', 'Lê Thị Hoa', 'Trần Văn Lưu')");
    expect(() => db.exec("UPDATE case_files SET status = 'handed_over' WHERE id = 1")).toThrow(/CHECK constraint/);
    db.exec("UPDATE case_files SET status = 'handed_over', handover_id = 1, handed_over_at = 'now' WHERE id = 1");
    expect(() => db.exec("UPDATE case_files SET title = 'Khác' WHERE id = 1")).toThrow(/never changes/);
    expect(() => db.exec("UPDATE case_files SET status = 'closed', handover_id = NULL, handed_over_at = NULL WHERE id = 1")).toThrow(/never changes/);
    // Its documents are frozen: the register entry and the stored files, not the processing.
    expect(() => db.exec("UPDATE documents SET subject = 'Sửa' WHERE id = 1")).toThrow(/frozen/);
    expect(() => db.exec("UPDATE documents SET status = 'void' WHERE id = 2")).toThrow(/frozen/);
    expect(() => db.exec(`INSERT INTO document_files (document_id, sha256, name, added_at) VALUES (2, '${'b'.repeat(64)}', 'thay.pdf', 'now')`)).toThrow(/frozen/);
    db.exec("UPDATE documents SET processing_status = 'done' WHERE id = 1");
    // The handover record: the package fingerprint written once, nothing else changed.
    expect(() => db.exec("UPDATE handovers SET receiver_name = 'Khác'")).toThrow(/never changes/);
    db.exec(`UPDATE handovers SET package_sha256 = '${'c'.repeat(64)}'`);
    expect(() => db.exec(`UPDATE handovers SET package_sha256 = '${'d'.repeat(64)}'`)).toThrow(/never changes/);
    expect(() => db.exec('DELETE FROM handovers')).toThrow(/never deleted/);
    // The other file, still open, takes and gives back documents.
    db.exec("UPDATE case_file_documents SET removed_at = 'later' WHERE case_file_id = 2");
  });
});
