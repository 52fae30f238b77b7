import type { z } from 'zod';
import { type todayOutboxItem, TODAY_ROWS } from '../../../shared/api/schemas/today.ts';
import { statement } from '../../db/statements.ts';
import type { RegistryContext } from '../context.ts';

type Item = z.infer<typeof todayOutboxItem>;

// What waits for the network (docs/sync.md): document packages queued or caught mid-send, oldest
// first, each with the electronic recipients it carries; status packages only as a count. Served
// by hub_sends_open (state, id); the recipients are counted through the outbox's (document_id,
// organ_id) key, as outbox has no index on send_id.
export function outboxWaiting(ctx: RegistryContext): { documents: number; statuses: number; rows: Item[] } {
  const counts = statement(
    ctx.db,
    `SELECT coalesce(sum(kind = 'edoc'), 0) AS documents, coalesce(sum(kind = 'status'), 0) AS statuses
     FROM hub_sends WHERE state IN ('pending', 'sending')`,
  ).get() as { documents: number; statuses: number };
  const rows = statement(
    ctx.db,
    `SELECT s.id AS sendId, s.document_id AS documentId, i.id AS issuanceId, d.code_number AS codeNumber, d.code_notation AS codeNotation,
       d.subject, (SELECT count(*) FROM outbox o WHERE o.document_id = s.document_id AND o.send_id = s.id) AS recipients, s.state, s.attempts,
       s.last_error AS lastError, s.created_at AS queuedAt
     FROM hub_sends s JOIN documents d ON d.id = s.document_id LEFT JOIN issuances i ON i.document_id = s.document_id
     WHERE s.state IN ('pending', 'sending') AND s.kind = 'edoc' ORDER BY s.id LIMIT ${TODAY_ROWS}`,
  ).all() as Item[];
  return { ...counts, rows };
}
