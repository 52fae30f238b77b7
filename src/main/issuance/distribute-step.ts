import type { IssuanceRecord } from '../../shared/api/schemas/issuance.ts';
import { statement } from '../db/statements.ts';
import type { RegistryContext } from '../registry/context.ts';
import { queueDocumentSend } from '../outbox/send-queue.ts';
import { commitStep } from './commit-step.ts';
import { issuanceRecord, recipientsOf } from './issuance-repo.ts';

// Phân phối: in the step's own transaction, one outbox row per recipient that has an organId and
// one hub package carrying them all (docs/sync.md); every other recipient is listed for paper
// sending. A secret
// document (Mật and above) is never queued: all its recipients get paper (nd30-rules §6), and
// the outbox's trigger refuses it even if this code were wrong.
export function distributeIssuance(ctx: RegistryContext, id: number): IssuanceRecord {
  commitStep(ctx, id, 'distributed', (issuance, at) => {
    const recipients = recipientsOf(ctx, id);
    const secret = issuance.secrecy !== 'none';
    const electronic: Array<{ name: string; organId: string }> = [];
    const paper: string[] = [];
    for (const r of recipients) {
      if (r.organId !== null && !secret) electronic.push({ name: r.name, organId: r.organId });
      else paper.push(r.name);
    }
    const queue = statement(ctx.db, 'INSERT INTO outbox (document_id, issuance_id, recipient_name, organ_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    for (const r of electronic) queue.run(issuance.documentId, id, r.name, r.organId, at, at);
    const sendId = electronic.length > 0 ? queueDocumentSend(ctx, issuance.documentId as number, 0, at) : null;
    return {
      details: {
        electronic,
        paper,
        sendId,
        ...(secret ? { secret: issuance.secrecy } : {}),
      },
    };
  });
  return issuanceRecord(ctx, id);
}
