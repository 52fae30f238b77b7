import type { Migration } from './migration.ts';

// Two rules of issue 4 that 0003 lacked. A series can be the separate series for secret documents
// (nd30-rules §2: mandatory), numbered on its own from 01 each year. A document can be withdrawn
// (hủy) before it has a number, so a void issuance no longer always has a register row: the
// issuances table is rebuilt for its CHECK constraint (sqlite.org/lang_altertable.html §7), with
// the trigger on the outbox that reads it dropped and made again around the rebuild.
export const migration0004: Migration = {
  version: 4,
  name: 'secret-series-withdrawal',
  rebuildsTables: true,
  up(db) {
    db.exec(`
      ALTER TABLE series ADD COLUMN secret INTEGER NOT NULL DEFAULT 0 CHECK (secret IN (0, 1));

      DROP TRIGGER outbox_never_secret;
      CREATE TABLE issuances_new (
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
        -- A live document has its register row exactly from numbering on; a void one has it when
        -- it was voided after numbering, not when it was withdrawn before.
        CHECK (state = 'void' OR (document_id IS NULL) = (state IN ('draft', 'submitted', 'approved'))),
        CHECK ((state = 'void') = (void_reason IS NOT NULL))
      ) STRICT;
      INSERT INTO issuances_new SELECT * FROM issuances;
      DROP TABLE issuances;
      ALTER TABLE issuances_new RENAME TO issuances;
      CREATE INDEX issuances_state ON issuances(state, id);
      CREATE INDEX issuances_related ON issuances(related_document_id) WHERE related_document_id IS NOT NULL;
      CREATE TRIGGER issuances_never_deleted BEFORE DELETE ON issuances
      BEGIN SELECT RAISE(ABORT, 'issuances are never deleted: void them'); END;
      CREATE TRIGGER issuances_number_fixed BEFORE UPDATE OF document_id ON issuances
        WHEN OLD.document_id IS NOT NULL AND NEW.document_id IS NOT OLD.document_id
      BEGIN SELECT RAISE(ABORT, 'a numbered issuance keeps its register row'); END;
      CREATE TRIGGER outbox_never_secret BEFORE INSERT ON outbox
        WHEN NEW.issuance_id IS NOT NULL AND (SELECT secrecy FROM issuances WHERE id = NEW.issuance_id) <> 'none'
      BEGIN SELECT RAISE(ABORT, 'a secret document is never queued for electronic sending'); END;
    `);
  },
};
