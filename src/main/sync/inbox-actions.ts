import { incomingInput } from '../../shared/api/schemas/documents.ts';
import { PRIORITIES } from '../../shared/domain/priority.ts';
import { AppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import type { DocumentHeader } from '../edxml/model.ts';
import type { Profile } from '../profile/open-profile.ts';
import { timestamp } from '../registry/clock.ts';
import { registerIncoming } from '../registry/incoming.ts';
import { queueStatusSend } from '../outbox/send-queue.ts';

interface InboxRow {
  id: number;
  state: string;
  business_type: number;
  from_organ_id: string;
  from_name: string;
  edxml_document_id: string;
  code_number: string;
  code_notation: string;
  document_date: string | null;
  document_type_name: string;
  subject: string;
  priority: number;
  header_json: string;
  received_at: string;
}

function inboxRow(p: Profile, id: number): InboxRow {
  const row = statement(p.db, 'SELECT * FROM inbox WHERE id = ?').get(id) as InboxRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy văn bản đến này.', `inbox ${id} not found`);
  return row;
}

function requireOpen(row: InboxRow): void {
  if (row.state !== 'received') {
    throw new AppError('CONFLICT', 'Văn bản này đã được xử lý (tiếp nhận, từ chối hoặc bị thu hồi).', `inbox ${row.id} is ${row.state}`);
  }
  if (row.business_type !== 0) {
    throw new AppError('CONFLICT', 'Đây là yêu cầu thu hồi/cập nhật/thay thế: hãy đồng ý hoặc từ chối yêu cầu.', `inbox ${row.id} is a business type ${row.business_type} request`);
  }
}

export interface AcceptOptions {
  // The clerk has checked the suspected duplicates (the same document registered from paper).
  readonly allowDuplicate?: boolean;
  readonly recipientUnit?: string | null;
}

// Tiếp nhận: the package enters the incoming register (số đến, nd30-rules §4) with its files, and
// status 03 is queued for the sender — one transaction, so neither happens without the other.
export function acceptInbox(p: Profile, id: number, options: AcceptOptions = {}) {
  return writeTransaction(p.db, () => {
    const row = inboxRow(p, id);
    requireOpen(row);
    const { header } = JSON.parse(row.header_json) as { header: DocumentHeader };
    const files = statement(p.db, 'SELECT f.name, f.sha256, b.size FROM inbox_files f JOIN files b ON b.sha256 = f.sha256 WHERE inbox_id = ? ORDER BY position').all(id) as Array<{
      name: string;
      sha256: string;
      size: number;
    }>;
    const data = incomingInput.parse({
      issuingAgency: row.from_name || row.from_organ_id,
      codeNumber: row.code_number || '(không số)',
      codeNotation: row.code_notation || '(không ký hiệu)',
      documentDate: row.document_date ?? row.received_at.slice(0, 10),
      documentType: row.document_type_name || 'Công văn',
      subject: row.subject || '(không có trích yếu)',
      priority: PRIORITIES[row.priority] ?? 'thuong',
      signerName: header.signer.fullName || null,
      signerPosition: header.signer.position || null,
      documentIdentifier: row.edxml_document_id.slice(0, 200),
      recipientUnit: options.recipientUnit ?? null,
      dueDate: header.dueDate,
      allowDuplicate: options.allowDuplicate ?? false,
    });
    const doc = registerIncoming(p, data, files);
    const at = timestamp(p.clock);
    statement(p.db, "UPDATE inbox SET state = 'accepted', document_id = ?, updated_at = ? WHERE id = ?").run(doc.id, at, id);
    queueStatusSend(p, id, '03', `Đã tiếp nhận, số đến ${doc.number}.`, at);
    p.audit.append({ action: 'inbox.accept', entityType: 'inbox', entityId: id, details: { documentId: doc.id, arrivalNumber: doc.number } });
    return doc;
  });
}

// Từ chối tiếp nhận (status 02) with the reason the sender will read.
export function refuseInbox(p: Profile, id: number, reason: string): void {
  writeTransaction(p.db, () => {
    const row = inboxRow(p, id);
    requireOpen(row);
    const at = timestamp(p.clock);
    statement(p.db, "UPDATE inbox SET state = 'refused', refuse_reason = ?, updated_at = ? WHERE id = ?").run(reason, at, id);
    queueStatusSend(p, id, '02', reason, at);
    p.audit.append({ action: 'inbox.refuse', entityType: 'inbox', entityId: id, details: { reason } });
  });
}
