import type { CaseFileRecord } from '../../shared/api/schemas/casefiles.ts';
import { fileCode, handoverDueDate, retentionLabel } from '../../shared/domain/case-file-rules.ts';
import { vietnamToday } from '../../shared/domain/dates.ts';
import { AppError } from '../../shared/errors.ts';
import { statement } from '../db/statements.ts';
import type { RegistryContext } from '../registry/context.ts';

// How every case-file query reads a file: its plan's year, its top heading (whose abbreviation
// makes the notation), the documents filed now, and the agency's identifier for its FileCode.
export const CASE_FILE_SELECT = `
  SELECT cf.*, p.year AS plan_year, t.id AS top_heading_id, h.title AS heading_title,
    (SELECT count(*) FROM case_file_documents x WHERE x.case_file_id = cf.id AND x.removed_at IS NULL) AS document_count,
    (SELECT organ_id FROM agency_profile WHERE id = 1) AS organ_id
  FROM case_files cf
  JOIN file_plans p ON p.id = cf.plan_id
  JOIN plan_headings h ON h.id = cf.heading_id
  JOIN plan_headings t ON t.id = coalesce(h.parent_id, h.id)`;

// The plan's order (Appendix V II): top headings in turn; under each, its own files first, then
// each sub-heading's files.
export const PLAN_ORDER = 'ORDER BY t.position, CASE WHEN h.parent_id IS NULL THEN 0 ELSE h.position END, cf.position, cf.id';

export interface CaseFileRow {
  id: number;
  plan_id: number;
  heading_id: number;
  position: number;
  number: number;
  notation: string;
  title: string;
  retention_years: number | null;
  creator: string;
  rights: string | null;
  language: string | null;
  description: string | null;
  note: string | null;
  status: CaseFileRecord['status'];
  start_date: string | null;
  end_date: string | null;
  doc_total: number | null;
  page_total: number | null;
  closed_at: string | null;
  handover_id: number | null;
  handed_over_at: string | null;
  created_at: string;
  plan_year: number;
  top_heading_id: number;
  heading_title: string;
  document_count: number;
  organ_id: string | null;
}

export function toCaseFileRecord(r: CaseFileRow): CaseFileRecord {
  return {
    id: r.id,
    planId: r.plan_id,
    year: r.plan_year,
    headingId: r.heading_id,
    topHeadingId: r.top_heading_id,
    position: r.position,
    number: r.number,
    notation: r.notation,
    fileCode: fileCode(r.organ_id ?? '', r.plan_year, r.notation),
    title: r.title,
    retentionYears: r.retention_years,
    retentionLabel: retentionLabel(r.retention_years),
    creator: r.creator,
    rights: r.rights,
    language: r.language,
    description: r.description,
    note: r.note,
    status: r.status,
    documentCount: r.document_count,
    startDate: r.start_date,
    endDate: r.end_date,
    docTotal: r.doc_total,
    pageTotal: r.page_total,
    closedAt: r.closed_at,
    handoverDueDate: r.closed_at === null ? null : handoverDueDate(vietnamToday(new Date(r.closed_at))),
    handoverId: r.handover_id,
    handedOverAt: r.handed_over_at,
    createdAt: r.created_at,
  };
}

export function caseFileRow(ctx: RegistryContext, id: number): CaseFileRow {
  const row = statement(ctx.db, `${CASE_FILE_SELECT} WHERE cf.id = ?`).get(id) as CaseFileRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `Không tìm thấy hồ sơ (mã ${id}).`, `case file ${id} not found`);
  return row;
}

export function getCaseFile(ctx: RegistryContext, id: number): CaseFileRecord {
  return toCaseFileRecord(caseFileRow(ctx, id));
}

// "Hồ sơ 01.VP năm 2026", as the messages name a file.
export function fileLabel(r: Pick<CaseFileRow, 'notation' | 'plan_year'>): string {
  return `Hồ sơ ${r.notation} năm ${r.plan_year}`;
}
