import type { Migration } from './migration.ts';

// Copies (Decree 30/2020 Art. 25, docs/copies.md) and the digitised paper files they may be made
// from. A digitisation row says that a stored file of a document is the scan of a paper bản gốc /
// bản chính or of a paper bản sao y, and what it measured against Appendix I (Part II, I.2). A
// copy row links the copy's own register row (numbered in the copies series: 05/SY-UBND) to the
// document and the file it copies. The database keeps the rule of Art. 25.1 and 33.2 even if the
// code were wrong: an electronic SAO Y is made only from a digitised paper original, an
// electronic SAO LỤC only from a digitised paper sao y; and a paper copy is never queued for the hub.
export const migration0009: Migration = {
  version: 9,
  name: 'copies-digitisation',
  up(db) {
    db.exec(`
      CREATE TABLE digitisations (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id),
        sha256 TEXT NOT NULL REFERENCES files(sha256),
        paper_kind TEXT NOT NULL CHECK (paper_kind IN ('original', 'certified-copy')),
        made_from TEXT NOT NULL CHECK (made_from IN ('pdf', 'images')),
        pdf_version TEXT NOT NULL,
        min_dpi INTEGER NOT NULL CHECK (min_dpi >= 200),
        colour INTEGER NOT NULL CHECK (colour = 1),
        page_count INTEGER NOT NULL CHECK (page_count > 0),
        created_at TEXT NOT NULL,
        UNIQUE (document_id, sha256)
      ) STRICT;
      CREATE TRIGGER digitisations_never_deleted BEFORE DELETE ON digitisations
      BEGIN SELECT RAISE(ABORT, 'a digitisation record is never deleted'); END;
      CREATE TRIGGER digitisations_never_changed BEFORE UPDATE ON digitisations
      BEGIN SELECT RAISE(ABORT, 'a digitisation record never changes'); END;

      CREATE TABLE copies (
        id INTEGER PRIMARY KEY,
        copy_document_id INTEGER NOT NULL UNIQUE REFERENCES documents(id),
        source_document_id INTEGER NOT NULL REFERENCES documents(id),
        source_sha256 TEXT NOT NULL REFERENCES files(sha256),
        kind TEXT NOT NULL CHECK (kind IN ('sao-y', 'sao-luc', 'trich-sao')),
        form TEXT NOT NULL CHECK (form IN ('electronic', 'paper')),
        output_sha256 TEXT NOT NULL REFERENCES files(sha256),
        basis TEXT NOT NULL,
        created_at TEXT NOT NULL,
        CHECK (copy_document_id <> source_document_id)
      ) STRICT;
      CREATE INDEX copies_source ON copies(source_document_id);
      CREATE TRIGGER copies_never_deleted BEFORE DELETE ON copies
      BEGIN SELECT RAISE(ABORT, 'a copy record is never deleted: void its register row'); END;
      CREATE TRIGGER copies_never_changed BEFORE UPDATE ON copies
      BEGIN SELECT RAISE(ABORT, 'a copy record never changes'); END;
      CREATE TRIGGER copies_electronic_from_paper BEFORE INSERT ON copies
        WHEN NEW.form = 'electronic' AND NEW.kind IN ('sao-y', 'sao-luc') AND NOT EXISTS (
          SELECT 1 FROM digitisations WHERE document_id = NEW.source_document_id AND sha256 = NEW.source_sha256
            AND paper_kind = CASE NEW.kind WHEN 'sao-y' THEN 'original' ELSE 'certified-copy' END)
      BEGIN SELECT RAISE(ABORT, 'an electronic sao y or sao luc is made only from a digitised paper document (Decree 30 Art. 25, 33.2)'); END;
      CREATE TRIGGER outbox_copy_electronic_only BEFORE INSERT ON outbox
        WHEN EXISTS (SELECT 1 FROM copies WHERE copy_document_id = NEW.document_id AND form = 'paper')
      BEGIN SELECT RAISE(ABORT, 'a paper copy is never queued for electronic sending'); END;
    `);
  },
};
