import type { Migration } from './migration.ts';

// Interchange with the national hub (docs/sync.md). Packages to send (`hub_sends`) are queued in
// the same transaction as the step that makes them due; what comes in (`inbox`, `hub_statuses`,
// `hub_rejects`) is written in one transaction with the durable copy of the downloaded file.
// Hub docIds are UNIQUE wherever they are stored: a package delivered twice is recorded once.
export const migration0005: Migration = {
  version: 5,
  name: 'hub-sync',
  up(db) {
    db.exec(`
      -- What the hub delivered to us: one row per document package, kept with its file; accepted
      -- ones point at their row in the incoming register.
      CREATE TABLE inbox (
        id INTEGER PRIMARY KEY,
        hub_doc_id TEXT NOT NULL UNIQUE,
        package_sha256 TEXT NOT NULL REFERENCES files(sha256),
        from_organ_id TEXT NOT NULL,
        from_name TEXT NOT NULL DEFAULT '',
        edxml_document_id TEXT NOT NULL,
        business_type INTEGER NOT NULL CHECK (business_type BETWEEN 0 AND 3),
        code_number TEXT NOT NULL DEFAULT '',
        code_notation TEXT NOT NULL DEFAULT '',
        document_date TEXT,
        document_type_name TEXT NOT NULL DEFAULT '',
        subject TEXT NOT NULL DEFAULT '',
        priority INTEGER NOT NULL DEFAULT 0,
        header_json TEXT NOT NULL CHECK (json_valid(header_json)),
        -- The worst verdict over the signed PDFs, and each file's report.
        verdict TEXT NOT NULL CHECK (verdict IN ('valid', 'indeterminate', 'invalid', 'unsigned')),
        state TEXT NOT NULL DEFAULT 'received' CHECK (state IN ('received', 'accepted', 'refused', 'recalled', 'answered')),
        refuse_reason TEXT,
        -- A recall, update or replacement names the package it is about.
        related_inbox_id INTEGER REFERENCES inbox(id),
        document_id INTEGER UNIQUE REFERENCES documents(id),
        received_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        -- The same document and operation sent again under a new hub docId is a duplicate.
        UNIQUE (edxml_document_id, business_type),
        -- Accepted means registered; a registered document later recalled keeps its register row.
        CHECK (state <> 'accepted' OR document_id IS NOT NULL),
        CHECK (document_id IS NULL OR state IN ('accepted', 'recalled')),
        CHECK ((state = 'refused') = (refuse_reason IS NOT NULL))
      ) STRICT;
      CREATE INDEX inbox_state ON inbox(state, id);
      CREATE TRIGGER inbox_never_deleted BEFORE DELETE ON inbox
      BEGIN SELECT RAISE(ABORT, 'inbox rows are never deleted'); END;

      CREATE TABLE inbox_files (
        id INTEGER PRIMARY KEY,
        inbox_id INTEGER NOT NULL REFERENCES inbox(id),
        position INTEGER NOT NULL,
        sha256 TEXT NOT NULL REFERENCES files(sha256),
        name TEXT NOT NULL,
        content_type TEXT NOT NULL DEFAULT '',
        verdict TEXT NOT NULL CHECK (verdict IN ('valid', 'indeterminate', 'invalid', 'unsigned', 'not-pdf')),
        report_json TEXT CHECK (report_json IS NULL OR json_valid(report_json)),
        UNIQUE (inbox_id, position)
      ) STRICT;

      -- A package the hub delivered that could not be read: acknowledged 'fail' with the reason,
      -- and kept for the clerk to see.
      CREATE TABLE hub_rejects (
        hub_doc_id TEXT PRIMARY KEY,
        message_type TEXT NOT NULL CHECK (message_type IN ('edoc', 'status')),
        reason TEXT NOT NULL,
        package_sha256 TEXT REFERENCES files(sha256),
        received_at TEXT NOT NULL
      ) STRICT;

      -- What we send: a document package for an issued document (all its electronic recipients
      -- in To), or a status package about an incoming one. 'sending' is written before the
      -- request: found after a crash or a timeout, the outcome is unknown and is reconciled with
      -- getSentEdocList before any resend (the hub has no idempotency).
      CREATE TABLE hub_sends (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('edoc', 'status')),
        document_id INTEGER REFERENCES documents(id),
        business_type INTEGER CHECK (business_type BETWEEN 0 AND 3),
        inbox_id INTEGER REFERENCES inbox(id),
        status_code TEXT CHECK (status_code IS NULL OR (length(status_code) = 2 AND status_code GLOB '[0-9][0-9]')),
        description TEXT,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'cancelled')),
        -- Built once, so a retry sends the same bytes.
        package_sha256 TEXT REFERENCES files(sha256),
        hub_doc_id TEXT UNIQUE,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        sent_at TEXT,
        CHECK ((kind = 'edoc') = (document_id IS NOT NULL AND business_type IS NOT NULL AND inbox_id IS NULL AND status_code IS NULL)),
        CHECK ((kind = 'status') = (inbox_id IS NOT NULL AND status_code IS NOT NULL AND document_id IS NULL)),
        CHECK ((state = 'sent') = (hub_doc_id IS NOT NULL))
      ) STRICT;
      CREATE INDEX hub_sends_open ON hub_sends(state, id) WHERE state IN ('pending', 'sending');
      CREATE TRIGGER hub_sends_never_deleted BEFORE DELETE ON hub_sends
      BEGIN SELECT RAISE(ABORT, 'hub sends are never deleted: cancel them'); END;
      CREATE TRIGGER hub_sends_never_secret BEFORE INSERT ON hub_sends
        WHEN NEW.kind = 'edoc' AND EXISTS (SELECT 1 FROM issuances WHERE document_id = NEW.document_id AND secrecy <> 'none')
      BEGIN SELECT RAISE(ABORT, 'a secret document is never queued for electronic sending'); END;

      -- Each electronic recipient of a sent document: the package that carries it, and the last
      -- status it reported (01 … 06, 15, 16).
      ALTER TABLE outbox ADD COLUMN send_id INTEGER REFERENCES hub_sends(id);
      ALTER TABLE outbox ADD COLUMN receive_status TEXT;
      ALTER TABLE outbox ADD COLUMN receive_description TEXT;
      ALTER TABLE outbox ADD COLUMN receive_status_at TEXT;

      -- Status packages received about our documents, each once.
      CREATE TABLE hub_statuses (
        id INTEGER PRIMARY KEY,
        hub_doc_id TEXT NOT NULL UNIQUE,
        outbox_id INTEGER REFERENCES outbox(id),
        from_organ_id TEXT NOT NULL,
        response_for_document_id TEXT NOT NULL,
        status_code TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        staff_json TEXT CHECK (staff_json IS NULL OR json_valid(staff_json)),
        reported_at TEXT,
        received_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX hub_statuses_outbox ON hub_statuses(outbox_id);

      -- The hub's agency directory, cached for choosing recipients offline.
      CREATE TABLE hub_agencies (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        name_folded TEXT NOT NULL,
        parent_code TEXT,
        mail TEXT,
        code102 TEXT,
        updated_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX hub_agencies_folded ON hub_agencies(name_folded);

      CREATE TABLE hub_sync_runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        outcome TEXT CHECK (outcome IS NULL OR outcome IN ('ok', 'partial', 'offline', 'failed')),
        summary_json TEXT CHECK (summary_json IS NULL OR json_valid(summary_json))
      ) STRICT;
    `);
  },
};
