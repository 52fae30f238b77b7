import type { z } from 'zod';
import { BUSINESS_KINDS, type InboxDetail, type inboxListInput, type InboxSummary } from '../../shared/api/schemas/sync.ts';
import { verificationReport } from '../../shared/api/schemas/verification.ts';
import { AppError } from '../../shared/errors.ts';
import { statement } from '../db/statements.ts';
import type { DocumentHeader } from '../edxml/model.ts';
import type { RegistryContext } from '../registry/context.ts';

// What the clerk reads of the inbox: the packages the hub delivered, newest first, each with its
// files and the verification made when it arrived.

type ListInput = z.output<typeof inboxListInput>;

const SUMMARY_COLUMNS = `id, state, business_type AS businessType, from_organ_id AS fromOrganId, from_name AS fromName,
  code_number AS codeNumber, code_notation AS codeNotation, document_date AS documentDate,
  document_type_name AS documentTypeName, subject, verdict, received_at AS receivedAt, document_id AS documentId`;

type SummaryRow = Omit<InboxSummary, 'businessType'> & { businessType: number };

function summary(row: SummaryRow): InboxSummary {
  return { ...row, businessType: BUSINESS_KINDS[row.businessType] ?? 'new' };
}

export function listInbox(ctx: RegistryContext, input: ListInput): { rows: InboxSummary[]; total: number } {
  const where = input.state === 'all' ? '' : 'WHERE state = @state';
  const params = { state: input.state, limit: input.limit, offset: input.offset };
  const total = statement(ctx.db, `SELECT count(*) FROM inbox ${where}`).pluck().get(params) as number;
  const rows = statement(ctx.db, `SELECT ${SUMMARY_COLUMNS} FROM inbox ${where} ORDER BY received_at DESC, id DESC LIMIT @limit OFFSET @offset`).all(params) as SummaryRow[];
  return { rows: rows.map(summary), total };
}

interface DetailRow extends SummaryRow {
  hubDocId: string;
  documentIdentifier: string;
  priority: number;
  headerJson: string;
  refuseReason: string | null;
  updatedAt: string;
  relatedInboxId: number | null;
}

interface FileRow {
  sha256: string;
  name: string;
  contentType: string;
  size: number;
  verdict: InboxDetail['files'][number]['verdict'];
  reportJson: string | null;
}

function detailRow(ctx: RegistryContext, id: number): DetailRow {
  const row = statement(
    ctx.db,
    `SELECT ${SUMMARY_COLUMNS}, hub_doc_id AS hubDocId, edxml_document_id AS documentIdentifier, priority, header_json AS headerJson,
       refuse_reason AS refuseReason, updated_at AS updatedAt, related_inbox_id AS relatedInboxId
     FROM inbox WHERE id = ?`,
  ).get(id) as DetailRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy văn bản đến qua trục này.', `inbox ${id} not found`);
  return row;
}

const storedReport = verificationReport.nullable();

export function getInbox(ctx: RegistryContext, id: number): InboxDetail {
  const { headerJson, relatedInboxId, ...row } = detailRow(ctx, id);
  // A recall asked by status 13 keeps the status header instead of a document header.
  const { header } = JSON.parse(headerJson) as { header?: DocumentHeader };
  const files = statement(
    ctx.db,
    `SELECT f.sha256, f.name, f.content_type AS contentType, b.size, f.verdict, f.report_json AS reportJson
     FROM inbox_files f JOIN files b ON b.sha256 = f.sha256 WHERE f.inbox_id = ? ORDER BY f.position`,
  ).all(id) as FileRow[];
  const related = relatedInboxId === null ? null : (statement(ctx.db, `SELECT ${SUMMARY_COLUMNS} FROM inbox WHERE id = ?`).get(relatedInboxId) as SummaryRow | undefined);
  const requests = statement(ctx.db, `SELECT ${SUMMARY_COLUMNS} FROM inbox WHERE related_inbox_id = ? ORDER BY id`).all(id) as SummaryRow[];
  return {
    ...summary(row),
    hubDocId: row.hubDocId,
    documentIdentifier: row.documentIdentifier,
    priority: row.priority,
    signerName: header?.signer.fullName ?? '',
    signerPosition: header?.signer.position ?? '',
    dueDate: header?.dueDate ?? null,
    refuseReason: row.refuseReason,
    updatedAt: row.updatedAt,
    files: files.map(({ reportJson, ...f }) => ({ ...f, report: storedReport.parse(reportJson === null ? null : JSON.parse(reportJson)) })),
    related: related ? summary(related) : null,
    requests: requests.map(summary),
  };
}

export function readInboxFile(ctx: RegistryContext, id: number, sha256: string): { name: string; size: number; data: Buffer } {
  detailRow(ctx, id);
  const file = statement(ctx.db, 'SELECT f.name, b.size FROM inbox_files f JOIN files b ON b.sha256 = f.sha256 WHERE f.inbox_id = ? AND f.sha256 = ?').get(id, sha256) as
    | { name: string; size: number }
    | undefined;
  if (!file) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp này trong văn bản đến.', `file ${sha256} not in inbox ${id}`);
  return { name: file.name, size: file.size, data: ctx.blobs.readIntact({ ...file, sha256 }) };
}
