import type { AttachmentRecord } from '../../shared/api/schemas/documents.ts';
import type { PaperKind } from '../../shared/domain/copy-rules.ts';
import type { ScanVerdict } from '../../shared/domain/scan-standard.ts';
import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import { linkFiles, type StagedFile } from './attachments.ts';
import { timestamp } from './clock.ts';
import type { RegistryContext } from './context.ts';
import { getDocument, listAttachments } from './documents.ts';
import { refuseIfFrozen } from './frozen-documents.ts';

// The digitised paper files of a document (migration 0009): which stored file is the scan of a
// paper original or of a paper sao y, and what it measured. A file becomes a digitisation only
// here, after it met the standard of Appendix I (Part II, I.2), in the transaction that links it.
export function recordDigitisation(
  ctx: RegistryContext,
  input: { documentId: number; file: StagedFile; paperKind: PaperKind; madeFrom: 'pdf' | 'images'; verdict: ScanVerdict },
): AttachmentRecord {
  getDocument(ctx, input.documentId);
  refuseIfFrozen(ctx, input.documentId, 'document.digitise');
  writeTransaction(ctx.db, () => {
    linkFiles(ctx, input.documentId, [input.file]);
    statement(
      ctx.db,
      `INSERT INTO digitisations (document_id, sha256, paper_kind, made_from, pdf_version, min_dpi, colour, page_count, created_at)
       VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT (document_id, sha256) DO NOTHING`,
    ).run(input.documentId, input.file.sha256, input.paperKind, input.madeFrom, input.verdict.pdfVersion, input.verdict.minDpi, input.verdict.pages.length, timestamp(ctx.clock));
    ctx.audit.append({
      action: 'document.digitise',
      entityType: 'document',
      entityId: input.documentId,
      details: {
        name: input.file.name,
        sha256: input.file.sha256,
        size: input.file.size,
        paperKind: input.paperKind,
        madeFrom: input.madeFrom,
        pdfVersion: input.verdict.pdfVersion,
        minDpi: input.verdict.minDpi,
        pages: input.verdict.pages.length,
      },
    });
  });
  const added = listAttachments(ctx, input.documentId).filter((a) => a.sha256 === input.file.sha256).pop();
  if (!added) throw new Error(`digitised file ${input.file.sha256} not linked`);
  return added;
}

// sha256 → paper kind, for the files of one document that are digitisations.
export function digitisedFiles(ctx: RegistryContext, documentId: number): Map<string, PaperKind> {
  const rows = statement(ctx.db, 'SELECT sha256, paper_kind FROM digitisations WHERE document_id = ?').all(documentId) as Array<{ sha256: string; paper_kind: PaperKind }>;
  return new Map(rows.map((r) => [r.sha256, r.paper_kind]));
}
