import type { IssuanceRecord } from '../../shared/api/schemas/issuance.ts';
import { AppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import { timestamp } from '../registry/clock.ts';
import type { RegistryContext } from '../registry/context.ts';
import { voidDocument } from '../registry/documents.ts';
import { cancelDocumentSends } from '../outbox/send-queue.ts';
import { getIssuance, issuanceRecord } from './issuance-repo.ts';

// Hủy, with a reason. A numbered or later document keeps its number in the register marked void
// (never reused), and sending not yet done is cancelled in the same transaction. A document not
// yet numbered is withdrawn: it has no register row and uses no number, and its files and audit
// trail stay (nothing of an issuance is ever deleted).
export function voidIssuance(ctx: RegistryContext, id: number, reason: string): IssuanceRecord {
  writeTransaction(ctx.db, () => {
    const issuance = getIssuance(ctx, id);
    if (issuance.state === 'void') throw new AppError('CONFLICT', 'Văn bản này đã bị hủy trước đó.', `issuance ${id} already void`);
    if (issuance.documentId !== null) voidDocument(ctx, issuance.documentId, reason);
    const at = timestamp(ctx.clock);
    const cancelled = statement(ctx.db, "UPDATE outbox SET status = 'cancelled', updated_at = ? WHERE issuance_id = ? AND status = 'pending'").run(at, id).changes;
    if (issuance.documentId !== null) cancelDocumentSends(ctx, issuance.documentId, at);
    statement(ctx.db, "UPDATE issuances SET state = 'void', void_reason = ?, voided_at = ?, updated_at = ? WHERE id = ?").run(reason, at, at, id);
    ctx.audit.append({
      action: issuance.documentId === null ? 'issuance.withdraw' : 'issuance.void',
      entityType: 'issuance',
      entityId: id,
      details: { from: issuance.state, documentId: issuance.documentId, codeNumber: issuance.codeNumber, codeNotation: issuance.codeNotation, reason, outboxCancelled: cancelled },
    });
  });
  return issuanceRecord(ctx, id);
}
