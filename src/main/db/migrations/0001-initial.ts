import { APPLICATION_ID } from '../application-id.ts';
import type { Migration } from './migration.ts';

// The registers, their documents and files, the audit chain and the search index.
// Tables are STRICT so a wrong type is refused by SQLite itself, not only by our schemas.
export const migration0001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.pragma(`application_id = ${APPLICATION_ID}`);
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

      -- The register lists (listing.ts), one set per direction: every list names its direction
      -- (as a literal, so these partial indexes apply), and no index starts with direction, which
      -- without ANALYZE statistics SQLite would take for selective and use to scan half the table
      -- (the duplicate check of a registration did, at a second per registration over 1M rows).
      -- _number serves the default order (year, number), also across years, and holds every
      -- filter column so that totals count index entries without reading rows; _type the type
      -- filter with or without a year, and _processing the processing-status filter (the open
      -- documents are few and recent, so walking the year for them would read it all); _register_date
      -- a date range within a year (the "Từ ngày … đến ngày …" of a register book), which otherwise
      -- walks the year in number order to find it (11 ms at 1M rows, 0.8 ms with it). The two other
      -- sorts have an index within a year and one across years (sorting 700,000 rows by document
      -- date took 3 s); the row id after the key is the sorts' tie-break.
      CREATE INDEX documents_incoming_number ON documents(year, number, status, priority, processing_status, register_date)
        WHERE direction = 'incoming';
      CREATE INDEX documents_outgoing_number ON documents(year, number, status, priority, processing_status, register_date)
        WHERE direction = 'outgoing';
      CREATE INDEX documents_incoming_type ON documents(document_type, year, number) WHERE direction = 'incoming';
      CREATE INDEX documents_outgoing_type ON documents(document_type, year, number) WHERE direction = 'outgoing';
      CREATE INDEX documents_incoming_processing ON documents(processing_status, year, number) WHERE direction = 'incoming';
      CREATE INDEX documents_incoming_register_date ON documents(year, register_date, number) WHERE direction = 'incoming';
      CREATE INDEX documents_outgoing_register_date ON documents(year, register_date, number) WHERE direction = 'outgoing';
      CREATE INDEX documents_incoming_year_document_date ON documents(year, document_date) WHERE direction = 'incoming';
      CREATE INDEX documents_outgoing_year_document_date ON documents(year, document_date) WHERE direction = 'outgoing';
      CREATE INDEX documents_incoming_document_date ON documents(document_date) WHERE direction = 'incoming';
      CREATE INDEX documents_outgoing_document_date ON documents(document_date) WHERE direction = 'outgoing';
      CREATE INDEX documents_incoming_year_due_date ON documents(year, due_date IS NULL, due_date) WHERE direction = 'incoming';
      CREATE INDEX documents_outgoing_year_due_date ON documents(year, due_date IS NULL, due_date) WHERE direction = 'outgoing';
      CREATE INDEX documents_incoming_due_date ON documents(due_date IS NULL, due_date) WHERE direction = 'incoming';
      CREATE INDEX documents_outgoing_due_date ON documents(due_date IS NULL, due_date) WHERE direction = 'outgoing';

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

      -- Contentless: the folded text (see search-index.ts) is only needed for matching; rowid is
      -- documents.id. contentless_delete lets a corrected document replace its row. The search
      -- box matches its last word as a prefix while the clerk types; without a prefix index
      -- FTS5 answers "ubnd*" by merging the whole doclist of every matching term in memory first
      -- (tens of ms at 1M rows), with one it reads the prefix like a word and stops at the page.
      -- Lengths 3 to 8 cover what is typed: prefixes start at 3 characters (search-index.ts) and
      -- Vietnamese syllables are at most 7 letters; a longer prefix matches few terms anyway.
      CREATE VIRTUAL TABLE documents_fts USING fts5(
        subject, notation, agency, signer, notes,
        content = '', contentless_delete = 1,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '3 4 5 6 7 8'
      );
      -- Each registration commits alone and so writes a small segment of its own, which automerge
      -- folds into bigger ones. Merging 4 segments of a level at a time (the default) rewrote
      -- each entry so often that the merging was over a third of the pages a registration wrote
      -- at 1M rows; merging 8 at a time cut a registration's CPU time by a third (1.5 to 1.0 ms)
      -- and searched as fast (bench/README.md).
      INSERT INTO documents_fts (documents_fts, rank) VALUES ('automerge', 8);
    `);
  },
};
