import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/main/db/migrate.ts';
import { MIGRATIONS } from '../../../src/main/db/migrations/index.ts';
import { tempDatabase } from '../../support/temp-profile.ts';

const SHA = 'b'.repeat(64);

describe('migration 0005-hub-sync', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('adds the sync tables with their rules, keeping the outbox rows', () => {
    const { db, cleanup: done } = tempDatabase();
    cleanup = done;
    migrate(db, MIGRATIONS.slice(0, 4));
    db.exec(`INSERT INTO series (name, direction, created_at) VALUES ('Sổ đi', 'outgoing', 'now');
      INSERT INTO registers (series_id, year, created_at) VALUES (1, 2026, 'now');
      INSERT INTO documents (register_id, direction, year, number, register_date, code_number, code_notation, document_date, document_type,
        document_type_name, subject, issuing_agency, created_at, updated_at)
      VALUES (1, 'outgoing', 2026, 1, '2026-01-05', '01', 'QĐ-UBND', '2026-01-05', 'quyet-dinh', 'Quyết định', 'Thử', 'UBND', 'now', 'now');
      INSERT INTO files (sha256, size, created_at) VALUES ('${SHA}', 10, 'now');
      INSERT INTO outbox (document_id, recipient_name, organ_id, created_at, updated_at) VALUES (1, 'Sở Nội vụ', '000.00.12.H17', 'now', 'now');`);
    migrate(db, MIGRATIONS.slice(0, 5));
    expect(schemaVersion(db)).toBe(5);
    expect(db.prepare('SELECT organ_id, send_id, receive_status FROM outbox').all()).toEqual([{ organ_id: '000.00.12.H17', send_id: null, receive_status: null }]);

    const send = db.prepare(`INSERT INTO hub_sends (kind, document_id, business_type, inbox_id, status_code, state, hub_doc_id, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, 'now', 'now')`);
    send.run('edoc', 1, 0, null, null, 'pending', null);
    // A send is 'sent' exactly when it has the hub's docId; kinds carry their own fields.
    expect(() => send.run('edoc', 1, 0, null, null, 'sent', null)).toThrow(/CHECK constraint/);
    expect(() => send.run('edoc', 1, null, null, null, 'pending', null)).toThrow(/CHECK constraint/);
    expect(() => send.run('status', 1, null, null, '01', 'pending', null)).toThrow(/CHECK constraint/);
    expect(() => db.prepare('DELETE FROM hub_sends').run()).toThrow(/never deleted/);

    const inbox = db.prepare(`INSERT INTO inbox (hub_doc_id, package_sha256, from_organ_id, edxml_document_id, business_type, header_json, verdict, received_at, updated_at)
      VALUES (?, '${SHA}', '000.00.00.H17', ?, ?, '{}', 'valid', 'now', 'now')`);
    inbox.run('hub-1', '000.00.00.H17,2026/01/05,01/QĐ-UBND', 0);
    // Delivered twice under one docId, or the same document and operation under another docId.
    expect(() => inbox.run('hub-1', 'other', 0)).toThrow(/UNIQUE/);
    expect(() => inbox.run('hub-2', '000.00.00.H17,2026/01/05,01/QĐ-UBND', 0)).toThrow(/UNIQUE/);
    inbox.run('hub-3', '000.00.00.H17,2026/01/05,01/QĐ-UBND', 1);
    send.run('status', null, null, 1, '01', 'pending', null);
    expect(() => send.run('status', null, null, 1, '1', 'pending', null)).toThrow(/CHECK constraint/);
    expect(() => db.prepare("UPDATE inbox SET state = 'accepted' WHERE id = 1").run()).toThrow(/CHECK constraint/);
    expect(() => db.prepare("UPDATE inbox SET state = 'refused' WHERE id = 1").run()).toThrow(/CHECK constraint/);
    expect(() => db.prepare('DELETE FROM inbox').run()).toThrow(/never deleted/);

    // The database itself never queues a secret document for the hub.
    db.exec(`INSERT INTO issuances (state, source, document_type, document_type_name, subject, signer_name, secrecy, document_id, created_at, updated_at)
      VALUES ('distributed', 'import', 'quyet-dinh', 'Quyết định', 'Mật', 'A', 'mat', 1, 'now', 'now')`);
    expect(() => send.run('edoc', 1, 0, null, null, 'pending', null)).toThrow(/secret document is never queued/);
  });
});
