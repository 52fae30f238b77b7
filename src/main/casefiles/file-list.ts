import type { z } from 'zod';
import type { CaseFileRecord, caseFileListInput } from '../../shared/api/schemas/casefiles.ts';
import { foldVietnamese } from '../../shared/domain/fold.ts';
import { statement } from '../db/statements.ts';
import type { RegistryContext } from '../registry/context.ts';
import { CASE_FILE_SELECT, type CaseFileRow, PLAN_ORDER, toCaseFileRecord } from './case-file-rows.ts';

// The files of one year or of all, newest year first and in plan order, filtered by status,
// heading, or words of their title or notation (diacritics ignored). A year holds a few hundred
// files, so the words are matched here rather than by an index.
export function listCaseFiles(ctx: RegistryContext, q: z.output<typeof caseFileListInput>): CaseFileRecord[] {
  const rows = statement(
    ctx.db,
    `${CASE_FILE_SELECT}
     WHERE (@year IS NULL OR p.year = @year) AND (@status IS NULL OR cf.status = @status)
       AND (@headingId IS NULL OR cf.heading_id = @headingId OR h.parent_id = @headingId)
     ${PLAN_ORDER.replace('ORDER BY', 'ORDER BY p.year DESC,')}`,
  ).all({ year: q.year ?? null, status: q.status ?? null, headingId: q.headingId ?? null }) as CaseFileRow[];
  const words = foldVietnamese(q.query ?? '').match(/[\p{L}\p{N}.]+/gu) ?? [];
  const matches = (r: CaseFileRow) => {
    const text = foldVietnamese(`${r.notation} ${r.title}`);
    return words.every((w) => text.includes(w));
  };
  return rows.filter(matches).map(toCaseFileRecord);
}
