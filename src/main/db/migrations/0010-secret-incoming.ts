import type { Migration } from './migration.ts';

// Secret incoming paper documents (Mật, Tối mật, Tuyệt mật; Decree 30/2020 Art. 22.4, the
// state-secrets law 29/2018/QH14; docs/copies.md "Secret paper documents"). They are registered in
// a secret incoming series of their own, in a table of their own: the ordinary register lists,
// the search index, the register books and exports, the outbox and the hub packages all read
// \`documents\`, so a secret document is absent from them by construction, and no outbox or hub row
// can name it (their foreign keys point at \`documents\`). Only the metadata is kept: the paper
// stays in the secret archive, no scan is stored.
export const migration0010: Migration = {
  version: 10,
  name: 'secret-incoming',
  up(db) {
    db.exec(`
      CREATE TABLE secret_incoming (
        id INTEGER PRIMARY KEY,
        register_id INTEGER NOT NULL REFERENCES registers(id),
        year INTEGER NOT NULL,
        number INTEGER NOT NULL CHECK (number > 0),
        arrival_date TEXT NOT NULL,
        secrecy TEXT NOT NULL CHECK (secrecy IN ('mat', 'toi-mat', 'tuyet-mat')),
        priority INTEGER NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 4),
        issuing_agency TEXT NOT NULL,
        code_number TEXT NOT NULL,
        code_notation TEXT NOT NULL,
        document_date TEXT NOT NULL,
        document_type TEXT NOT NULL,
        document_type_name TEXT NOT NULL,
        subject TEXT NOT NULL,
        recipient_unit TEXT,
        notes TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (register_id, number)
      ) STRICT;
      CREATE TRIGGER secret_incoming_never_deleted BEFORE DELETE ON secret_incoming
      BEGIN SELECT RAISE(ABORT, 'registered documents are never deleted'); END;
      CREATE TRIGGER secret_incoming_number_fixed BEFORE UPDATE OF register_id, year, number ON secret_incoming
      BEGIN SELECT RAISE(ABORT, 'a register number never changes'); END;
      CREATE TRIGGER secret_incoming_in_secret_series BEFORE INSERT ON secret_incoming
        WHEN (SELECT s.secret = 1 AND s.direction = 'incoming' FROM registers r JOIN series s ON s.id = r.series_id WHERE r.id = NEW.register_id) IS NOT 1
      BEGIN SELECT RAISE(ABORT, 'a secret incoming document is registered in the secret incoming series only'); END;
      CREATE TRIGGER documents_incoming_never_secret BEFORE INSERT ON documents
        WHEN NEW.direction = 'incoming' AND (SELECT s.secret FROM registers r JOIN series s ON s.id = r.series_id WHERE r.id = NEW.register_id) = 1
      BEGIN SELECT RAISE(ABORT, 'a secret incoming document is never in the ordinary documents table'); END;
    `);
  },
};
