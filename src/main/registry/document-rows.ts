import type { DocumentRecord } from '../../shared/api/schemas/documents.ts';
import { PRIORITIES } from '../../shared/domain/priority.ts';
import type { ProcessingStatus } from '../../shared/domain/processing.ts';

// The columns every document query selects, with the series name and attachment count joined in.
// `case_files` are the notations of the files the document is in ("Số và ký hiệu HS", docs/case-files.md).
// `overdue` is computed in SQL against the caller's today so list pages need no second pass.
export const DOCUMENT_COLUMNS = `
  d.*, s.name AS series_name,
  (SELECT count(*) FROM document_files f WHERE f.document_id = d.id) AS attachment_count,
  (SELECT json_group_array(cf.notation) FROM case_file_documents x JOIN case_files cf ON cf.id = x.case_file_id
     WHERE x.document_id = d.id AND x.removed_at IS NULL) AS case_files,
  (d.direction = 'incoming' AND d.status = 'active' AND d.due_date IS NOT NULL
     AND d.due_date < @today AND coalesce(d.processing_status, '') <> 'done') AS overdue`;

// CROSS JOIN keeps the documents (or the search index) as the outer loop, the register and its
// series being one lookup each. With ANALYZE statistics SQLite would otherwise start from the
// few registers and sort every document of the direction before the first page (seconds at 1M).
const SERIES_JOIN = `
  CROSS JOIN registers r ON r.id = d.register_id
  CROSS JOIN series s ON s.id = r.series_id`;

export const DOCUMENT_FROM = `documents d ${SERIES_JOIN}`;

// A page chosen first by id alone (the inner query can sort and count from an index without
// reading rows or computing the columns above), then its rows read in full.
export function pageFrom(innerIdQuery: string): string {
  return `(${innerIdQuery}) AS page CROSS JOIN documents d ON d.id = page.id ${SERIES_JOIN}`;
}

// For full-text search: FTS5 drives the scan, documents are looked up by rowid.
export const SEARCH_FROM = `documents_fts CROSS JOIN documents d ON d.id = documents_fts.rowid ${SERIES_JOIN}`;

export interface DocumentRow {
  id: number;
  register_id: number;
  direction: 'incoming' | 'outgoing';
  year: number;
  number: number;
  register_date: string;
  arrival_at: string | null;
  code_number: string;
  code_notation: string;
  document_date: string;
  document_type: string;
  document_type_name: string;
  subject: string;
  issuing_agency: string;
  signer_name: string | null;
  signer_position: string | null;
  signer_competence: string | null;
  recipients_text: string | null;
  recipient_unit: string | null;
  copies: number | null;
  page_count: number | null;
  transfer_date: string | null;
  received_by: string | null;
  notes: string | null;
  priority: number;
  due_date: string | null;
  document_identifier: string | null;
  duplicate_key: string | null;
  status: 'active' | 'void';
  void_reason: string | null;
  voided_at: string | null;
  processing_status: ProcessingStatus | null;
  assignee_unit: string | null;
  assignee_person: string | null;
  reply_notation: string | null;
  created_at: string;
  updated_at: string;
  series_name: string;
  attachment_count: number;
  case_files: string;
  overdue: number;
}

export function toDocumentRecord(r: DocumentRow): DocumentRecord {
  return {
    id: r.id,
    direction: r.direction,
    registerId: r.register_id,
    seriesName: r.series_name,
    year: r.year,
    number: r.number,
    registerDate: r.register_date,
    arrivalAt: r.arrival_at,
    codeNumber: r.code_number,
    codeNotation: r.code_notation,
    documentDate: r.document_date,
    documentType: r.document_type,
    documentTypeName: r.document_type_name,
    subject: r.subject,
    issuingAgency: r.issuing_agency,
    signerName: r.signer_name,
    signerPosition: r.signer_position,
    signerCompetence: r.signer_competence,
    recipientsText: r.recipients_text,
    recipientUnit: r.recipient_unit,
    copies: r.copies,
    pageCount: r.page_count,
    transferDate: r.transfer_date,
    receivedBy: r.received_by,
    notes: r.notes,
    priority: PRIORITIES[r.priority] ?? 'thuong',
    dueDate: r.due_date,
    documentIdentifier: r.document_identifier,
    status: r.status,
    voidReason: r.void_reason,
    processingStatus: r.processing_status,
    assigneeUnit: r.assignee_unit,
    assigneePerson: r.assignee_person,
    replyNotation: r.reply_notation,
    overdue: r.overdue === 1,
    attachmentCount: r.attachment_count,
    caseFiles: (JSON.parse(r.case_files) as string[]).sort(),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
