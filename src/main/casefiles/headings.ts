import type { z } from 'zod';
import type { PlanRecord, saveHeadingInput } from '../../shared/api/schemas/casefiles.ts';
import { AppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import type { RegistryContext } from '../registry/context.ts';
import { renumberPlan } from './numbering.ts';
import { moveTo } from './ordering.ts';
import { headingById, type HeadingRow, planById, planHeadings, type PlanRow, toPlanRecord } from './plan-read.ts';

// The headings (đề mục) of a plan (Decree 30 Appendix V I.1): top headings numbered I, II, … with
// the abbreviation that makes their files' notation, sub-headings numbered 1, 2, … within their
// top heading. Added, renamed and moved; never deleted (an unused heading is left empty).

type SaveHeading = z.output<typeof saveHeadingInput>;

function siblings(ctx: RegistryContext, planId: number, parentId: number | null): HeadingRow[] {
  return planHeadings(ctx, planId).filter((h) => h.parent_id === parentId);
}

// Positions and the numerals shown are the rank among siblings, 1…n.
function reorder(ctx: RegistryContext, ordered: readonly HeadingRow[]): void {
  const set = statement(ctx.db, 'UPDATE plan_headings SET position = ?, ordinal = ? WHERE id = ?');
  ordered.forEach((h, i) => {
    if (h.position !== i + 1 || h.ordinal !== i + 1) set.run(i + 1, i + 1, h.id);
  });
}

function checkAbbreviation(ctx: RegistryContext, plan: PlanRow, abbreviation: string, self: number | null): void {
  const taken = statement(ctx.db, 'SELECT id FROM plan_headings WHERE plan_id = ? AND parent_id IS NULL AND abbreviation = ?').get(plan.id, abbreviation) as
    | { id: number }
    | undefined;
  if (taken && taken.id !== self) {
    throw new AppError('CONFLICT', `Chữ viết tắt "${abbreviation}" đã dùng cho một đề mục lớn khác của danh mục.`, `abbreviation ${abbreviation} taken in plan ${plan.id}`, {
      issues: [{ path: 'abbreviation', message: 'đã dùng cho đề mục khác' }],
    });
  }
}

function create(ctx: RegistryContext, plan: PlanRow, input: SaveHeading): number {
  const parentId = input.parentId ?? null;
  if (parentId !== null) {
    const parent = headingById(ctx, parentId);
    if (parent.plan_id !== plan.id || parent.parent_id !== null) {
      throw new AppError('INVALID_INPUT', 'Đề mục nhỏ phải nằm trong một đề mục lớn của cùng danh mục.', `heading ${parentId} is not a top heading of plan ${plan.id}`);
    }
    if (input.abbreviation !== undefined) {
      throw new AppError('INVALID_INPUT', 'Chỉ đề mục lớn có chữ viết tắt.', 'abbreviation given for a sub-heading', { issues: [{ path: 'abbreviation', message: 'chỉ đề mục lớn có chữ viết tắt' }] });
    }
  } else if (input.abbreviation === undefined) {
    throw new AppError('INVALID_INPUT', 'Đề mục lớn cần chữ viết tắt (ví dụ VP), dùng trong ký hiệu hồ sơ.', 'top heading without abbreviation', {
      issues: [{ path: 'abbreviation', message: 'bắt buộc phải có' }],
    });
  } else {
    checkAbbreviation(ctx, plan, input.abbreviation, null);
  }
  const rank = siblings(ctx, plan.id, parentId).length + 1;
  const id = Number(
    statement(ctx.db, 'INSERT INTO plan_headings (plan_id, parent_id, ordinal, title, abbreviation, position) VALUES (?, ?, ?, ?, ?, ?)').run(
      plan.id,
      parentId,
      rank,
      input.title,
      input.abbreviation ?? null,
      rank,
    ).lastInsertRowid,
  );
  return id;
}

function update(ctx: RegistryContext, plan: PlanRow, before: HeadingRow, input: SaveHeading): Record<string, unknown> {
  if (input.parentId !== undefined && input.parentId !== before.parent_id) {
    throw new AppError('INVALID_INPUT', 'Không chuyển đề mục sang đề mục lớn khác: hãy thêm đề mục mới.', `heading ${before.id} parent change`);
  }
  const changes: Record<string, unknown> = {};
  if (input.title !== before.title) changes.title = { from: before.title, to: input.title };
  if (input.abbreviation !== undefined && input.abbreviation !== before.abbreviation) {
    if (before.parent_id !== null) throw new AppError('INVALID_INPUT', 'Chỉ đề mục lớn có chữ viết tắt.', 'abbreviation given for a sub-heading');
    // The abbreviation is in the notation of every file of the heading, fixed with the numbers.
    if (plan.approved_at !== null) {
      throw new AppError('CONFLICT', `Danh mục hồ sơ năm ${plan.year} đã phê duyệt: ký hiệu hồ sơ đã cố định, không đổi chữ viết tắt của đề mục.`, `plan ${plan.id} approved`);
    }
    checkAbbreviation(ctx, plan, input.abbreviation, before.id);
    changes.abbreviation = { from: before.abbreviation, to: input.abbreviation };
  }
  statement(ctx.db, 'UPDATE plan_headings SET title = ?, abbreviation = ? WHERE id = ?').run(input.title, input.abbreviation ?? before.abbreviation, before.id);
  return changes;
}

export function saveHeading(ctx: RegistryContext, input: SaveHeading): PlanRecord {
  return writeTransaction(ctx.db, () => {
    const plan = planById(ctx, input.planId);
    let id: number;
    let changes: Record<string, unknown>;
    if (input.id === undefined) {
      id = create(ctx, plan, input);
      changes = { created: { title: input.title, abbreviation: input.abbreviation ?? null, parentId: input.parentId ?? null } };
    } else {
      const before = headingById(ctx, input.id);
      if (before.plan_id !== plan.id) throw new AppError('NOT_FOUND', 'Đề mục không thuộc danh mục này.', `heading ${before.id} not in plan ${plan.id}`);
      id = before.id;
      changes = update(ctx, plan, before, input);
    }
    const heading = headingById(ctx, id);
    const all = siblings(ctx, plan.id, heading.parent_id);
    const self = all.find((h) => h.id === id) as HeadingRow;
    const ordered = moveTo(all, self, input.position);
    if (ordered.indexOf(self) + 1 !== heading.position) changes.position = { from: heading.position, to: ordered.indexOf(self) + 1 };
    reorder(ctx, ordered);
    renumberPlan(ctx, plan);
    ctx.audit.append({ action: 'caseFile.heading.save', entityType: 'filePlan', entityId: plan.id, details: { headingId: id, ...changes } });
    return toPlanRecord(ctx, plan);
  });
}
