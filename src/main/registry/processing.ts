import type { z } from 'zod';
import type { DocumentRecord, ListResult, processingInput } from '../../shared/api/schemas/documents.ts';
import { distributionOf } from '../../shared/domain/processing-history.ts';
import { processingStatusLabel, type ProcessingStatus } from '../../shared/domain/processing.ts';
import { AppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { timestamp, today } from './clock.ts';
import type { RegistryContext } from './context.ts';
import { DOCUMENT_COLUMNS, DOCUMENT_FROM, type DocumentRow, toDocumentRecord } from './document-rows.ts';
import { getDocument } from './documents.ts';
import { applyHistory, insertEntry, readEntries } from './processing-entries.ts';
import { requireHandled } from './processing-record.ts';

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

const differs = <T>(given: T | undefined, current: T): given is T => given !== undefined && given !== current;

// The quick path (the list's buttons, `vanthu processing update`): one lead, one deadline, a
// status. It appends history entries as the full form does (docs/processing.md): a changed
// assignee or deadline is an instruction whose lead is replaced (coordinating units kept), a
// changed status or reply number a status entry.
export function updateProcessing(ctx: RegistryContext, input: ProcessingData): DocumentRecord {
  writeTransaction(ctx.db, () => {
    const before = getDocument(ctx, input.id);
    requireHandled(before);
    const at = timestamp(ctx.clock);
    const givenOn = today(ctx.clock);
    const current = before.processingStatus ?? 'pending';
    const assigned = differs(input.assigneeUnit, before.assigneeUnit) || differs(input.assigneePerson, before.assigneePerson) || differs(input.dueDate, before.dueDate);
    const entryIds: number[] = [];
    let status: ProcessingStatus = current;
    if (assigned) {
      const lead = {
        role: 'lead' as const,
        unit: input.assigneeUnit === undefined ? before.assigneeUnit : input.assigneeUnit,
        person: input.assigneePerson === undefined ? before.assigneePerson : input.assigneePerson,
        dueDate: input.dueDate === undefined ? before.dueDate : input.dueDate,
      };
      if (lead.dueDate && lead.dueDate < before.registerDate) {
        throw new AppError('INVALID_INPUT', 'Hạn xử lý không được trước ngày đến.', `due date ${lead.dueDate} before arrival`, {
          issues: [{ path: 'dueDate', message: 'không được trước ngày đến' }],
        });
      }
      if (lead.unit !== null || lead.person !== null) {
        const others = distributionOf(readEntries(ctx, before.id)).filter((r) => r.role !== 'lead');
        // Naming an assignee on a document still "pending" moves it to "assigned" (edXML status 04).
        status = current === 'pending' ? 'assigned' : current;
        entryIds.push(insertEntry(ctx, before.id, { kind: 'instruction', author: null, text: null, givenOn, status, assignees: [lead, ...others] }, at));
      }
    }
    const replyChanged = differs(input.replyNotation, before.replyNotation);
    if (differs(input.status, status) || replyChanged) {
      status = input.status ?? status;
      const replyNotation = replyChanged ? input.replyNotation : null;
      entryIds.push(insertEntry(ctx, before.id, { kind: 'status', author: null, text: null, givenOn, status, replyNotation }, at));
    }
    if (entryIds.length > 0) applyHistory(ctx, before, at);
    // An assignment cleared, or a deadline given without anyone to give it to, is not an
    // opinion of anyone: it changes the columns only (the audit entry keeps what they were).
    else if (assigned) {
      ctx.db
        .prepare('UPDATE documents SET assignee_unit = @unit, assignee_person = @person, due_date = @due, updated_at = @at WHERE id = @id')
        .run({
          unit: input.assigneeUnit === undefined ? before.assigneeUnit : input.assigneeUnit,
          person: input.assigneePerson === undefined ? before.assigneePerson : input.assigneePerson,
          due: input.dueDate === undefined ? before.dueDate : input.dueDate,
          at,
          id: before.id,
        });
    }
    const after = getDocument(ctx, before.id);
    ctx.audit.append({
      action: 'processing.update',
      entityType: 'document',
      entityId: input.id,
      details: {
        entryIds,
        from: {
          status: before.processingStatus,
          assigneeUnit: before.assigneeUnit,
          assigneePerson: before.assigneePerson,
          dueDate: before.dueDate,
          replyNotation: before.replyNotation,
        },
        to: {
          processingStatus: after.processingStatus,
          assigneeUnit: after.assigneeUnit,
          assigneePerson: after.assigneePerson,
          dueDate: after.dueDate,
          replyNotation: after.replyNotation,
        },
        statusLabel: after.processingStatus ? processingStatusLabel(after.processingStatus) : null,
      },
    });
  });
  return getDocument(ctx, input.id);
}
