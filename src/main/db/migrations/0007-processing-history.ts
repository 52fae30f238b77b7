import type { Migration } from './migration.ts';

// The processing history of an incoming document (docs/processing.md): the leader's instruction
// with the lead and coordinating units and a deadline for each, the unit leader's assignment, the
// handler's proposal and result (Art. 23.2, 23.4; Appendix IV "Phiếu giải quyết văn bản đến";
// Appendix VI III.5.a and field 17 TraceHeaderList of Part II.II). Entries are appended, never
// changed or deleted (triggers); a correction is a new entry naming the one it corrects.
//
// The processing columns of `documents` (processing_status, assignee_unit, assignee_person,
// due_date, reply_notation) stay: they are what the history comes to, written in the same
// transaction as each entry, so the lists, their indexes and the register books read them as
// before. Each document's existing state becomes history entries here, so an old profile shows
// the assignment it had as its first entries.
export const migration0007: Migration = {
  version: 7,
  name: 'processing-history',
  up(db) {
    db.exec(`
      CREATE TABLE processing_entries (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        -- instruction: the head of the agency's (part 1 of the phiếu); unit_instruction: a unit
        -- leader's (part 2); proposal: the handler's (part 3); status: progress or the result;
        -- reply: closed by an outgoing document answering it.
        kind TEXT NOT NULL CHECK (kind IN ('instruction', 'unit_instruction', 'proposal', 'status', 'reply')),
        -- Who gave the instruction, proposal or result, as the clerk wrote it; NULL when not told
        -- (a quick step, data from before this migration).
        author TEXT,
        text TEXT,
        -- The date the opinion was given (the phiếu's "Ngày tháng cho ý kiến"), Vietnam date.
        given_on TEXT CHECK (given_on IS NULL OR given_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        -- The processing state once this entry is made.
        status TEXT NOT NULL CHECK (status IN ('pending', 'assigned', 'in_progress', 'done')),
        reply_notation TEXT,
        reply_document_id INTEGER REFERENCES documents(id),
        corrects_id INTEGER REFERENCES processing_entries(id),
        -- The account that recorded it (the audit log's actor) and when (UTC).
        recorded_by TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        CHECK (kind <> 'reply' OR reply_document_id IS NOT NULL)
      ) STRICT;
      CREATE INDEX processing_entries_document ON processing_entries(document_id, id);

      -- Who an instruction gives the document to: one lead (chủ trì), any coordinating units
      -- (phối hợp), each with its own deadline (Art. 23.2).
      CREATE TABLE processing_assignees (
        entry_id INTEGER NOT NULL REFERENCES processing_entries(id),
        position INTEGER NOT NULL CHECK (position >= 0),
        role TEXT NOT NULL CHECK (role IN ('lead', 'coordinate')),
        unit TEXT,
        person TEXT,
        due_date TEXT CHECK (due_date IS NULL OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        PRIMARY KEY (entry_id, position),
        CHECK (unit IS NOT NULL OR person IS NOT NULL)
      ) STRICT;

      CREATE TRIGGER processing_entries_append_only BEFORE UPDATE ON processing_entries
      BEGIN SELECT RAISE(ABORT, 'processing history is append-only: record a correction'); END;
      CREATE TRIGGER processing_entries_never_deleted BEFORE DELETE ON processing_entries
      BEGIN SELECT RAISE(ABORT, 'processing history is append-only: record a correction'); END;
      CREATE TRIGGER processing_assignees_append_only BEFORE UPDATE ON processing_assignees
      BEGIN SELECT RAISE(ABORT, 'processing history is append-only: record a correction'); END;
      CREATE TRIGGER processing_assignees_never_deleted BEFORE DELETE ON processing_assignees
      BEGIN SELECT RAISE(ABORT, 'processing history is append-only: record a correction'); END;

      -- Existing assignments: the assignee and deadline as an instruction entry (author unknown),
      -- and a progress or result entry when the document had gone further or had a reply.
      INSERT INTO processing_entries (document_id, kind, status, recorded_by, recorded_at)
        SELECT id, 'instruction', CASE WHEN processing_status IN ('pending', 'assigned') THEN 'assigned' ELSE processing_status END,
               'migration:0007', updated_at
        FROM documents
        WHERE direction = 'incoming' AND (assignee_unit IS NOT NULL OR assignee_person IS NOT NULL);
      INSERT INTO processing_assignees (entry_id, position, role, unit, person, due_date)
        SELECT e.id, 0, 'lead', d.assignee_unit, d.assignee_person, d.due_date
        FROM processing_entries e JOIN documents d ON d.id = e.document_id;
      INSERT INTO processing_entries (document_id, kind, status, reply_notation, recorded_by, recorded_at)
        SELECT id, 'status', processing_status, reply_notation, 'migration:0007', updated_at
        FROM documents
        WHERE direction = 'incoming' AND processing_status IS NOT NULL
          AND (processing_status IN ('in_progress', 'done') OR reply_notation IS NOT NULL
               OR (processing_status = 'assigned' AND assignee_unit IS NULL AND assignee_person IS NULL));
    `);
  },
};
