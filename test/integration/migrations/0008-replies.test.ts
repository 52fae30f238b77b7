import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/main/db/migrate.ts';
import { MIGRATIONS } from '../../../src/main/db/migrations/index.ts';
import { tempDatabase } from '../../support/temp-profile.ts';

describe('migration 0008-replies', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('links replies to incoming documents, one live link per pair, withdrawn but never deleted', () => {
    const { db, cleanup: done } = tempDatabase();
    cleanup = done;
    migrate(db, MIGRATIONS.slice(0, 7));
    db.exec(`INSERT INTO series (name, direction, created_at) VALUES ('Sổ đến', 'incoming', 'now'), ('Sổ đi', 'outgoing', 'now');
      INSERT INTO registers (series_id, year, created_at) VALUES (1, 2026, 'now'), (2, 2026, 'now');
      INSERT INTO documents (register_id, direction, year, number, register_date, code_number, code_notation, document_date, document_type,
        document_type_name, subject, issuing_agency, processing_status, created_at, updated_at)
      VALUES (1, 'incoming', 2026, 1, '2026-03-02', '11', 'UBND-VP', '2026-03-01', 'cong-van', 'Công văn', 'Hỏi', 'UBND tỉnh', 'pending', 'now', 'now'),
             (2, 'outgoing', 2026, 1, '2026-03-05', '01', 'UBND-VP', '2026-03-05', 'cong-van', 'Công văn', 'Trả lời', 'UBND xã', NULL, 'now', 'now');
      INSERT INTO issuances (source, document_type, document_type_name, subject, signer_name, created_at, updated_at)
      VALUES ('import', 'cong-van', 'Công văn', 'Trả lời', 'Nguyễn Văn An', 'now', 'now');`);
    migrate(db, MIGRATIONS.slice(0, 8));
    expect(schemaVersion(db)).toBe(8);

    const link = db.prepare('INSERT INTO document_replies (incoming_id, issuance_id, outgoing_id, created_at) VALUES (?, ?, ?, ?)');
    // The reply is a draft of the workflow or a registered row, exactly one of the two.
    expect(() => link.run(1, null, null, 'now')).toThrow(/CHECK constraint/);
    expect(() => link.run(1, 1, 2, 'now')).toThrow(/CHECK constraint/);
    const first = Number(link.run(1, 1, null, 'now').lastInsertRowid);
    expect(() => link.run(1, 1, null, 'now')).toThrow(/UNIQUE/);
    link.run(1, null, 2, 'now');
    expect(() => link.run(1, null, 2, 'now')).toThrow(/UNIQUE/);

    expect(() => db.prepare('DELETE FROM document_replies WHERE id = ?').run(first)).toThrow(/never deleted/);
    expect(() => db.prepare('UPDATE document_replies SET incoming_id = 2 WHERE id = ?').run(first)).toThrow(/never changes/);
    db.prepare("UPDATE document_replies SET removed_at = 'later' WHERE id = ?").run(first);
    // Withdrawn, the pair may be linked again.
    link.run(1, 1, null, 'again');
    expect(db.prepare('SELECT count(*) FROM document_replies WHERE removed_at IS NULL').pluck().get()).toBe(2);
  });
});
