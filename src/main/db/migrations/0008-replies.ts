import type { Migration } from './migration.ts';

// "Trả lời văn bản số …" (docs/processing.md, Replies): an outgoing document answering one or more
// incoming ones. The reply is named by its issuance while it is a draft (it has no register row
// before it is numbered) or by its register row when it was registered directly; the register
// row of an issuance is found through issuances.document_id. A link made by mistake is withdrawn
// (removed_at) before the reply is issued, never deleted; once the reply is issued the incoming
// document's processing is closed by a 'reply' history entry and the link stays.
export const migration0008: Migration = {
  version: 8,
  name: 'replies',
  up(db) {
    db.exec(`
      CREATE TABLE document_replies (
        id INTEGER PRIMARY KEY,
        incoming_id INTEGER NOT NULL REFERENCES documents(id),
        issuance_id INTEGER REFERENCES issuances(id),
        outgoing_id INTEGER REFERENCES documents(id),
        created_at TEXT NOT NULL,
        removed_at TEXT,
        -- When the reply's issue closed the incoming document (its history entry).
        closed_entry_id INTEGER REFERENCES processing_entries(id),
        CHECK ((issuance_id IS NULL) <> (outgoing_id IS NULL)),
        CHECK (removed_at IS NULL OR closed_entry_id IS NULL)
      ) STRICT;
      CREATE UNIQUE INDEX document_replies_issuance ON document_replies(issuance_id, incoming_id)
        WHERE issuance_id IS NOT NULL AND removed_at IS NULL;
      CREATE UNIQUE INDEX document_replies_outgoing ON document_replies(outgoing_id, incoming_id)
        WHERE outgoing_id IS NOT NULL AND removed_at IS NULL;
      CREATE INDEX document_replies_incoming ON document_replies(incoming_id);
      CREATE TRIGGER document_replies_never_deleted BEFORE DELETE ON document_replies
      BEGIN SELECT RAISE(ABORT, 'reply links are withdrawn, never deleted'); END;
      CREATE TRIGGER document_replies_fixed BEFORE UPDATE OF incoming_id, issuance_id, outgoing_id, created_at ON document_replies
      BEGIN SELECT RAISE(ABORT, 'a reply link never changes: withdraw it and link again'); END;
    `);
  },
};
