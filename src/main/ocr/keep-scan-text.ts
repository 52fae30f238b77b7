import { writeTransaction } from '../db/connection.ts';
import type { RegistryContext } from '../registry/context.ts';
import { recordScanText, type ScanText } from '../registry/scan-texts.ts';
import { ENGINE_NAME } from './ocr-engine.ts';
import type { OcrDocument } from './recognise.ts';

// What was recognised from a scan, kept in the profile by the scan's SHA-256 until the scan is
// registered (docs/ocr.md "Searchable"): the searchable PDF first (fsynced in the blob store),
// then the row that refers to it.
export function keepScanText(ctx: RegistryContext, sha256: string, document: OcrDocument): ScanText {
  const searchable = document.searchablePdf ? ctx.blobs.put(document.searchablePdf) : undefined;
  const text = scanText(document);
  return writeTransaction(ctx.db, () => recordScanText(ctx, { sha256, pages: document.pages.length, text, engine: ENGINE_NAME, searchable }));
}

// The pages' text, a form feed between pages.
export function scanText(document: OcrDocument): string {
  return document.pages.map((p) => p.text.trim()).join('\n\f\n');
}
