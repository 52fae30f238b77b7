import { z } from 'zod';
import type { approvePlanInput, createPlanInput, PlanRecord, setNumberingInput } from '../../shared/api/schemas/casefiles.ts';
import { AppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import { timestamp } from '../registry/clock.ts';
import type { RegistryContext } from '../registry/context.ts';
import { DEFAULT_HEADINGS } from './default-headings.ts';
import { renumberPlan } from './numbering.ts';
import { findPlan, planFileRows, planHeadings, planOfYear, type PlanRow, toPlanRecord } from './plan-read.ts';

// The year's file plan (danh mục hồ sơ, Decree 30 Art. 28, Appendix V I–II): made from the
// default headings or from last year's plan, numbered one of the two ways, approved by a decision.

type CreatePlan = z.output<typeof createPlanInput>;

const insertHeading = (ctx: RegistryContext) =>
  statement(ctx.db, 'INSERT INTO plan_headings (plan_id, parent_id, ordinal, title, abbreviation, position) VALUES (?, ?, ?, ?, ?, ?)');

function fromDefaults(ctx: RegistryContext, planId: number): void {
  const insert = insertHeading(ctx);
  DEFAULT_HEADINGS.forEach((top, i) => {
    const topId = Number(insert.run(planId, null, i + 1, top.title, top.abbreviation, i + 1).lastInsertRowid);
    top.subHeadings.forEach((title, j) => insert.run(planId, topId, j + 1, title, null, j + 1));
  });
}

// "Start next year's plan from this year's": the headings and the files (title, retention,
// creator and the rest of what the plan says of them), open and empty; never the documents,
// the closing figures or the decision, which belong to the year they were made in.
function fromPrevious(ctx: RegistryContext, planId: number, previous: PlanRow, at: string): number {
  const insert = insertHeading(ctx);
  const headingIds = new Map<number, number>();
  for (const h of planHeadings(ctx, previous.id)) {
    const parent = h.parent_id === null ? null : (headingIds.get(h.parent_id) as number);
    headingIds.set(h.id, Number(insert.run(planId, parent, h.ordinal, h.title, h.abbreviation, h.position).lastInsertRowid));
  }
  const files = planFileRows(ctx, previous.id);
  const insertFile = statement(
    ctx.db,
    `INSERT INTO case_files (plan_id, heading_id, position, number, notation, title, retention_years, creator, rights, language, description, note, created_at)
     VALUES (@planId, @headingId, @position, @number, @notation, @title, @retention, @creator, @rights, @language, @description, @note, @at)`,
  );
  for (const f of files) {
    insertFile.run({
      planId,
      headingId: headingIds.get(f.heading_id),
      position: f.position,
      number: f.number,
      notation: f.notation,
      title: f.title,
      retention: f.retention_years,
      creator: f.creator,
      rights: f.rights,
      language: f.language,
      description: f.description,
      note: f.note,
      at,
    });
  }
  return files.length;
}

export function createPlan(ctx: RegistryContext, input: CreatePlan): PlanRecord {
  return writeTransaction(ctx.db, () => {
    if (findPlan(ctx, input.year)) throw new AppError('CONFLICT', `Đã có Danh mục hồ sơ năm ${input.year}.`, `file plan ${input.year} exists`);
    const previous = input.from === 'previous' ? findPlan(ctx, input.year - 1) : null;
    if (input.from === 'previous' && !previous) {
      throw new AppError('NOT_FOUND', `Chưa có Danh mục hồ sơ năm ${input.year - 1} để làm theo.`, `no file plan for ${input.year - 1} to copy`);
    }
    const at = timestamp(ctx.clock);
    const numbering = input.numbering ?? previous?.numbering ?? 'heading';
    const planId = Number(statement(ctx.db, 'INSERT INTO file_plans (year, numbering, created_at) VALUES (?, ?, ?)').run(input.year, numbering, at).lastInsertRowid);
    const copiedFiles = previous ? fromPrevious(ctx, planId, previous, at) : (fromDefaults(ctx, planId), 0);
    const plan = planOfYear(ctx, input.year);
    renumberPlan(ctx, plan);
    ctx.audit.append({
      action: 'caseFile.plan.create',
      entityType: 'filePlan',
      entityId: planId,
      details: { year: input.year, from: input.from, numbering, ...(previous ? { previousPlanId: previous.id, copiedFiles } : {}) },
    });
    return toPlanRecord(ctx, plan);
  });
}

// The way of numbering is chosen until the plan is approved; its files are numbered again.
export function setNumbering(ctx: RegistryContext, input: z.output<typeof setNumberingInput>): PlanRecord {
  return writeTransaction(ctx.db, () => {
    const plan = planOfYear(ctx, input.year);
    if (plan.approved_at !== null) {
      throw new AppError('CONFLICT', `Danh mục hồ sơ năm ${plan.year} đã phê duyệt: số hồ sơ đã cố định, không đổi cách đánh số.`, `plan ${plan.id} approved`);
    }
    if (plan.numbering === input.numbering) return toPlanRecord(ctx, plan);
    statement(ctx.db, 'UPDATE file_plans SET numbering = ? WHERE id = ?').run(input.numbering, plan.id);
    const after = planOfYear(ctx, input.year);
    renumberPlan(ctx, after);
    ctx.audit.append({ action: 'caseFile.plan.numbering', entityType: 'filePlan', entityId: plan.id, details: { from: plan.numbering, to: input.numbering } });
    return toPlanRecord(ctx, after);
  });
}

// Art. 28: the head of the agency approves the plan at the start of the year; from then on the
// files' numbers are fixed. A second call corrects the decision's number, date or signer.
export function approvePlan(ctx: RegistryContext, input: z.output<typeof approvePlanInput>): PlanRecord {
  return writeTransaction(ctx.db, () => {
    const plan = planOfYear(ctx, input.year);
    const at = timestamp(ctx.clock);
    statement(ctx.db, 'UPDATE file_plans SET decision_number = ?, decision_date = ?, decision_by = ?, approved_at = coalesce(approved_at, ?) WHERE id = ?').run(
      input.decisionNumber,
      input.decisionDate,
      input.decisionBy,
      at,
      plan.id,
    );
    ctx.audit.append({
      action: plan.approved_at === null ? 'caseFile.plan.approve' : 'caseFile.plan.decision',
      entityType: 'filePlan',
      entityId: plan.id,
      details: {
        year: plan.year,
        decisionNumber: input.decisionNumber,
        decisionDate: input.decisionDate,
        decisionBy: input.decisionBy,
        ...(plan.approved_at === null ? {} : { before: { decisionNumber: plan.decision_number, decisionDate: plan.decision_date, decisionBy: plan.decision_by } }),
      },
    });
    return toPlanRecord(ctx, planOfYear(ctx, input.year));
  });
}
