import { AppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import type { Profile } from '../profile/open-profile.ts';
import { timestamp } from '../registry/clock.ts';
import { queueDocumentSend } from '../outbox/send-queue.ts';

// Thu hồi: asks the recipients of a document we sent to give it back (a document package with
// BussinessDocType 1, edxml.md); each answers 15 or 16, which arrives as a status. Only a
// document the hub has received can be recalled, and only once.
export function requestRecall(p: Profile, documentId: number, reason: string): number {
  return writeTransaction(p.db, () => {
    const sent = statement(p.db, "SELECT 1 FROM hub_sends WHERE kind = 'edoc' AND document_id = ? AND business_type = 0 AND state = 'sent'").get(documentId);
    if (!sent) throw new AppError('CONFLICT', 'Văn bản chưa được gửi qua trục liên thông nên không có gì để thu hồi.', `document ${documentId} was never sent`);
    const again = statement(p.db, "SELECT 1 FROM hub_sends WHERE kind = 'edoc' AND document_id = ? AND business_type = 1 AND state <> 'cancelled'").get(documentId);
    if (again) throw new AppError('CONFLICT', 'Đã có yêu cầu thu hồi văn bản này.', `document ${documentId} already recalled`);
    const at = timestamp(p.clock);
    const sendId = queueDocumentSend(p, documentId, 1, at, reason);
    p.audit.append({ action: 'hub.recall.request', entityType: 'document', entityId: documentId, details: { reason, sendId } });
    return sendId;
  });
}
