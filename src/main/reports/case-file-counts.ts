import { statement } from '../db/statements.ts';
import type { RegistryContext } from '../registry/context.ts';

// Files compiled and handed over in a year (Appendix VI Part I III.6.a; Art. 28–31), from the
// case-file tables of migration 0011, which only read here. Compiled: a file of the year's plan
// with at least one document in it (not withdrawn); closed: of those, closed or handed over (an
// empty file cannot be closed); handed over: files delivered to the archive during the year
// (Vietnam date), whatever year their plan was (Art. 30.2.b: the files of a year go the next).
const COMPILED_SQL = `
  SELECT count(*) AS compiled, coalesce(sum(cf.status IN ('closed', 'handed_over')), 0) AS closed
  FROM case_files cf JOIN file_plans p ON p.id = cf.plan_id
  WHERE p.year = @year AND EXISTS (SELECT 1 FROM case_file_documents x WHERE x.case_file_id = cf.id AND x.removed_at IS NULL)`;

const HANDED_OVER_SQL = `
  SELECT count(*) AS n FROM case_files
  WHERE status = 'handed_over' AND strftime('%Y', handed_over_at, '+7 hours') = @yearText`;

export function caseFileCounts(ctx: RegistryContext, year: number): { compiled: number; closed: number; handedOver: number } {
  const compiled = statement(ctx.db, COMPILED_SQL).get({ year }) as { compiled: number; closed: number };
  const handed = statement(ctx.db, HANDED_OVER_SQL).get({ yearText: String(year) }) as { n: number };
  return { compiled: compiled.compiled, closed: compiled.closed, handedOver: handed.n };
}
