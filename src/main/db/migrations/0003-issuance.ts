import type { Migration } from './migration.ts';

// The issuance workflow (docs/issuance.md): a document from its draft to the outgoing register.
// A draft has no register row: the row, and so the number, is created only by the transaction
// that commits the numbering step (`document_id`). Files of the workflow are stored files like
// any other (`files`), listed per step here; the ones from numbering on are also linked to the
// register row (`document_files`). The outbox holds what the hub sync (issue 5) sends.
export const migration0003: Migration = {
  version: 3,
  name: 'issuance',
  up(db) {
    db.exec(`
      CREATE TABLE issuances (
        id INTEGER PRIMARY KEY,
        state TEXT NOT NULL DEFAULT 'draft'
          CHECK (state IN ('draft', 'submitted', 'approved', 'numbered', 'issued', 'registered', 'distributed', 'void')),
        source TEXT NOT NULL CHECK (source IN ('import', 'render')),
        document_type TEXT NOT NULL,
        document_type_name TEXT NOT NULL,
        subject TEXT NOT NULL,
        unit_abbreviation TEXT,
        signer_name TEXT NOT NULL,
        signer_position TEXT,
        signer_competence TEXT,
        priority INTEGER NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 3),
        secrecy TEXT NOT NULL DEFAULT 'none' CHECK (secrecy IN ('none', 'mat', 'toi-mat', 'tuyet-mat')),
        archive_text TEXT,
        copies INTEGER CHECK (copies IS NULL OR copies > 0),
        notes TEXT,
        -- A rendered draft keeps what it was rendered from and where its placeholders are; the
        -- drafting module validates both when it reads them.
        draft_json TEXT CHECK (draft_json IS NULL OR json_valid(draft_json)),
        placeholders_json TEXT CHECK (placeholders_json IS NULL OR json_valid(placeholders_json)),
        document_id INTEGER UNIQUE REFERENCES documents(id),
        related_document_id INTEGER REFERENCES documents(id),
        relation TEXT CHECK (relation IS NULL OR relation IN ('amends', 'replaces', 'corrects')),
        void_reason TEXT,
        voided_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((relation IS NULL) = (related_document_id IS NULL)),
        -- Only a numbered document can be voided, so a void one has its register row too.
        CHECK ((document_id IS NULL) = (state IN ('draft', 'submitted', 'approved'))),
        CHECK ((state = 'void') = (void_reason IS NOT NULL))
      ) STRICT;
      CREATE INDEX issuances_state ON issuances(state, id);
      CREATE INDEX issuances_related ON issuances(related_document_id) WHERE related_document_id IS NOT NULL;
      CREATE TRIGGER issuances_never_deleted BEFORE DELETE ON issuances
      BEGIN SELECT RAISE(ABORT, 'issuances are never deleted: void them'); END;
      CREATE TRIGGER issuances_number_fixed BEFORE UPDATE OF document_id ON issuances
        WHEN OLD.document_id IS NOT NULL AND NEW.document_id IS NOT OLD.document_id
      BEGIN SELECT RAISE(ABORT, 'a numbered issuance keeps its register row'); END;

      CREATE TABLE issuance_recipients (
        id INTEGER PRIMARY KEY,
        issuance_id INTEGER NOT NULL REFERENCES issuances(id),
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        organ_id TEXT,
        UNIQUE (issuance_id, position)
      ) STRICT;

      CREATE TABLE issuance_files (
        id INTEGER PRIMARY KEY,
        issuance_id INTEGER NOT NULL REFERENCES issuances(id),
        sha256 TEXT NOT NULL REFERENCES files(sha256),
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('main', 'attachment')),
        step TEXT NOT NULL CHECK (step IN ('draft', 'approved', 'numbered', 'issued')),
        revision_of INTEGER REFERENCES issuance_files(id),
        added_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX issuance_files_issuance ON issuance_files(issuance_id);
      CREATE TRIGGER issuance_files_never_deleted BEFORE DELETE ON issuance_files
      BEGIN SELECT RAISE(ABORT, 'an issuance never loses its files'); END;
      CREATE TRIGGER issuance_files_never_changed BEFORE UPDATE ON issuance_files
      BEGIN SELECT RAISE(ABORT, 'an issuance file is never changed'); END;

      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        issuance_id INTEGER REFERENCES issuances(id),
        recipient_name TEXT NOT NULL,
        organ_id TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'cancelled')),
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (document_id, organ_id)
      ) STRICT;
      CREATE INDEX outbox_pending ON outbox(id) WHERE status = 'pending';
      -- The state-secrets law (nd30-rules §6): whatever the code above does, the database itself
      -- refuses to queue a secret document for the hub.
      CREATE TRIGGER outbox_never_secret BEFORE INSERT ON outbox
        WHEN NEW.issuance_id IS NOT NULL AND (SELECT secrecy FROM issuances WHERE id = NEW.issuance_id) <> 'none'
      BEGIN SELECT RAISE(ABORT, 'a secret document is never queued for electronic sending'); END;
      CREATE TRIGGER outbox_never_deleted BEFORE DELETE ON outbox
      BEGIN SELECT RAISE(ABORT, 'outbox rows are never deleted'); END;
    `);
  },
};
