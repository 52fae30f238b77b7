import type { Migration } from './migration.ts';

// The registers, their documents and files, the audit chain and the search index.
// Tables are STRICT so a wrong type is refused by SQLite itself, not only by our schemas.
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE agency_profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        parent_name TEXT,
        organ_id TEXT NOT NULL,
        abbreviation TEXT NOT NULL,
        place_name TEXT NOT NULL,
        address TEXT,
        phone TEXT,
        email TEXT,
        website TEXT,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE units (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        abbreviation TEXT NOT NULL UNIQUE,
        position INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE series (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
        document_types TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(document_types)),
        issuer_abbreviation TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE registers (
        id INTEGER PRIMARY KEY,
        series_id INTEGER NOT NULL REFERENCES series(id),
        year INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (series_id, year)
      ) STRICT;

      -- direction and year repeat what register_id implies: they are written once with the row,
      -- never change (trigger below), and let the list queries use one index per filter.
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        register_id INTEGER NOT NULL REFERENCES registers(id),
        direction TEXT NOT NULL CHECK (direction IN ('incoming', 'outgoing')),
        year INTEGER NOT NULL,
        number INTEGER NOT NULL CHECK (number > 0),
        register_date TEXT NOT NULL,
        arrival_at TEXT,
        code_number TEXT NOT NULL,
        code_notation TEXT NOT NULL,
        document_date TEXT NOT NULL,
        document_type TEXT NOT NULL,
        document_type_name TEXT NOT NULL,
        subject TEXT NOT NULL,
        issuing_agency TEXT NOT NULL,
        signer_name TEXT,
        signer_position TEXT,
        signer_competence TEXT,
        recipients_text TEXT,
        recipient_unit TEXT,
        copies INTEGER,
        page_count INTEGER,
        transfer_date TEXT,
        received_by TEXT,
        notes TEXT,
        priority INTEGER NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 4),
        due_date TEXT,
        document_identifier TEXT,
        duplicate_key TEXT,
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'void')),
        void_reason TEXT,
        voided_at TEXT,
        processing_status TEXT CHECK (processing_status IN ('pending', 'assigned', 'in_progress', 'done')),
        assignee_unit TEXT,
        assignee_person TEXT,
        reply_notation TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE UNIQUE INDEX documents_register_number ON documents(register_id, number);
      CREATE UNIQUE INDEX documents_outgoing_code ON documents(year, code_number, code_notation)
        WHERE direction = 'outgoing';
      CREATE INDEX documents_direction_year_number ON documents(direction, year, number);
      CREATE INDEX documents_direction_type_year_number ON documents(direction, document_type, year, number);
      CREATE INDEX documents_direction_date ON documents(direction, register_date);
      CREATE INDEX documents_duplicate_key ON documents(duplicate_key) WHERE duplicate_key IS NOT NULL;
      CREATE INDEX documents_identifier ON documents(document_identifier) WHERE document_identifier IS NOT NULL;
      CREATE INDEX documents_open_processing ON documents(due_date)
        WHERE processing_status IS NOT NULL AND processing_status <> 'done' AND status = 'active';

      CREATE TRIGGER documents_never_deleted BEFORE DELETE ON documents
      BEGIN SELECT RAISE(ABORT, 'registered documents are never deleted: void them'); END;
      CREATE TRIGGER documents_number_fixed BEFORE UPDATE OF register_id, direction, year, number ON documents
      BEGIN SELECT RAISE(ABORT, 'a register number never changes'); END;

      CREATE TABLE files (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        size INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE document_files (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        sha256 TEXT NOT NULL REFERENCES files(sha256),
        name TEXT NOT NULL,
        added_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX document_files_document ON document_files(document_id);
      CREATE TRIGGER document_files_never_deleted BEFORE DELETE ON document_files
      BEGIN SELECT RAISE(ABORT, 'a registered document never loses its files'); END;
      CREATE TRIGGER files_never_deleted BEFORE DELETE ON files
      BEGIN SELECT RAISE(ABORT, 'stored files are never deleted'); END;

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        entity_type TEXT NOT NULL,
        entity_id TEXT,
        details TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_entity ON audit_log(entity_type, entity_id);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

      -- Contentless: the folded text (see search-text.ts) is only needed for matching; rowid is
      -- documents.id. contentless_delete lets a corrected document replace its row.
      CREATE VIRTUAL TABLE documents_fts USING fts5(
        subject, notation, agency, signer, notes,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `);
  },
};
