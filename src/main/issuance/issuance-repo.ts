import { z } from 'zod';
import {
  type CorrectionRelation,
  draftPlaceholders,
  type DraftPlaceholders,
  type IssuanceRecord,
  type IssuanceState,
  type IssuanceSummary,
  type Secrecy,
} from '../../shared/api/schemas/issuance.ts';
import { PRIORITIES } from '../../shared/domain/priority.ts';
import { AppError } from '../../shared/errors.ts';
import { statement } from '../db/statements.ts';
import type { RegistryContext } from '../registry/context.ts';

interface IssuanceRow {
  id: number;
  state: IssuanceState;
  source: 'import' | 'render';
  document_type: string;
  document_type_name: string;
  subject: string;
  unit_abbreviation: string | null;
  signer_name: string;
  signer_position: string | null;
  signer_competence: string | null;
  priority: number;
  secrecy: Secrecy;
  archive_text: string | null;
  copies: number | null;
  notes: string | null;
  draft_json: string | null;
  placeholders_json: string | null;
  document_id: number | null;
  code_number: string | null;
  code_notation: string | null;
  document_date: string | null;
  related_document_id: number | null;
  relation: CorrectionRelation | null;
  void_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface IssuanceFileRow {
  readonly id: number;
  readonly sha256: string;
  readonly name: string;
  readonly size: number;
  readonly role: 'main' | 'attachment';
  readonly step: 'draft' | 'approved' | 'numbered' | 'issued';
  readonly revisionOf: number | null;
}

export interface Issuance extends IssuanceSummary {
  readonly placeholders: DraftPlaceholders | null;
  readonly hasDraftJson: boolean;
}

const SELECT = `SELECT i.*, d.code_number, d.code_notation, d.document_date
  FROM issuances i LEFT JOIN documents d ON d.id = i.document_id`;

function placeholdersOf(row: IssuanceRow): DraftPlaceholders | null {
  if (row.placeholders_json === null) return null;
  const parsed = draftPlaceholders.safeParse(JSON.parse(row.placeholders_json));
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', 'Vị trí ghi số, ngày, chữ ký của bản dự thảo không hợp lệ: hãy tạo lại dự thảo.', `issuance ${row.id} placeholders: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

function toIssuance(row: IssuanceRow): Issuance {
  return {
    id: row.id,
    state: row.state,
    source: row.source,
    documentType: row.document_type,
    documentTypeName: row.document_type_name,
    subject: row.subject,
    unitAbbreviation: row.unit_abbreviation,
    signerName: row.signer_name,
    signerPosition: row.signer_position,
    signerCompetence: row.signer_competence,
    priority: PRIORITIES[row.priority] ?? 'thuong',
    secrecy: row.secrecy,
    archive: row.archive_text,
    copies: row.copies,
    notes: row.notes,
    documentId: row.document_id,
    codeNumber: row.code_number,
    codeNotation: row.code_notation,
    documentDate: row.document_date,
    relatedDocumentId: row.related_document_id,
    relation: row.relation,
    voidReason: row.void_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    placeholders: placeholdersOf(row),
    hasDraftJson: row.draft_json !== null,
  };
}

export function getIssuance(ctx: RegistryContext, id: number): Issuance {
  const row = statement(ctx.db, `${SELECT} WHERE i.id = ?`).get(id) as IssuanceRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `Không tìm thấy văn bản đang soạn/phát hành (mã ${id}).`, `issuance ${id} not found`);
  return toIssuance(row);
}

export function listIssuances(ctx: RegistryContext, query: { state?: IssuanceState | undefined; offset: number; limit: number }): { rows: IssuanceSummary[]; total: number } {
  const where = query.state ? 'WHERE i.state = @state' : '';
  const params = { state: query.state ?? null, offset: query.offset, limit: query.limit };
  const rows = ctx.db.prepare(`${SELECT} ${where} ORDER BY i.id DESC LIMIT @limit OFFSET @offset`).all(params) as IssuanceRow[];
  const total = ctx.db.prepare(`SELECT count(*) FROM issuances i ${where}`).pluck().get(query.state ? { state: query.state } : {}) as number;
  return { rows: rows.map((r) => summaryOf(toIssuance(r))), total };
}

function summaryOf(i: Issuance): IssuanceSummary {
  const { placeholders: _p, hasDraftJson: _h, ...summary } = i;
  return summary;
}

export function issuanceFiles(ctx: RegistryContext, id: number): IssuanceFileRow[] {
  return statement(
    ctx.db,
    `SELECT f.id, f.sha256, f.name, s.size, f.role, f.step, f.revision_of AS revisionOf
     FROM issuance_files f JOIN files s ON s.sha256 = f.sha256 WHERE f.issuance_id = ? ORDER BY f.id`,
  ).all(id) as IssuanceFileRow[];
}

// One of the files of an issuance, whatever its step.
export function issuanceFile(ctx: RegistryContext, id: number, sha256: string): IssuanceFileRow {
  getIssuance(ctx, id);
  const file = issuanceFiles(ctx, id).find((f) => f.sha256 === sha256);
  if (!file) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp này trong văn bản.', `file ${sha256} not in issuance ${id}`);
  return file;
}

// The newest main file made by `step`, i.e. what the next step works on.
export function mainFileAt(ctx: RegistryContext, id: number, step: IssuanceFileRow['step']): IssuanceFileRow {
  const file = issuanceFiles(ctx, id).filter((f) => f.role === 'main' && f.step === step).pop();
  if (!file) throw new Error(`issuance ${id} has no main file of step ${step}`);
  return file;
}

export interface RecipientRow {
  readonly name: string;
  readonly organId: string | null;
}

export function recipientsOf(ctx: RegistryContext, id: number): RecipientRow[] {
  return statement(ctx.db, 'SELECT name, organ_id AS organId FROM issuance_recipients WHERE issuance_id = ? ORDER BY position').all(id) as RecipientRow[];
}

export function issuanceRecord(ctx: RegistryContext, id: number): IssuanceRecord {
  const issuance = getIssuance(ctx, id);
  const secret = issuance.secrecy !== 'none';
  const outbox = statement(ctx.db, `SELECT id, recipient_name AS recipientName, organ_id AS organId, status, receive_status AS receiveStatus,
       receive_status_at AS receiveStatusAt, receive_description AS receiveDescription
     FROM outbox WHERE issuance_id = ? ORDER BY id`).all(id) as IssuanceRecord['outbox'];
  return {
    ...issuance,
    recipients: recipientsOf(ctx, id).map((r) => ({ ...r, channel: r.organId && !secret ? 'electronic' : 'paper' })),
    files: issuanceFiles(ctx, id).map((f) => ({ ...f, present: ctx.blobs.has(f.sha256) })),
    outbox,
  };
}
