import { statement } from '../db/statements.ts';
import type { RegistryContext } from '../registry/context.ts';

// Files compiled and handed over in a year (Appendix VI Part I III.6.a; Art. 28–31), from the
// case-file tables of migration 0011 (/work/notes/casefiles-schema.md), which only read here.
// Compiled: a file of the year's plan with at least one document in it (not withdrawn); closed:
// of those, closed or handed over; handed over: files delivered to the archive during the year
// (Vietnam date), whatever year their plan was (Art. 30.2.b: the files of a year go the next).
const COMPILED_SQL = `
  SELECT count(*) AS compiled, coalesce(sum(cf.status IN ('closed', 'handed_over')), 0) AS closed
  FROM case_files cf JOIN file_plans p ON p.id = cf.plan_id
  WHERE p.year = @year AND EXISTS (SELECT 1 FROM case_file_documents x WHERE x.case_file_id = cf.id AND x.removed_at IS NULL)`;

const HANDED_OVER_SQL = `
  SELECT count(*) AS n FROM case_files
  WHERE status = 'handed_over' AND handed_over_at IS NOT NULL AND strftime('%Y', handed_over_at, '+7 hours') = @yearText`;

// A profile opened before migration 0011 has no case files: the report says "no data" (null)
// rather than zero files.
export function caseFileCounts(ctx: RegistryContext, year: number): { compiled: number; closed: number; handedOver: number } | null {
  const present = statement(ctx.db, "SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name IN ('case_files', 'file_plans', 'case_file_documents')").get() as { n: number };
  if (present.n < 3) return null;
  const compiled = ctx.db.prepare(COMPILED_SQL).get({ year }) as { compiled: number; closed: number };
  const handed = ctx.db.prepare(HANDED_OVER_SQL).get({ yearText: String(year) }) as { n: number };
  return { compiled: compiled.compiled, closed: compiled.closed, handedOver: handed.n };
}
