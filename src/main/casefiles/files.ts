import type { z } from 'zod';
import type { CaseFileRecord, saveFileInput } from '../../shared/api/schemas/casefiles.ts';
import { fileNotation } from '../../shared/domain/case-file-rules.ts';
import { AppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import { timestamp } from '../registry/clock.ts';
import type { RegistryContext } from '../registry/context.ts';
import { caseFileRow, type CaseFileRow, getCaseFile } from './case-file-rows.ts';
import { refuseIfHandedOver, requireOpen } from './file-guards.ts';
import { abbreviationOf, nextNumber, renumberPlan, topHeadingOf } from './numbering.ts';
import { moveTo } from './ordering.ts';
import { headingById, planById, type PlanRow } from './plan-read.ts';

// A save is the whole form: an optional field left out is cleared. Rights and language left empty
// read "Công khai" and "Tiếng Việt" in the metadata (metadata.ts).
//
// The files of a plan (Decree 30 Appendix V I.2–I.4; Art. 29.2): title, retention (vĩnh viễn or
// N years), the person who compiles it, and the fields of Appendix VI Part II III. A file outside
// the approved plan may still be opened (Art. 29.2.c): it takes the next number of its scope.

type SaveFile = z.output<typeof saveFileInput>;

const FIELDS = ['title', 'retentionYears', 'creator', 'rights', 'language', 'description', 'note'] as const;
const COLUMNS: Record<(typeof FIELDS)[number], string> = {
  title: 'title',
  retentionYears: 'retention_years',
  creator: 'creator',
  rights: 'rights',
  language: 'language',
  description: 'description',
  note: 'note',
};

function filesUnder(ctx: RegistryContext, headingId: number): number[] {
  return (statement(ctx.db, 'SELECT id FROM case_files WHERE heading_id = ? ORDER BY position, id').all(headingId) as { id: number }[]).map((r) => r.id);
}

function placeAt(ctx: RegistryContext, headingId: number, id: number, position: number | undefined): void {
  const set = statement(ctx.db, 'UPDATE case_files SET position = ? WHERE id = ? AND position IS NOT ?');
  const files = filesUnder(ctx, headingId);
  (files.includes(id) ? moveTo(files, id, position) : files).forEach((fileId, i) => set.run(i + 1, fileId, i + 1));
}

function create(ctx: RegistryContext, input: SaveFile): number {
  if (input.headingId === undefined) {
    throw new AppError('INVALID_INPUT', 'Chọn đề mục cho hồ sơ mới.', 'new case file without heading', { issues: [{ path: 'headingId', message: 'bắt buộc phải có' }] });
  }
  const heading = headingById(ctx, input.headingId);
  const plan = planById(ctx, heading.plan_id);
  const top = topHeadingOf(ctx, heading.id);
  // In a plan not approved yet the number is given by renumberPlan right after.
  const number = plan.approved_at === null ? 1 : nextNumber(ctx, plan, top);
  const notation = plan.approved_at === null ? '#pending' : fileNotation(number, abbreviationOf(ctx, top));
  const id = Number(
    statement(
      ctx.db,
      `INSERT INTO case_files (plan_id, heading_id, position, number, notation, title, retention_years, creator, rights, language, description, note, created_at)
       VALUES (@planId, @headingId, @position, @number, @notation, @title, @retentionYears, @creator, @rights, @language, @description, @note, @at)`,
    ).run({
      planId: plan.id,
      headingId: heading.id,
      position: filesUnder(ctx, heading.id).length + 1,
      number,
      notation,
      title: input.title,
      retentionYears: input.retentionYears,
      creator: input.creator,
      rights: input.rights,
      language: input.language,
      description: input.description,
      note: input.note,
      at: timestamp(ctx.clock),
    }).lastInsertRowid,
  );
  placeAt(ctx, heading.id, id, input.position);
  renumberPlan(ctx, plan);
  return id;
}

// Moving a file to another heading of its plan: free until the plan is approved; after, only
// within its top heading, whose abbreviation is in its fixed notation.
function moveHeading(ctx: RegistryContext, plan: PlanRow, before: CaseFileRow, headingId: number): void {
  const heading = headingById(ctx, headingId);
  if (heading.plan_id !== plan.id) throw new AppError('INVALID_INPUT', 'Đề mục không thuộc danh mục của hồ sơ.', `heading ${headingId} not in plan ${plan.id}`);
  if (plan.approved_at !== null && topHeadingOf(ctx, headingId) !== before.top_heading_id) {
    throw new AppError('CONFLICT', `Danh mục hồ sơ năm ${plan.year} đã phê duyệt: hồ sơ chỉ chuyển được trong đề mục lớn của nó (ký hiệu ${before.notation} đã cố định).`, `case file ${before.id} top heading change after approval`);
  }
  statement(ctx.db, 'UPDATE case_files SET heading_id = ? WHERE id = ?').run(headingId, before.id);
  // Closes the gap it left.
  placeAt(ctx, before.heading_id, before.id, undefined);
}

function update(ctx: RegistryContext, before: CaseFileRow, input: SaveFile): Record<string, unknown> {
  requireOpen(ctx, before, 'caseFile.save');
  const plan = planById(ctx, before.plan_id);
  const changes: Record<string, unknown> = {};
  const current: Record<(typeof FIELDS)[number], unknown> = {
    title: before.title,
    retentionYears: before.retention_years,
    creator: before.creator,
    rights: before.rights,
    language: before.language,
    description: before.description,
    note: before.note,
  };
  for (const field of FIELDS) {
    const value = input[field] ?? null;
    if (value === current[field]) continue;
    changes[field] = { from: current[field], to: value };
    statement(ctx.db, `UPDATE case_files SET ${COLUMNS[field]} = ? WHERE id = ?`).run(value, before.id);
  }
  if (input.headingId !== undefined && input.headingId !== before.heading_id) {
    moveHeading(ctx, plan, before, input.headingId);
    changes.headingId = { from: before.heading_id, to: input.headingId };
  }
  const headingId = input.headingId ?? before.heading_id;
  if (input.position !== undefined || headingId !== before.heading_id) placeAt(ctx, headingId, before.id, input.position);
  renumberPlan(ctx, plan);
  return changes;
}

export function saveFile(ctx: RegistryContext, input: SaveFile): CaseFileRecord {
  if (input.id !== undefined) refuseIfHandedOver(ctx, caseFileRow(ctx, input.id), 'caseFile.save');
  const id = writeTransaction(ctx.db, () => {
    if (input.id === undefined) {
      const created = create(ctx, input);
      const row = caseFileRow(ctx, created);
      ctx.audit.append({ action: 'caseFile.create', entityType: 'caseFile', entityId: created, details: { planId: row.plan_id, notation: row.notation, title: row.title, retentionYears: row.retention_years, creator: row.creator } });
      return created;
    }
    const before = caseFileRow(ctx, input.id);
    const changes = update(ctx, before, input);
    const after = caseFileRow(ctx, before.id);
    if (after.notation !== before.notation) changes.notation = { from: before.notation, to: after.notation };
    ctx.audit.append({ action: 'caseFile.update', entityType: 'caseFile', entityId: before.id, details: { changes } });
    return before.id;
  });
  return getCaseFile(ctx, id);
}
