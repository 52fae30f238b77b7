import type { Migration } from './migration.ts';

// Case files (hồ sơ, Decree 30/2020 Chapter IV; Appendix V; Appendix VI III.4, III.5, IV.1.g;
// docs/case-files.md). A year's file plan (danh mục hồ sơ) with its headings (đề mục: top ones
// numbered I, II, … with an abbreviation, sub-headings 1, 2, …), the files of the plan, the
// documents filed in them (one document in several files without a copy, Appendix VI III.4.e),
// and the handovers to the agency archive (Art. 30–31).
//
// The database keeps the rules even if the code were wrong: nothing is deleted; a document is
// withdrawn from a file (removed_at), never unlinked; the membership of a closed or handed-over
// file does not change; a handed-over file never changes, and neither do the register entry and
// the stored files of a document in it (Appendix VI IV.1.g); no secret document is filed (the
// state-secrets law 29/2018/QH14: secret files stay on paper in the secret archive).
export const migration0011: Migration = {
  version: 11,
  name: 'case-files',
  up(db) {
    db.exec(`
      CREATE TABLE file_plans (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL UNIQUE CHECK (year BETWEEN 1900 AND 2200),
        -- Appendix V I.2: numbered across the whole plan, or within each top heading, from 01.
        numbering TEXT NOT NULL CHECK (numbering IN ('plan', 'heading')),
        -- "Kèm theo Quyết định số … ngày … của …" (Art. 28: approved by the head of the agency).
        decision_number TEXT,
        decision_date TEXT CHECK (decision_date IS NULL OR decision_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        decision_by TEXT,
        approved_at TEXT,
        created_at TEXT NOT NULL,
        CHECK (approved_at IS NULL OR (decision_number IS NOT NULL AND decision_date IS NOT NULL AND decision_by IS NOT NULL))
      ) STRICT;

      CREATE TABLE plan_headings (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER NOT NULL REFERENCES file_plans(id),
        parent_id INTEGER REFERENCES plan_headings(id),
        -- The numeral shown: Roman for a top heading, Arabic within its parent for a sub-heading;
        -- kept equal to the heading's rank by position.
        ordinal INTEGER NOT NULL CHECK (ordinal > 0),
        title TEXT NOT NULL CHECK (length(title) > 0),
        -- The abbreviation of a top heading makes the files' notation (01.VP); sub-headings have none.
        abbreviation TEXT,
        position INTEGER NOT NULL,
        CHECK ((parent_id IS NULL) = (abbreviation IS NOT NULL))
      ) STRICT;
      CREATE INDEX plan_headings_plan ON plan_headings(plan_id, parent_id, position);
      CREATE UNIQUE INDEX plan_headings_abbreviation ON plan_headings(plan_id, abbreviation) WHERE parent_id IS NULL;
      CREATE TRIGGER plan_headings_never_deleted BEFORE DELETE ON plan_headings
      BEGIN SELECT RAISE(ABORT, 'plan headings are never deleted'); END;
      CREATE TRIGGER plan_headings_place_fixed BEFORE UPDATE OF plan_id, parent_id ON plan_headings
      BEGIN SELECT RAISE(ABORT, 'a plan heading never moves to another plan or parent'); END;
      CREATE TRIGGER plan_headings_two_levels BEFORE INSERT ON plan_headings
        WHEN NEW.parent_id IS NOT NULL AND (SELECT plan_id = NEW.plan_id AND parent_id IS NULL FROM plan_headings WHERE id = NEW.parent_id) IS NOT 1
      BEGIN SELECT RAISE(ABORT, 'a sub-heading belongs to a top heading of the same plan'); END;
      CREATE TRIGGER file_plans_never_deleted BEFORE DELETE ON file_plans
      BEGIN SELECT RAISE(ABORT, 'file plans are never deleted'); END;
      CREATE TRIGGER file_plans_year_fixed BEFORE UPDATE OF year ON file_plans
      BEGIN SELECT RAISE(ABORT, 'the year of a file plan never changes'); END;

      CREATE TABLE handovers (
        id INTEGER PRIMARY KEY,
        -- The year of the files' plan (FileCatalog, năm hình thành hồ sơ): one handover, one year.
        year INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        giver_name TEXT NOT NULL,
        giver_title TEXT,
        giver_unit TEXT,
        receiver_name TEXT NOT NULL,
        receiver_title TEXT,
        basis TEXT,
        condition TEXT,
        -- Of the package's manifest, once the package is written.
        package_sha256 TEXT CHECK (package_sha256 IS NULL OR length(package_sha256) = 64)
      ) STRICT;
      CREATE TRIGGER handovers_never_deleted BEFORE DELETE ON handovers
      BEGIN SELECT RAISE(ABORT, 'handovers are never deleted'); END;
      CREATE TRIGGER handovers_fixed BEFORE UPDATE ON handovers
        WHEN OLD.package_sha256 IS NOT NULL OR NEW.year IS NOT OLD.year OR NEW.created_at IS NOT OLD.created_at
          OR NEW.giver_name IS NOT OLD.giver_name OR NEW.giver_title IS NOT OLD.giver_title OR NEW.giver_unit IS NOT OLD.giver_unit
          OR NEW.receiver_name IS NOT OLD.receiver_name OR NEW.receiver_title IS NOT OLD.receiver_title
          OR NEW.basis IS NOT OLD.basis OR NEW.condition IS NOT OLD.condition
      BEGIN SELECT RAISE(ABORT, 'a handover record never changes (its package fingerprint is written once)'); END;

      CREATE TABLE case_files (
        id INTEGER PRIMARY KEY,
        plan_id INTEGER NOT NULL REFERENCES file_plans(id),
        heading_id INTEGER NOT NULL REFERENCES plan_headings(id),
        -- The order of the files within their heading ("từ chung đến riêng", Appendix V I.1).
        position INTEGER NOT NULL,
        number INTEGER NOT NULL CHECK (number > 0),
        notation TEXT NOT NULL,
        title TEXT NOT NULL CHECK (length(title) > 0),
        -- NULL: vĩnh viễn (permanent); otherwise the number of years (Appendix V I.4).
        retention_years INTEGER CHECK (retention_years IS NULL OR retention_years > 0),
        creator TEXT NOT NULL CHECK (length(creator) > 0),
        rights TEXT,
        language TEXT,
        description TEXT,
        note TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'handed_over')),
        start_date TEXT,
        end_date TEXT,
        doc_total INTEGER CHECK (doc_total IS NULL OR doc_total >= 0),
        page_total INTEGER CHECK (page_total IS NULL OR page_total >= 0),
        closed_at TEXT,
        handover_id INTEGER REFERENCES handovers(id),
        handed_over_at TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (plan_id, notation),
        CHECK (status = 'open' OR (closed_at IS NOT NULL AND doc_total IS NOT NULL AND page_total IS NOT NULL)),
        CHECK ((status = 'handed_over') = (handover_id IS NOT NULL AND handed_over_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX case_files_heading ON case_files(heading_id, position);
      CREATE INDEX case_files_status ON case_files(status, closed_at);
      CREATE INDEX case_files_handover ON case_files(handover_id) WHERE handover_id IS NOT NULL;
      CREATE TRIGGER case_files_never_deleted BEFORE DELETE ON case_files
      BEGIN SELECT RAISE(ABORT, 'case files are never deleted'); END;
      CREATE TRIGGER case_files_plan_fixed BEFORE UPDATE OF plan_id ON case_files
      BEGIN SELECT RAISE(ABORT, 'a case file never moves to another plan'); END;
      CREATE TRIGGER case_files_handed_over_fixed BEFORE UPDATE ON case_files WHEN OLD.status = 'handed_over'
      BEGIN SELECT RAISE(ABORT, 'a handed-over case file never changes (Appendix VI IV.1.g)'); END;
      CREATE TRIGGER case_files_heading_in_plan BEFORE INSERT ON case_files
        WHEN (SELECT plan_id FROM plan_headings WHERE id = NEW.heading_id) IS NOT NEW.plan_id
      BEGIN SELECT RAISE(ABORT, 'a case file sits under a heading of its own plan'); END;
      CREATE TRIGGER case_files_heading_moved_in_plan BEFORE UPDATE OF heading_id ON case_files
        WHEN (SELECT plan_id FROM plan_headings WHERE id = NEW.heading_id) IS NOT NEW.plan_id
      BEGIN SELECT RAISE(ABORT, 'a case file sits under a heading of its own plan'); END;

      CREATE TABLE case_file_documents (
        id INTEGER PRIMARY KEY,
        case_file_id INTEGER NOT NULL REFERENCES case_files(id),
        document_id INTEGER NOT NULL REFERENCES documents(id),
        added_at TEXT NOT NULL,
        removed_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX case_file_documents_live ON case_file_documents(case_file_id, document_id) WHERE removed_at IS NULL;
      -- The notations of a document's files (documents.list, documents.get) and the freeze checks.
      CREATE INDEX case_file_documents_document ON case_file_documents(document_id) WHERE removed_at IS NULL;
      CREATE TRIGGER case_file_documents_never_deleted BEFORE DELETE ON case_file_documents
      BEGIN SELECT RAISE(ABORT, 'documents are withdrawn from a case file, never deleted'); END;
      CREATE TRIGGER case_file_documents_fixed BEFORE UPDATE OF case_file_id, document_id, added_at ON case_file_documents
      BEGIN SELECT RAISE(ABORT, 'a filing never changes: withdraw it and file again'); END;
      CREATE TRIGGER case_file_documents_once_withdrawn BEFORE UPDATE OF removed_at ON case_file_documents WHEN OLD.removed_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'a withdrawn filing stays withdrawn'); END;
      CREATE TRIGGER case_file_documents_open_only BEFORE INSERT ON case_file_documents
        WHEN (SELECT status FROM case_files WHERE id = NEW.case_file_id) IS NOT 'open'
      BEGIN SELECT RAISE(ABORT, 'the documents of a closed or handed-over case file never change'); END;
      CREATE TRIGGER case_file_documents_withdraw_open_only BEFORE UPDATE OF removed_at ON case_file_documents
        WHEN (SELECT status FROM case_files WHERE id = OLD.case_file_id) IS NOT 'open'
      BEGIN SELECT RAISE(ABORT, 'the documents of a closed or handed-over case file never change'); END;
      CREATE TRIGGER case_file_documents_never_secret BEFORE INSERT ON case_file_documents
        WHEN (SELECT s.secret FROM documents d JOIN registers r ON r.id = d.register_id JOIN series s ON s.id = r.series_id WHERE d.id = NEW.document_id) = 1
          OR EXISTS (SELECT 1 FROM issuances WHERE document_id = NEW.document_id AND secrecy <> 'none')
      BEGIN SELECT RAISE(ABORT, 'a secret document is never filed in an electronic case file'); END;

      -- Appendix VI IV.1.g: the register entry and the stored files of a document in a handed-over
      -- file are frozen. The processing columns are not: the history is append-only and records
      -- the handling, not the record that was handed over (docs/case-files.md).
      CREATE TRIGGER documents_frozen_after_handover BEFORE UPDATE OF register_date, arrival_at, code_number, code_notation,
          document_date, document_type, document_type_name, subject, issuing_agency, signer_name, signer_position,
          signer_competence, recipients_text, recipient_unit, copies, page_count, transfer_date, received_by, notes, priority,
          document_identifier, duplicate_key, status, void_reason, voided_at ON documents
        WHEN EXISTS (SELECT 1 FROM case_file_documents x JOIN case_files f ON f.id = x.case_file_id
                     WHERE x.document_id = OLD.id AND x.removed_at IS NULL AND f.status = 'handed_over')
      BEGIN SELECT RAISE(ABORT, 'a document of a handed-over case file is frozen (Appendix VI IV.1.g)'); END;
      CREATE TRIGGER document_files_frozen_after_handover BEFORE INSERT ON document_files
        WHEN EXISTS (SELECT 1 FROM case_file_documents x JOIN case_files f ON f.id = x.case_file_id
                     WHERE x.document_id = NEW.document_id AND x.removed_at IS NULL AND f.status = 'handed_over')
      BEGIN SELECT RAISE(ABORT, 'a document of a handed-over case file is frozen (Appendix VI IV.1.g)'); END;
    `);
  },
};
