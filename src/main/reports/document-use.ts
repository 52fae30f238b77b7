import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import type { RegistryContext } from '../registry/context.ts';

// The history of access to documents that Appendix VI Part I III.6.l asks the system to keep
// and III.6.a to count (docs/reports.md "Views and downloads"): an audit entry when a document's
// detail is served (document.view) and when one of its files' content is (document.readFile:
// opened, saved or previewed). The screen reads a document again after each change made on it;
// that is not a new look at it, so the same person's use of the same document (and file) within
// REUSE_MINUTES of their last recorded one is not recorded again (a clock set back since then
// gives no measure of that, so the use is recorded).
export const USE_ACTIONS = { view: 'document.view', readFile: 'document.readFile' } as const;
export const REUSE_MINUTES = 10;

// Served by audit_log_entity (entity_type, entity_id): the entries of one document, newest first.
const LAST_USE_SQL = `
  SELECT at FROM audit_log
  WHERE entity_type = 'document' AND entity_id = @id AND action = @action AND actor = @actor
    AND (@sha256 IS NULL OR json_extract(details, '$.sha256') = @sha256)
  ORDER BY seq DESC LIMIT 1`;

export function recordDocumentUse(ctx: RegistryContext, documentId: number, use: keyof typeof USE_ACTIONS, file?: { readonly sha256: string; readonly name: string }): void {
  const action = USE_ACTIONS[use];
  const now = ctx.clock.now();
  writeTransaction(ctx.db, () => {
    const last = statement(ctx.db, LAST_USE_SQL).get({ id: String(documentId), action, actor: ctx.audit.actor, sha256: file?.sha256 ?? null }) as { at: string } | undefined;
    const elapsed = last ? now.getTime() - Date.parse(last.at) : Infinity;
    if (elapsed >= 0 && elapsed < REUSE_MINUTES * 60_000) return;
    ctx.audit.append({ action, entityType: 'document', entityId: documentId, details: file ? { sha256: file.sha256, name: file.name } : {} });
  });
}
