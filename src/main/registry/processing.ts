import type { z } from 'zod';
import type { DocumentRecord, ListResult, processingInput } from '../../shared/api/schemas/documents.ts';
import { processingStatusLabel } from '../../shared/domain/processing.ts';
import { AppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { timestamp, today } from './clock.ts';
import type { RegistryContext } from './context.ts';
import { DOCUMENT_COLUMNS, DOCUMENT_FROM, type DocumentRow, toDocumentRecord } from './document-rows.ts';
import { getDocument } from './documents.ts';
import { queueTrackingStatus } from '../outbox/tracking-status.ts';

// What the clerk must handle, in the order it needs attention (nd30-rules §4): overdue first,
// then by urgency (Hỏa tốc before Khẩn), then the nearest deadline, then arrival order.
export function listProcessing(
  ctx: RegistryContext,
  q: { filter: 'open' | 'overdue' | 'all'; offset: number; limit: number },
): ListResult {
  const where = ["d.direction = 'incoming'", "d.status = 'active'"];
  if (q.filter !== 'all') where.push("d.processing_status <> 'done'");
  if (q.filter === 'overdue') where.push('d.due_date IS NOT NULL AND d.due_date < @today');
  const params = { today: today(ctx.clock), limit: q.limit, offset: q.offset };
  const rows = ctx.db
    .prepare(
      `SELECT ${DOCUMENT_COLUMNS} FROM ${DOCUMENT_FROM} WHERE ${where.join(' AND ')}
       ORDER BY overdue DESC, (d.processing_status = 'done') ASC, d.priority DESC, d.due_date IS NULL, d.due_date, d.id
       LIMIT @limit OFFSET @offset`,
    )
    .all(params) as DocumentRow[];
  const total = (ctx.db.prepare(`SELECT count(*) AS n FROM documents d WHERE ${where.join(' AND ')}`).get(params) as { n: number }).n;
  return { rows: rows.map(toDocumentRecord), total };
}

type ProcessingData = z.output<typeof processingInput>;

export function updateProcessing(ctx: RegistryContext, input: ProcessingData): DocumentRecord {
  writeTransaction(ctx.db, () => {
    const before = getDocument(ctx, input.id);
    if (before.direction !== 'incoming') {
      throw new AppError('INVALID_INPUT', 'Chỉ theo dõi giải quyết văn bản đến.', `document ${input.id} is outgoing`);
    }
    if (before.status === 'void') {
      throw new AppError('CONFLICT', 'Văn bản đã bị hủy, không thể cập nhật xử lý.', `document ${input.id} is void`);
    }
    const assigneeUnit = input.assigneeUnit === undefined ? before.assigneeUnit : input.assigneeUnit;
    const assigneePerson = input.assigneePerson === undefined ? before.assigneePerson : input.assigneePerson;
    // Naming an assignee on a document still "pending" moves it to "assigned" (edXML status 04).
    const status =
      input.status ?? (before.processingStatus === 'pending' && (assigneeUnit || assigneePerson) ? 'assigned' : before.processingStatus);
    const after = {
      processingStatus: status,
      assigneeUnit,
      assigneePerson,
      dueDate: input.dueDate === undefined ? before.dueDate : input.dueDate,
      replyNotation: input.replyNotation === undefined ? before.replyNotation : input.replyNotation,
    };
    if (after.dueDate && after.dueDate < before.registerDate) {
      throw new AppError('INVALID_INPUT', 'Hạn xử lý không được trước ngày đến.', `due date ${after.dueDate} before arrival`, {
        issues: [{ path: 'dueDate', message: 'không được trước ngày đến' }],
      });
    }
    ctx.db
      .prepare(
        `UPDATE documents SET processing_status = @processingStatus, assignee_unit = @assigneeUnit,
           assignee_person = @assigneePerson, due_date = @dueDate, reply_notation = @replyNotation, updated_at = @at
         WHERE id = @id`,
      )
      .run({ ...after, at: timestamp(ctx.clock), id: input.id });
    queueTrackingStatus(ctx, input.id, before.processingStatus, after.processingStatus, timestamp(ctx.clock));
    ctx.audit.append({
      action: 'processing.update',
      entityType: 'document',
      entityId: input.id,
      details: {
        from: {
          status: before.processingStatus,
          assigneeUnit: before.assigneeUnit,
          assigneePerson: before.assigneePerson,
          dueDate: before.dueDate,
          replyNotation: before.replyNotation,
        },
        to: after,
        statusLabel: after.processingStatus ? processingStatusLabel(after.processingStatus) : null,
      },
    });
  });
  return getDocument(ctx, input.id);
}
