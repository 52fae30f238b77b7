import type { DocumentRecord } from '../../shared/api/schemas/documents.ts';
import type { ProcessingEntry, ProcessingHistory, ProcessingRecordData } from '../../shared/api/schemas/processing.ts';
import { formatVietnameseDate } from '../../shared/domain/dates.ts';
import { comparisonKey } from '../../shared/domain/fold.ts';
import { type Assignee, distributionOf, ENTRY_KIND_LABELS } from '../../shared/domain/processing-history.ts';
import type { ProcessingStatus } from '../../shared/domain/processing.ts';
import { AppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { timestamp, today } from './clock.ts';
import type { RegistryContext } from './context.ts';
import { getDocument } from './documents.ts';
import { applyHistory, insertEntry, type NewEntry, readEntries } from './processing-entries.ts';

function refuse(path: string, message: string, sentence: string, en: string): never {
  throw new AppError('INVALID_INPUT', sentence, en, { issues: [{ path, message }] });
}

// Only an active incoming document has a processing history.
export function requireHandled(doc: DocumentRecord): void {
  if (doc.direction !== 'incoming') {
    throw new AppError('INVALID_INPUT', 'Chỉ theo dõi giải quyết văn bản đến.', `document ${doc.id} is outgoing`);
  }
  if (doc.status === 'void') {
    throw new AppError('CONFLICT', 'Văn bản đã bị hủy, không thể cập nhật xử lý.', `document ${doc.id} is void`);
  }
}

// Opinions are given between the arrival and today; a deadline not before the day it was given
// (nor before the arrival, as the register's own rule says).
function checkDates(doc: DocumentRecord, givenOn: string, now: string, deadlines: ReadonlyArray<{ path: string; date: string | null }>): void {
  if (givenOn < doc.registerDate) refuse('givenOn', 'không được trước ngày đến', 'Ngày cho ý kiến không được trước ngày đến.', `given ${givenOn} before arrival`);
  if (givenOn > now) refuse('givenOn', 'không được sau hôm nay', 'Ngày cho ý kiến không được sau hôm nay.', `given ${givenOn} after today ${now}`);
  for (const d of deadlines) {
    if (d.date !== null && d.date < givenOn) {
      refuse(d.path, 'không được trước ngày cho ý kiến', `Hạn xử lý không được trước ngày cho ý kiến (${formatVietnameseDate(givenOn)}).`, `due ${d.date} before given ${givenOn}`);
    }
  }
}

// A correction names an entry of the same document and kind that no later entry corrected yet.
function checkCorrection(entries: readonly ProcessingEntry[], kind: ProcessingEntry['kind'], correctsId: number | undefined): void {
  if (correctsId === undefined) return;
  const target = entries.find((e) => e.id === correctsId);
  if (!target || target.kind !== kind) {
    refuse('correctsId', 'không phải mục cùng loại của văn bản này', `Mục cần sửa không phải "${ENTRY_KIND_LABELS[kind]}" của văn bản này.`, `entry ${correctsId} is not a ${kind} of this document`);
  }
  if (target.correctedById !== null) {
    throw new AppError('CONFLICT', 'Mục này đã được sửa bằng một mục sau: hãy sửa mục mới nhất.', `entry ${correctsId} already corrected by ${target.correctedById}`);
  }
}

// The state an entry leaves the document in (docs/processing.md "States").
function statusAfter(current: ProcessingStatus, input: ProcessingRecordData): ProcessingStatus {
  switch (input.kind) {
    case 'instruction':
    case 'unit_instruction':
      return current === 'in_progress' ? 'in_progress' : 'assigned';
    case 'proposal':
      return current === 'done' ? 'done' : 'in_progress';
    case 'status':
      return input.status;
  }
}

function entryOf(doc: DocumentRecord, entries: readonly ProcessingEntry[], input: ProcessingRecordData, givenOn: string): NewEntry {
  const base = { author: input.author, text: input.text, givenOn, correctsId: input.correctsId ?? null, status: statusAfter(doc.processingStatus ?? 'pending', input) };
  switch (input.kind) {
    case 'instruction':
      return { ...base, kind: 'instruction', assignees: input.assignees };
    case 'unit_instruction': {
      const named = distributionOf(entries).some((r) => r.unit !== null && comparisonKey(r.unit) === comparisonKey(input.unit));
      if (!named) {
        refuse('unit', 'chưa được lãnh đạo cơ quan giao', `Đơn vị "${input.unit}" chưa được lãnh đạo cơ quan giao văn bản này.`, `unit ${input.unit} not in the distribution`);
      }
      const given: Assignee = { role: 'lead', unit: input.unit, person: input.person, dueDate: input.dueDate };
      return { ...base, kind: 'unit_instruction', assignees: [given] };
    }
    case 'proposal':
      return { ...base, kind: 'proposal' };
    case 'status':
      if (input.status === doc.processingStatus && !input.text && !input.replyNotation && input.correctsId === undefined) {
        throw new AppError('CONFLICT', 'Văn bản đã ở tình trạng này.', `document ${doc.id} already ${input.status}`);
      }
      return { ...base, kind: 'status', replyNotation: input.replyNotation };
  }
}

function deadlinesOf(input: ProcessingRecordData): Array<{ path: string; date: string | null }> {
  if (input.kind === 'instruction') return input.assignees.map((a, i) => ({ path: `assignees.${i}.dueDate`, date: a.dueDate }));
  if (input.kind === 'unit_instruction') return [{ path: 'dueDate', date: input.dueDate }];
  return [];
}

export function processingHistory(ctx: RegistryContext, documentId: number): ProcessingHistory {
  const document = getDocument(ctx, documentId);
  const entries = readEntries(ctx, documentId);
  const now = today(ctx.clock);
  const open = document.status === 'active' && document.processingStatus !== 'done';
  const distribution = distributionOf(entries).map((r) => ({ ...r, overdue: open && r.dueDate !== null && r.dueDate < now }));
  return { document, entries, distribution };
}

// Appends one entry of the history (an instruction, a unit leader's assignment, a proposal, a
// progress or a result), brings the document's columns up to date, tells the sender, audits.
export function recordProcessing(ctx: RegistryContext, input: ProcessingRecordData): ProcessingHistory {
  writeTransaction(ctx.db, () => {
    const before = getDocument(ctx, input.documentId);
    requireHandled(before);
    const now = today(ctx.clock);
    const givenOn = input.givenOn ?? now;
    checkDates(before, givenOn, now, deadlinesOf(input));
    const entries = readEntries(ctx, before.id);
    checkCorrection(entries, input.kind, input.correctsId);
    const entry = entryOf(before, entries, input, givenOn);
    const at = timestamp(ctx.clock);
    const entryId = insertEntry(ctx, before.id, entry, at);
    applyHistory(ctx, before, at);
    ctx.audit.append({
      action: 'processing.record',
      entityType: 'document',
      entityId: before.id,
      details: { entryId, ...entry, from: before.processingStatus, to: entry.status },
    });
  });
  return processingHistory(ctx, input.documentId);
}
