import type { CaseFileRecord } from '../../shared/api/schemas/casefiles.ts';
import { AppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import { timestamp } from '../registry/clock.ts';
import type { RegistryContext } from '../registry/context.ts';
import { getDocument } from '../registry/documents.ts';
import { CASE_FILE_SELECT, caseFileRow, type CaseFileRow, getCaseFile, PLAN_ORDER, toCaseFileRecord } from './case-file-rows.ts';
import { refuseIfHandedOver, requireOpen } from './file-guards.ts';

// Filing (Decree 30 Art. 29.3; Appendix VI III.4): incoming and outgoing documents of the
// registers put into a file. A document may be in several files; it is linked, never copied
// (III.4.e). A document filed by mistake is withdrawn (removed_at), the row kept.

// Secret documents are not filed here: a document of a secret series, or drafted as secret. The
// state-secrets law (29/2018/QH14) keeps secret records on paper in the secret archive, and an
// electronic file is handed over as an electronic package (Art. 30.3.b). The secret incoming
// register (migration 0010) is not in `documents` at all, so it cannot be named.
function isSecret(ctx: RegistryContext, documentId: number): boolean {
  const row = statement(
    ctx.db,
    `SELECT s.secret AS secret, (SELECT secrecy FROM issuances WHERE document_id = d.id) AS secrecy
     FROM documents d JOIN registers r ON r.id = d.register_id JOIN series s ON s.id = r.series_id WHERE d.id = ?`,
  ).get(documentId) as { secret: number; secrecy: string | null };
  return row.secret === 1 || (row.secrecy ?? 'none') !== 'none';
}

function liveFiling(ctx: RegistryContext, caseFileId: number, documentId: number): { id: number } | undefined {
  return statement(ctx.db, 'SELECT id FROM case_file_documents WHERE case_file_id = ? AND document_id = ? AND removed_at IS NULL').get(caseFileId, documentId) as
    | { id: number }
    | undefined;
}

function documentLabel(d: { direction: string; number: number; year: number }): string {
  return `văn bản ${d.direction === 'incoming' ? 'đến' : 'đi'} số ${d.number}/${d.year}`;
}

export function addDocument(ctx: RegistryContext, input: { caseFileId: number; documentId: number }): CaseFileRecord {
  refuseIfHandedOver(ctx, caseFileRow(ctx, input.caseFileId), 'caseFile.addDocument');
  writeTransaction(ctx.db, () => {
    const file = caseFileRow(ctx, input.caseFileId);
    requireOpen(ctx, file, 'caseFile.addDocument');
    const doc = getDocument(ctx, input.documentId);
    if (doc.status === 'void') {
      throw new AppError('CONFLICT', `Không đưa ${documentLabel(doc)} vào hồ sơ: văn bản đã bị hủy.`, `document ${doc.id} is void`);
    }
    if (isSecret(ctx, doc.id)) {
      throw new AppError(
        'FORBIDDEN',
        'Văn bản mật không đưa vào hồ sơ điện tử: hồ sơ tài liệu mật được lập và bảo quản theo Luật Bảo vệ bí mật nhà nước (29/2018/QH14).',
        `document ${doc.id} is secret`,
      );
    }
    if (liveFiling(ctx, file.id, doc.id)) {
      throw new AppError('CONFLICT', `V${documentLabel(doc).slice(1)} đã có trong hồ sơ ${file.notation} năm ${file.plan_year}.`, `document ${doc.id} already in case file ${file.id}`);
    }
    statement(ctx.db, 'INSERT INTO case_file_documents (case_file_id, document_id, added_at) VALUES (?, ?, ?)').run(file.id, doc.id, timestamp(ctx.clock));
    ctx.audit.append({ action: 'caseFile.addDocument', entityType: 'caseFile', entityId: file.id, details: { documentId: doc.id, notation: file.notation } });
  });
  return getCaseFile(ctx, input.caseFileId);
}

export function removeDocument(ctx: RegistryContext, input: { caseFileId: number; documentId: number }): CaseFileRecord {
  refuseIfHandedOver(ctx, caseFileRow(ctx, input.caseFileId), 'caseFile.removeDocument');
  writeTransaction(ctx.db, () => {
    const file = caseFileRow(ctx, input.caseFileId);
    requireOpen(ctx, file, 'caseFile.removeDocument');
    const filing = liveFiling(ctx, file.id, input.documentId);
    if (!filing) throw new AppError('NOT_FOUND', `Văn bản này không có trong hồ sơ ${file.notation} năm ${file.plan_year}.`, `document ${input.documentId} not in case file ${file.id}`);
    statement(ctx.db, 'UPDATE case_file_documents SET removed_at = ? WHERE id = ?').run(timestamp(ctx.clock), filing.id);
    ctx.audit.append({ action: 'caseFile.removeDocument', entityType: 'caseFile', entityId: file.id, details: { documentId: input.documentId, notation: file.notation } });
  });
  return getCaseFile(ctx, input.caseFileId);
}

// The files a document is in, in plan order (the document screen's panel).
export function filesOfDocument(ctx: RegistryContext, documentId: number): CaseFileRecord[] {
  getDocument(ctx, documentId);
  const rows = statement(
    ctx.db,
    `${CASE_FILE_SELECT} WHERE cf.id IN (SELECT case_file_id FROM case_file_documents WHERE document_id = ? AND removed_at IS NULL)
     ORDER BY p.year, ${PLAN_ORDER.replace('ORDER BY ', '')}`,
  ).all(documentId) as CaseFileRow[];
  return rows.map(toCaseFileRecord);
}

// With what a file's list and its mục lục show of each document, read in the same pass: a file of
// 500 documents opened one getDocument at a time spent most of its time there (bench:records).
export interface FiledRow {
  document_id: number;
  added_at: string;
  direction: 'incoming' | 'outgoing';
  year: number;
  number: number;
  code_number: string;
  code_notation: string;
  document_date: string;
  document_type_name: string;
  subject: string;
  issuing_agency: string;
  status: 'active' | 'void';
  page_count: number | null;
}

// DocOrdinal (Appendix VI Part II III.2; III.4.b "tự động đánh số thứ tự"): the documents in the
// order of their own date, then of their registration (register date, then the order the rows
// were written), so that the file reads as the work went (Art. 29.1.b).
export function filedRows(ctx: RegistryContext, caseFileId: number): FiledRow[] {
  return statement(
    ctx.db,
    `SELECT x.document_id, x.added_at, d.direction, d.year, d.number, d.code_number, d.code_notation, d.document_date,
       d.document_type_name, d.subject, d.issuing_agency, d.status, d.page_count
     FROM case_file_documents x JOIN documents d ON d.id = x.document_id
     WHERE x.case_file_id = ? AND x.removed_at IS NULL ORDER BY d.document_date, d.register_date, d.id`,
  ).all(caseFileId) as FiledRow[];
}
