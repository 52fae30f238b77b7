import type { CopyRecord } from '../../shared/api/schemas/copies.ts';
import { toPlacesLines } from '../../shared/domain/draft-text.ts';
import { AppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import { queueDocumentSend } from '../outbox/send-queue.ts';
import { timestamp, today } from '../registry/clock.ts';
import type { RegistryContext } from '../registry/context.ts';
import { getCopy } from '../registry/copies-repo.ts';

// An electronic copy goes out like any outgoing document (Art. 18.6 → 25.1.c): in one
// transaction, an outbox row per recipient and one hub package carrying them all, which the sync
// sends (docs/sync.md); the register's Nơi nhận column is filled from the same list. A paper copy
// is never queued (the outbox's trigger refuses it too), nor a void one, nor one queued already.
export function distributeCopy(ctx: RegistryContext, copyId: number, recipients: ReadonlyArray<{ name: string; organId: string }>): CopyRecord {
  writeTransaction(ctx.db, () => {
    const copy = getCopy(ctx, copyId);
    if (!copy) throw new AppError('NOT_FOUND', 'Không tìm thấy bản sao.', `copy ${copyId} not found`);
    if (copy.form !== 'electronic') {
      throw new AppError('FORBIDDEN', 'Bản sao giấy được gửi bằng đường bưu chính hoặc trực tiếp, không qua trục liên thông.', `copy ${copyId} is a paper copy`);
    }
    if (copy.status === 'void') throw new AppError('CONFLICT', 'Bản sao đã bị hủy: không gửi được.', `copy ${copyId} is void`);
    if (copy.queued.length > 0) throw new AppError('CONFLICT', 'Bản sao này đã được đưa vào hàng chờ gửi.', `copy ${copyId} already queued`);
    const unique = recipients.filter((r, i) => recipients.findIndex((x) => x.organId === r.organId) === i);
    const at = timestamp(ctx.clock);
    const queue = statement(ctx.db, 'INSERT INTO outbox (document_id, issuance_id, recipient_name, organ_id, created_at, updated_at) VALUES (?, NULL, ?, ?, ?, ?)');
    for (const r of unique) queue.run(copy.copyDocumentId, r.name, r.organId, at, at);
    const sendId = queueDocumentSend(ctx, copy.copyDocumentId, 0, at);
    statement(ctx.db, 'UPDATE documents SET recipients_text = ?, transfer_date = ?, updated_at = ? WHERE id = ?').run(
      toPlacesLines(unique.map((r) => r.name), null).join('\n'),
      today(ctx.clock),
      at,
      copy.copyDocumentId,
    );
    ctx.audit.append({ action: 'copy.distribute', entityType: 'document', entityId: copy.copyDocumentId, details: { copyId, sendId, recipients: unique } });
  });
  const after = getCopy(ctx, copyId);
  if (!after) throw new Error(`copy ${copyId} vanished`);
  return after;
}
