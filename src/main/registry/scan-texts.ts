import type { Db } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import { timestamp } from './clock.ts';
import type { RegistryContext } from './context.ts';

// The text recognised from a scan, kept by the scan's SHA-256 until the scan is a document's
// file (migration 0012, docs/ocr.md "Searchable").

export interface ScanText {
  readonly sha256: string;
  readonly pages: number;
  readonly text: string;
  readonly engine: string;
  readonly searchableSha256: string | null;
  readonly searchableSize: number | null;
}

export interface NewScanText {
  readonly sha256: string;
  readonly pages: number;
  readonly text: string;
  readonly engine: string;
  // The searchable PDF, already in the blob store (fsynced) before this row refers to it.
  readonly searchable?: { readonly sha256: string; readonly size: number } | undefined;
}

export function findScanText(db: Db, sha256: string): ScanText | null {
  const row = statement(db, 'SELECT sha256, pages, text, engine, searchable_sha256 AS searchableSha256, searchable_size AS searchableSize FROM scan_texts WHERE sha256 = ?').get(sha256) as
    | ScanText
    | undefined;
  return row ?? null;
}

// Written once: a second recognition of the same bytes keeps the first text (the index of a
// registered document does not change under it) and only adds a searchable PDF if none was made.
export function recordScanText(ctx: RegistryContext, t: NewScanText): ScanText {
  const at = timestamp(ctx.clock);
  statement(ctx.db, 'INSERT OR IGNORE INTO scan_texts (sha256, pages, text, engine, searchable_sha256, searchable_size, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    t.sha256,
    t.pages,
    t.text,
    t.engine,
    t.searchable?.sha256 ?? null,
    t.searchable?.size ?? null,
    at,
  );
  if (t.searchable) {
    statement(ctx.db, 'UPDATE scan_texts SET searchable_sha256 = ?, searchable_size = ? WHERE sha256 = ? AND searchable_sha256 IS NULL').run(t.searchable.sha256, t.searchable.size, t.sha256);
  }
  const row = findScanText(ctx.db, t.sha256);
  if (!row) throw new Error(`scan text ${t.sha256} not written`);
  return row;
}

// The recognised text of every scan among a document's files, for the search index.
export function bodyTextOf(db: Db, documentId: number): string {
  const rows = statement(db, 'SELECT t.text FROM document_files f JOIN scan_texts t ON t.sha256 = f.sha256 WHERE f.document_id = ? ORDER BY f.id').all(documentId) as { text: string }[];
  return rows.map((r) => r.text).join('\n');
}
