import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/main/db/migrate.ts';
import { MIGRATIONS } from '../../../src/main/db/migrations/index.ts';
import { tempDatabase } from '../../support/temp-profile.ts';

// Incoming documents as a profile of version 6 holds them: one assignee, one deadline, a status.
function seed(db: ReturnType<typeof tempDatabase>['db']): void {
  db.exec(`INSERT INTO series (name, direction, created_at) VALUES ('Sổ đến', 'incoming', 'now');
    INSERT INTO registers (series_id, year, created_at) VALUES (1, 2026, 'now');`);
  const insert = db.prepare(`INSERT INTO documents (register_id, direction, year, number, register_date, code_number, code_notation, document_date,
      document_type, document_type_name, subject, issuing_agency, due_date, processing_status, assignee_unit, assignee_person, reply_notation, created_at, updated_at)
    VALUES (1, 'incoming', 2026, ?, '2026-03-02', ?, 'UBND-VP', '2026-03-01', 'cong-van', 'Công văn', ?, 'UBND tỉnh', ?, ?, ?, ?, ?, 'c', ?)`);
  insert.run(1, '11', 'Chưa giao', null, 'pending', null, null, null, '2026-03-02T01:00:00.000Z');
  insert.run(2, '12', 'Đã giao', '2026-03-20', 'assigned', 'Phòng Kinh tế', 'Chị Lan', null, '2026-03-03T01:00:00.000Z');
  insert.run(3, '13', 'Đang làm', '2026-03-21', 'in_progress', 'Văn phòng', null, null, '2026-03-04T01:00:00.000Z');
  insert.run(4, '14', 'Xong', null, 'done', null, 'Anh Minh', '05/UBND-VP', '2026-03-05T01:00:00.000Z');
  insert.run(5, '15', 'Xong không ai', null, 'done', null, null, null, '2026-03-06T01:00:00.000Z');
}

describe('migration 0007-processing-history', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('turns each existing assignment into history entries and leaves the documents as they were', () => {
    const { db, cleanup: done } = tempDatabase();
    cleanup = done;
    migrate(db, MIGRATIONS.slice(0, 6));
    seed(db);
    const before = db.prepare('SELECT * FROM documents ORDER BY id').all();
    migrate(db, MIGRATIONS.slice(0, 7));
    expect(schemaVersion(db)).toBe(7);
    expect(db.prepare('SELECT * FROM documents ORDER BY id').all()).toEqual(before);

    const entries = db
      .prepare('SELECT document_id, kind, status, reply_notation, author, recorded_by, recorded_at FROM processing_entries ORDER BY document_id, id')
      .all();
    expect(entries).toEqual([
      { document_id: 2, kind: 'instruction', status: 'assigned', reply_notation: null, author: null, recorded_by: 'migration:0007', recorded_at: '2026-03-03T01:00:00.000Z' },
      { document_id: 3, kind: 'instruction', status: 'in_progress', reply_notation: null, author: null, recorded_by: 'migration:0007', recorded_at: '2026-03-04T01:00:00.000Z' },
      { document_id: 3, kind: 'status', status: 'in_progress', reply_notation: null, author: null, recorded_by: 'migration:0007', recorded_at: '2026-03-04T01:00:00.000Z' },
      { document_id: 4, kind: 'instruction', status: 'done', reply_notation: null, author: null, recorded_by: 'migration:0007', recorded_at: '2026-03-05T01:00:00.000Z' },
      { document_id: 4, kind: 'status', status: 'done', reply_notation: '05/UBND-VP', author: null, recorded_by: 'migration:0007', recorded_at: '2026-03-05T01:00:00.000Z' },
      { document_id: 5, kind: 'status', status: 'done', reply_notation: null, author: null, recorded_by: 'migration:0007', recorded_at: '2026-03-06T01:00:00.000Z' },
    ]);
    const assignees = db
      .prepare('SELECT e.document_id, a.role, a.unit, a.person, a.due_date FROM processing_assignees a JOIN processing_entries e ON e.id = a.entry_id ORDER BY e.document_id')
      .all();
    expect(assignees).toEqual([
      { document_id: 2, role: 'lead', unit: 'Phòng Kinh tế', person: 'Chị Lan', due_date: '2026-03-20' },
      { document_id: 3, role: 'lead', unit: 'Văn phòng', person: null, due_date: '2026-03-21' },
      { document_id: 4, role: 'lead', unit: null, person: 'Anh Minh', due_date: null },
    ]);
  });

  it('keeps the history append-only and its rows well-formed', () => {
    const { db, cleanup: done } = tempDatabase();
    cleanup = done;
    migrate(db, MIGRATIONS.slice(0, 6));
    seed(db);
    migrate(db, MIGRATIONS.slice(0, 7));
    expect(() => db.prepare("UPDATE processing_entries SET text = 'sửa' WHERE id = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM processing_entries WHERE id = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare("UPDATE processing_assignees SET unit = 'X'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM processing_assignees').run()).toThrow(/append-only/);
    const entry = db.prepare(
      "INSERT INTO processing_entries (document_id, kind, status, given_on, reply_document_id, recorded_by, recorded_at) VALUES (1, ?, ?, ?, ?, 'u', 'now')",
    );
    expect(() => entry.run('comment', 'assigned', null, null)).toThrow(/CHECK constraint/);
    expect(() => entry.run('status', 'closed', null, null)).toThrow(/CHECK constraint/);
    expect(() => entry.run('status', 'done', '02/03/2026', null)).toThrow(/CHECK constraint/);
    // A reply entry names the outgoing document that closed it.
    expect(() => entry.run('reply', 'done', null, null)).toThrow(/CHECK constraint/);
    const id = Number(entry.run('instruction', 'assigned', '2026-03-02', null).lastInsertRowid);
    const assignee = db.prepare('INSERT INTO processing_assignees (entry_id, position, role, unit, person, due_date) VALUES (?, ?, ?, ?, ?, ?)');
    expect(() => assignee.run(id, 0, 'lead', null, null, null)).toThrow(/CHECK constraint/);
    expect(() => assignee.run(id, 0, 'boss', 'Phòng A', null, null)).toThrow(/CHECK constraint/);
    assignee.run(id, 0, 'lead', 'Phòng A', null, '2026-03-09');
    expect(() => assignee.run(id, 0, 'coordinate', 'Phòng B', null, null)).toThrow(/UNIQUE|PRIMARY KEY/);
  });
});
