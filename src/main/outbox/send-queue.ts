import { statement } from '../db/statements.ts';
import type { BusinessDocType } from '../edxml/model.ts';
import type { RegistryContext } from '../registry/context.ts';


// Queues one document package for the hub, carrying every queued recipient of the document that
// no package carries yet. Called inside the transaction of the step that makes the sending due
// (transactional outbox, docs/sync.md), so the queue and the step commit together or not at all.
export function queueDocumentSend(ctx: RegistryContext, documentId: number, businessType: BusinessDocType, at: string, reason: string | null = null): number {
  const info = statement(
    ctx.db,
    "INSERT INTO hub_sends (kind, document_id, business_type, description, created_at, updated_at) VALUES ('edoc', ?, ?, ?, ?, ?)",
  ).run(documentId, businessType, reason, at, at);
  const sendId = Number(info.lastInsertRowid);
  statement(ctx.db, "UPDATE outbox SET send_id = ?, updated_at = ? WHERE document_id = ? AND send_id IS NULL AND status = 'pending'").run(
    sendId,
    at,
    documentId,
  );
  return sendId;
}

// A status package about an incoming document from the hub (01 arrived, 02 refused, 03 accepted,
// 04–06 tracking, 15/16 answers to a recall), queued with the change it reports.
export function queueStatusSend(ctx: RegistryContext, inboxId: number, statusCode: string, description: string, at: string): number {
  const info = statement(
    ctx.db,
    "INSERT INTO hub_sends (kind, inbox_id, status_code, description, created_at, updated_at) VALUES ('status', ?, ?, ?, ?, ?)",
  ).run(inboxId, statusCode, description, at, at);
  return Number(info.lastInsertRowid);
}

// A voided document's package not yet handed to the hub is not sent. One already 'sending' has
// an unknown outcome and stays for reconciliation: the hub may have it.
export function cancelDocumentSends(ctx: RegistryContext, documentId: number, at: string): number {
  return statement(ctx.db, "UPDATE hub_sends SET state = 'cancelled', updated_at = ? WHERE kind = 'edoc' AND document_id = ? AND state = 'pending'").run(at, documentId)
    .changes;
}
