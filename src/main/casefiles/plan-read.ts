import type { CaseFileRecord, PlanHeading, PlanRecord } from '../../shared/api/schemas/casefiles.ts';
import { romanNumeral } from '../../shared/domain/roman-numerals.ts';
import { AppError } from '../../shared/errors.ts';
import { statement } from '../db/statements.ts';
import type { RegistryContext } from '../registry/context.ts';
import { CASE_FILE_SELECT, type CaseFileRow, PLAN_ORDER, toCaseFileRecord } from './case-file-rows.ts';

export interface PlanRow {
  id: number;
  year: number;
  numbering: 'plan' | 'heading';
  decision_number: string | null;
  decision_date: string | null;
  decision_by: string | null;
  approved_at: string | null;
  created_at: string;
}

export interface HeadingRow {
  id: number;
  plan_id: number;
  parent_id: number | null;
  ordinal: number;
  title: string;
  abbreviation: string | null;
  position: number;
}

export function findPlan(ctx: RegistryContext, year: number): PlanRow | null {
  return (statement(ctx.db, 'SELECT * FROM file_plans WHERE year = ?').get(year) as PlanRow | undefined) ?? null;
}

export function planOfYear(ctx: RegistryContext, year: number): PlanRow {
  const plan = findPlan(ctx, year);
  if (!plan) throw new AppError('NOT_FOUND', `Chưa có Danh mục hồ sơ năm ${year}.`, `no file plan for ${year}`);
  return plan;
}

export function planById(ctx: RegistryContext, id: number): PlanRow {
  const plan = statement(ctx.db, 'SELECT * FROM file_plans WHERE id = ?').get(id) as PlanRow | undefined;
  if (!plan) throw new AppError('NOT_FOUND', `Không tìm thấy Danh mục hồ sơ (mã ${id}).`, `file plan ${id} not found`);
  return plan;
}

export function headingById(ctx: RegistryContext, id: number): HeadingRow {
  const h = statement(ctx.db, 'SELECT * FROM plan_headings WHERE id = ?').get(id) as HeadingRow | undefined;
  if (!h) throw new AppError('NOT_FOUND', `Không tìm thấy đề mục (mã ${id}).`, `plan heading ${id} not found`);
  return h;
}

// Top headings in order, each followed by its sub-headings in order.
export function planHeadings(ctx: RegistryContext, planId: number): HeadingRow[] {
  return statement(
    ctx.db,
    `SELECT h.* FROM plan_headings h LEFT JOIN plan_headings t ON t.id = h.parent_id WHERE h.plan_id = ?
     ORDER BY coalesce(t.position, h.position), h.parent_id IS NOT NULL, h.position, h.id`,
  ).all(planId) as HeadingRow[];
}

export function planFileRows(ctx: RegistryContext, planId: number): CaseFileRow[] {
  return statement(ctx.db, `${CASE_FILE_SELECT} WHERE cf.plan_id = ? ${PLAN_ORDER}`).all(planId) as CaseFileRow[];
}

function toHeading(h: HeadingRow): PlanHeading {
  return {
    id: h.id,
    parentId: h.parent_id,
    ordinal: h.ordinal,
    numeral: h.parent_id === null ? romanNumeral(h.ordinal) : String(h.ordinal),
    title: h.title,
    abbreviation: h.abbreviation,
    position: h.position,
  };
}

// "Danh mục hồ sơ này có … hồ sơ, bao gồm: … bảo quản vĩnh viễn; … bảo quản có thời hạn."
export function planCounts(files: readonly Pick<CaseFileRecord, 'retentionYears'>[]): PlanRecord['counts'] {
  const permanent = files.filter((f) => f.retentionYears === null).length;
  return { total: files.length, permanent, term: files.length - permanent };
}

export function toPlanRecord(ctx: RegistryContext, plan: PlanRow): PlanRecord {
  const files = planFileRows(ctx, plan.id).map(toCaseFileRecord);
  return {
    id: plan.id,
    year: plan.year,
    numbering: plan.numbering,
    decisionNumber: plan.decision_number,
    decisionDate: plan.decision_date,
    decisionBy: plan.decision_by,
    approvedAt: plan.approved_at,
    createdAt: plan.created_at,
    headings: planHeadings(ctx, plan.id).map(toHeading),
    files,
    counts: planCounts(files),
  };
}

export function readPlan(ctx: RegistryContext, year: number): PlanRecord | null {
  const plan = findPlan(ctx, year);
  return plan ? toPlanRecord(ctx, plan) : null;
}
