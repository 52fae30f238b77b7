import { statement } from '../db/statements.ts';
import type { RegistryContext } from '../registry/context.ts';
import { queueStatusSend } from './send-queue.ts';

// The edXML status each processing state reports to the sender (edxml.md: 04 Phân công, 05 Đang
// xử lý, 06 Hoàn thành).
const STATUS_OF: Readonly<Record<string, { code: string; text: string }>> = {
  assigned: { code: '04', text: 'Đã phân công xử lý.' },
  in_progress: { code: '05', text: 'Đang xử lý.' },
  done: { code: '06', text: 'Đã xử lý xong.' },
};

// Called in the transaction that changes an incoming document's processing state: when the
// document came from the hub, its sender is told, each state once. `description` carries the
// processing history (docs/processing.md); the status's own sentence without it.
export function queueTrackingStatus(
  ctx: RegistryContext,
  documentId: number,
  from: string | null,
  to: string | null,
  at: string,
  description?: string,
): void {
  if (!to || to === from) return;
  const status = STATUS_OF[to];
  if (!status) return;
  const inboxId = statement(ctx.db, "SELECT id FROM inbox WHERE document_id = ? AND state = 'accepted'").pluck().get(documentId) as number | undefined;
  if (inboxId === undefined) return;
  const already = statement(ctx.db, "SELECT 1 FROM hub_sends WHERE kind = 'status' AND inbox_id = ? AND status_code = ?").get(inboxId, status.code);
  if (already) return;
  queueStatusSend(ctx, inboxId, status.code, description ?? status.text, at);
}
