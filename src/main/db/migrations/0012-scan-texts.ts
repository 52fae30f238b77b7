import type { Migration } from './migration.ts';

// The text recognised from scans (docs/ocr.md "Searchable"). A row is keyed by the scan's
// SHA-256, not by a document: the clerk recognises a scan on the registration form before the
// document exists, and the row waits for the file to be linked, when the text enters the
// search index. The searchable PDF made from it (image with the text under it) is a stored file
// of its own; the original scan is never changed. A row is written once: the same bytes give the
// same text, and the search index of a registered document must not change under it.
export const migration0012: Migration = {
  version: 12,
  name: 'scan-texts',
  up(db) {
    db.exec(`
      CREATE TABLE scan_texts (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        pages INTEGER NOT NULL CHECK (pages >= 1),
        text TEXT NOT NULL,
        engine TEXT NOT NULL,
        searchable_sha256 TEXT CHECK (searchable_sha256 IS NULL OR length(searchable_sha256) = 64),
        searchable_size INTEGER CHECK ((searchable_sha256 IS NULL) = (searchable_size IS NULL)),
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER scan_texts_never_changed BEFORE UPDATE ON scan_texts
      WHEN OLD.searchable_sha256 IS NOT NULL OR NEW.sha256 IS NOT OLD.sha256 OR NEW.text IS NOT OLD.text
        OR NEW.pages IS NOT OLD.pages OR NEW.engine IS NOT OLD.engine OR NEW.created_at IS NOT OLD.created_at
      BEGIN SELECT RAISE(ABORT, 'a recognised text is written once (only its searchable PDF may be added later)'); END;
      CREATE TRIGGER scan_texts_never_deleted BEFORE DELETE ON scan_texts
      BEGIN SELECT RAISE(ABORT, 'a recognised text is never deleted'); END;
    `);
  },
};
