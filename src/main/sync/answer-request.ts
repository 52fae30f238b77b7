import { AppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import type { Profile } from '../profile/open-profile.ts';
import { timestamp } from '../registry/clock.ts';
import { voidDocument } from '../registry/documents.ts';
import { queueStatusSend } from '../outbox/send-queue.ts';

interface RequestRow {
  id: number;
  state: string;
  business_type: number;
  edxml_document_id: string;
  related_inbox_id: number | null;
}

const KIND_VI: Readonly<Record<number, string>> = { 1: 'thu hồi', 2: 'cập nhật', 3: 'thay thế' };

// A request from the sender about a document it sent us — recall (business type 1, or status
// 13), update (2), replace (3) — answered by the clerk: 15 agreed, 16 refused (edxml.md). Agreeing
// to a recall or a replacement freezes the original: it leaves the review list, and if it was
// registered its register row is voided with the reason (its số đến stays, never reused); the
// request, the answer and the original stay in the audit log.
export function answerRequest(p: Profile, requestId: number, agree: boolean, reason: string): void {
  writeTransaction(p.db, () => {
    const request = statement(p.db, 'SELECT id, state, business_type, edxml_document_id, related_inbox_id FROM inbox WHERE id = ?').get(requestId) as
      | RequestRow
      | undefined;
    if (!request) throw new AppError('NOT_FOUND', 'Không tìm thấy yêu cầu này.', `inbox ${requestId} not found`);
    if (request.business_type === 0) throw new AppError('CONFLICT', 'Đây là văn bản, không phải yêu cầu thu hồi/cập nhật/thay thế.', `inbox ${requestId} is a document`);
    if (request.state !== 'received') throw new AppError('CONFLICT', 'Yêu cầu này đã được trả lời.', `inbox ${requestId} is ${request.state}`);
    const at = timestamp(p.clock);
    const original = (statement(p.db, 'SELECT id, state, document_id FROM inbox WHERE id = ?').get(
      request.related_inbox_id ??
        statement(p.db, 'SELECT id FROM inbox WHERE edxml_document_id = ? AND business_type = 0').pluck().get(request.edxml_document_id) ??
        -1,
    ) ?? null) as { id: number; state: string; document_id: number | null } | null;
    const kind = KIND_VI[request.business_type] ?? 'thu hồi';
    if (agree && original && request.business_type !== 2 && original.state !== 'recalled') {
      if (original.document_id !== null) voidDocument(p, original.document_id, `Nơi gửi ${kind} văn bản: ${reason}`);
      statement(p.db, "UPDATE inbox SET state = 'recalled', updated_at = ? WHERE id = ?").run(at, original.id);
    }
    statement(p.db, "UPDATE inbox SET state = 'answered', updated_at = ? WHERE id = ?").run(at, requestId);
    queueStatusSend(p, requestId, agree ? '15' : '16', reason, at);
    p.audit.append({
      action: agree ? 'inbox.request.agree' : 'inbox.request.refuse',
      entityType: 'inbox',
      entityId: requestId,
      details: { kind, reason, originalInboxId: original?.id ?? null, originalDocumentId: original?.document_id ?? null },
    });
  });
}
