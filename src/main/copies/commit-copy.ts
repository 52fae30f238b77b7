import type { CopyRecord } from '../../shared/api/schemas/copies.ts';
import type { AttachmentRecord, DocumentRecord } from '../../shared/api/schemas/documents.ts';
import { COPY_DOCUMENT_TYPES, COPY_LABELS, type CopyForm, type CopyKind } from '../../shared/domain/copy-rules.ts';
import { formatVietnameseDate } from '../../shared/domain/dates.ts';
import { numberNotation } from '../../shared/domain/notation.ts';
import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import type { StoredBlob } from '../files/blob-store.ts';
import { timestamp } from '../registry/clock.ts';
import type { RegistryContext } from '../registry/context.ts';
import { getCopy, insertCopy } from '../registry/copies-repo.ts';
import { registerOutgoing } from '../registry/outgoing.ts';

// The number a paper copy's block was printed with was taken by another registration meanwhile.
export class CopyNumberTaken extends Error {}

export interface CopyCommit {
  readonly source: DocumentRecord;
  readonly file: AttachmentRecord;
  readonly kind: CopyKind;
  readonly form: CopyForm;
  readonly basis: string;
  readonly output: StoredBlob;
  readonly outputName: string;
  readonly subject: string | null;
  readonly signerName: string;
  readonly signerPosition: string | null;
  readonly signerCompetence: string | null;
  readonly recipientsText: string | null;
  // What the printed block says, for a paper copy: the commit must give the same.
  readonly expected: { readonly codeNumber: string; readonly codeNotation: string; readonly date: string } | null;
}

// "Sao y Quyết định số 15/QĐ-UBND ngày 05/01/2026 của UBND xã Hòa Tiến: V/v …" (column 3 of the
// copies register), unless the clerk wrote their own.
function defaultSubject(kind: CopyKind, source: DocumentRecord): string {
  const label = COPY_LABELS[kind];
  const verb = label.charAt(0) + label.slice(1).toLocaleLowerCase('vi');
  return `${verb} ${source.documentTypeName} số ${numberNotation(source)} ngày ${formatVietnameseDate(source.documentDate)} của ${source.issuingAgency}: ${source.subject}`.slice(0, 2000);
}

// One transaction: the copy's register row in the copies series (this is what takes its number,
// 05/SY-UBND), its file linked to that row, the copy record and the audit entry. A failure
// before the commit uses no number; the stored output is then an unreferenced file.
export function commitCopy(ctx: RegistryContext, c: CopyCommit): CopyRecord {
  const id = writeTransaction(ctx.db, () => {
    const doc = registerOutgoing(ctx, {
      documentType: COPY_DOCUMENT_TYPES[c.kind],
      subject: c.subject ?? defaultSubject(c.kind, c.source),
      documentDate: null,
      unitAbbreviation: null,
      signerName: c.signerName,
      signerPosition: c.signerPosition,
      signerCompetence: c.signerCompetence,
      recipientsText: c.recipientsText,
      recipientUnit: null,
      copies: null,
      pageCount: null,
      transferDate: null,
      receivedBy: null,
      notes: null,
      priority: 'thuong',
      dueDate: null,
      attachments: [],
    });
    if (c.expected && (doc.codeNumber !== c.expected.codeNumber || doc.codeNotation !== c.expected.codeNotation || doc.documentDate !== c.expected.date)) {
      throw new CopyNumberTaken();
    }
    const at = timestamp(ctx.clock);
    statement(ctx.db, 'INSERT OR IGNORE INTO files (sha256, size, created_at) VALUES (?, ?, ?)').run(c.output.sha256, c.output.size, at);
    statement(ctx.db, 'INSERT INTO document_files (document_id, sha256, name, added_at, revision_of, revision_kind) VALUES (?, ?, ?, ?, ?, ?)').run(
      doc.id,
      c.output.sha256,
      c.outputName,
      at,
      c.file.sha256,
      c.form === 'electronic' ? 'copy' : null,
    );
    const copyId = insertCopy(ctx, {
      copyDocumentId: doc.id,
      sourceDocumentId: c.source.id,
      sourceSha256: c.file.sha256,
      kind: c.kind,
      form: c.form,
      outputSha256: c.output.sha256,
      basis: c.basis,
      at,
    });
    ctx.audit.append({
      action: 'copy.make',
      entityType: 'document',
      entityId: doc.id,
      details: {
        copyId,
        kind: c.kind,
        form: c.form,
        number: numberNotation(doc),
        source: { documentId: c.source.id, number: numberNotation(c.source), sha256: c.file.sha256 },
        sha256: c.output.sha256,
        basis: c.basis,
      },
    });
    return copyId;
  });
  const made = getCopy(ctx, id);
  if (!made) throw new Error(`copy ${id} not found after commit`);
  return made;
}
