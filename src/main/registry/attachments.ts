import { AppError } from '../../shared/errors.ts';
import { mapFsError } from '../files/durable-fs.ts';
import { timestamp } from './clock.ts';
import type { RegistryContext } from './context.ts';
import { statement } from '../db/statements.ts';
import { findScanText } from './scan-texts.ts';
import { reindexDocument } from './search-index.ts';

export interface StagedFile {
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
}

// Names are shown to the clerk and used when a file is saved out again, never as a path here:
// keep the last path segment and drop control characters.
export function cleanFileName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  const cleaned = last.normalize('NFC').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return cleaned || 'tep-dinh-kem';
}

// Step one of attaching: the bytes go to the blob store (fsynced) BEFORE the transaction that
// refers to them, so a committed row always has its file.
export function stageFile(ctx: RegistryContext, name: string, data: Uint8Array): StagedFile {
  try {
    const blob = ctx.blobs.put(data);
    return { name: cleanFileName(name), ...blob };
  } catch (e) {
    throw mapFsError(e, ctx.blobs.root);
  }
}

export function stageBase64(ctx: RegistryContext, upload: { name: string; dataBase64: string }): StagedFile {
  const data = Buffer.from(upload.dataBase64, 'base64');
  if (data.length === 0) {
    throw new AppError('INVALID_INPUT', `Tệp "${cleanFileName(upload.name)}" rỗng.`, `empty attachment ${upload.name}`);
  }
  return stageFile(ctx, upload.name, data);
}

// Step two, inside the registering transaction. A scan whose text was recognised brings its
// searchable PDF along (stored beside it, named after it) and its text into the search index.
export function linkFiles(ctx: RegistryContext, documentId: number, files: readonly StagedFile[]): void {
  const at = timestamp(ctx.clock);
  const insertFile = statement(ctx.db, 'INSERT OR IGNORE INTO files (sha256, size, created_at) VALUES (?, ?, ?)');
  const link = statement(ctx.db, 'INSERT INTO document_files (document_id, sha256, name, added_at, revision_of) VALUES (?, ?, ?, ?, ?)');
  const linked = statement(ctx.db, 'SELECT 1 FROM document_files WHERE document_id = ? AND sha256 = ?');
  let recognised = false;
  for (const f of files) {
    insertFile.run(f.sha256, f.size, at);
    link.run(documentId, f.sha256, f.name, at, null);
    const text = findScanText(ctx.db, f.sha256);
    if (!text) continue;
    recognised = true;
    if (text.searchableSha256 && text.searchableSize !== null && !linked.get(documentId, text.searchableSha256)) {
      insertFile.run(text.searchableSha256, text.searchableSize, at);
      link.run(documentId, text.searchableSha256, searchableName(f.name), at, f.sha256);
    }
  }
  if (recognised) reindexDocument(ctx.db, documentId);
}

// "cong-van-den.tif" → "cong-van-den-tim-kiem.pdf": the searchable PDF made from a scan.
export function searchableName(scanName: string): string {
  const dot = scanName.lastIndexOf('.');
  return `${dot > 0 ? scanName.slice(0, dot) : scanName}-tim-kiem.pdf`;
}
