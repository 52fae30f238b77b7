import type { Migration } from './migration.ts';

// Signing: settings that outlive a session (module paths the clerk added, the timestamp
// server, the trust anchors folder, the seal size), and the link from a signed or numbered PDF to
// the file it was made from. A signed file is a new stored file next to the one it came from;
// the earlier one is kept, as every stored file is.
export const migration0002: Migration = {
  version: 2,
  name: 'signing',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value)),
        updated_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;

      ALTER TABLE document_files ADD COLUMN revision_of TEXT CHECK (revision_of IS NULL OR length(revision_of) = 64);
      ALTER TABLE document_files ADD COLUMN revision_kind TEXT
        CHECK (revision_kind IS NULL OR revision_kind IN ('approval', 'number', 'agency', 'attachment', 'copy'));
    `);
  },
};
