import { fileNotation } from '../../shared/domain/case-file-rules.ts';
import { statement } from '../db/statements.ts';
import type { RegistryContext } from '../registry/context.ts';
import { type PlanRow, planFileRows, planHeadings } from './plan-read.ts';

// The number and notation of the files of a plan (Decree 30 Appendix V I.2): numbered from 01
// across the whole plan or within each top heading, in the plan's order, with the top heading's
// abbreviation (01.VP). Until the plan is approved the numbers follow its order and are given
// again after every change; once approved they are fixed, and a file added later (Art. 29.2.c)
// takes the next number of its scope. docs/case-files.md, "Numbering".

export function abbreviationOf(ctx: RegistryContext, topHeadingId: number): string {
  return (statement(ctx.db, 'SELECT abbreviation FROM plan_headings WHERE id = ?').get(topHeadingId) as { abbreviation: string }).abbreviation;
}

export function topHeadingOf(ctx: RegistryContext, headingId: number): number {
  return (statement(ctx.db, 'SELECT coalesce(parent_id, id) AS top FROM plan_headings WHERE id = ?').get(headingId) as { top: number }).top;
}

// Must run inside the write transaction that changed the plan.
export function renumberPlan(ctx: RegistryContext, plan: PlanRow): void {
  if (plan.approved_at !== null) return;
  const abbreviations = new Map(planHeadings(ctx, plan.id).filter((h) => h.parent_id === null).map((h) => [h.id, h.abbreviation as string]));
  const counters = new Map<number, number>();
  const changed: { id: number; number: number; notation: string }[] = [];
  for (const f of planFileRows(ctx, plan.id)) {
    const scope = plan.numbering === 'plan' ? 0 : f.top_heading_id;
    const number = (counters.get(scope) ?? 0) + 1;
    counters.set(scope, number);
    const notation = fileNotation(number, abbreviations.get(f.top_heading_id) as string);
    if (number !== f.number || notation !== f.notation) changed.push({ id: f.id, number, notation });
  }
  // Two steps, so that swapping 01.VP and 02.VP never meets the plan's unique notation.
  const park = statement(ctx.db, "UPDATE case_files SET notation = '#' || id WHERE id = ?");
  for (const c of changed) park.run(c.id);
  const set = statement(ctx.db, 'UPDATE case_files SET number = ?, notation = ? WHERE id = ?');
  for (const c of changed) set.run(c.number, c.notation, c.id);
}

// The number a file added to an approved plan takes.
export function nextNumber(ctx: RegistryContext, plan: PlanRow, topHeadingId: number): number {
  const row = (
    plan.numbering === 'plan'
      ? statement(ctx.db, 'SELECT max(number) AS n FROM case_files WHERE plan_id = ?').get(plan.id)
      : statement(
          ctx.db,
          `SELECT max(cf.number) AS n FROM case_files cf JOIN plan_headings h ON h.id = cf.heading_id
           WHERE cf.plan_id = ? AND coalesce(h.parent_id, h.id) = ?`,
        ).get(plan.id, topHeadingId)
  ) as { n: number | null };
  return (row.n ?? 0) + 1;
}
