import type { DocumentRecord } from '../../shared/api/schemas/documents.ts';
import type { ProcessingEntry } from '../../shared/api/schemas/processing.ts';
import { type Assignee, distributionOf, documentDeadline, type EntryKind, statusDescription } from '../../shared/domain/processing-history.ts';
import { processingStatusLabel, type ProcessingStatus } from '../../shared/domain/processing.ts';
import { statement } from '../db/statements.ts';
import { queueTrackingStatus } from '../outbox/tracking-status.ts';
import type { RegistryContext } from './context.ts';

// The rows of the processing history (migration 0007): read in the order recorded, appended,
// and what they come to written onto the document's processing columns in the same transaction.

interface EntryRow {
  id: number;
  document_id: number;
  kind: EntryKind;
  author: string | null;
  text: string | null;
  given_on: string | null;
  status: ProcessingStatus;
  reply_notation: string | null;
  reply_document_id: number | null;
  corrects_id: number | null;
  recorded_by: string;
  recorded_at: string;
}

interface AssigneeRow {
  entry_id: number;
  role: Assignee['role'];
  unit: string | null;
  person: string | null;
  due_date: string | null;
}

export function readEntries(ctx: RegistryContext, documentId: number): ProcessingEntry[] {
  const rows = statement(ctx.db, 'SELECT * FROM processing_entries WHERE document_id = ? ORDER BY id').all(documentId) as EntryRow[];
  const assignees = statement(
    ctx.db,
    `SELECT a.entry_id, a.role, a.unit, a.person, a.due_date FROM processing_assignees a
     JOIN processing_entries e ON e.id = a.entry_id WHERE e.document_id = ? ORDER BY a.entry_id, a.position`,
  ).all(documentId) as AssigneeRow[];
  const correctedBy = new Map<number, number>();
  for (const r of rows) if (r.corrects_id !== null && !correctedBy.has(r.corrects_id)) correctedBy.set(r.corrects_id, r.id);
  return rows.map((r) => ({
    id: r.id,
    documentId: r.document_id,
    kind: r.kind,
    author: r.author,
    text: r.text,
    givenOn: r.given_on,
    status: r.status,
    replyNotation: r.reply_notation,
    replyDocumentId: r.reply_document_id,
    correctsId: r.corrects_id,
    correctedById: correctedBy.get(r.id) ?? null,
    assignees: assignees.filter((a) => a.entry_id === r.id).map((a) => ({ role: a.role, unit: a.unit, person: a.person, dueDate: a.due_date })),
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
  }));
}

export interface NewEntry {
  readonly kind: EntryKind;
  readonly author: string | null;
  readonly text: string | null;
  readonly givenOn: string | null;
  readonly status: ProcessingStatus;
  readonly replyNotation?: string | null;
  readonly replyDocumentId?: number | null;
  readonly correctsId?: number | null;
  readonly assignees?: readonly Assignee[];
}

// Inside the caller's write transaction.
export function insertEntry(ctx: RegistryContext, documentId: number, e: NewEntry, at: string): number {
  const info = statement(
    ctx.db,
    `INSERT INTO processing_entries (document_id, kind, author, text, given_on, status, reply_notation, reply_document_id, corrects_id, recorded_by, recorded_at)
     VALUES (@documentId, @kind, @author, @text, @givenOn, @status, @replyNotation, @replyDocumentId, @correctsId, @recordedBy, @at)`,
  ).run({
    documentId,
    kind: e.kind,
    author: e.author,
    text: e.text,
    givenOn: e.givenOn,
    status: e.status,
    replyNotation: e.replyNotation ?? null,
    replyDocumentId: e.replyDocumentId ?? null,
    correctsId: e.correctsId ?? null,
    recordedBy: ctx.audit.actor,
    at,
  });
  const id = Number(info.lastInsertRowid);
  const insertAssignee = statement(
    ctx.db,
    'INSERT INTO processing_assignees (entry_id, position, role, unit, person, due_date) VALUES (?, ?, ?, ?, ?, ?)',
  );
  (e.assignees ?? []).forEach((a, i) => insertAssignee.run(id, i, a.role, a.unit, a.person, a.dueDate));
  return id;
}

const HEADLINE: Readonly<Partial<Record<ProcessingStatus, string>>> = {
  assigned: 'Đã phân công xử lý.',
  in_progress: 'Đang xử lý.',
  done: 'Đã xử lý xong.',
};

// The document's processing columns as the history now says (docs/processing.md): the status
// of the latest entry, the lead of the distribution, its deadline (the registered one when no
// instruction gave any), the latest reply number. The sender is told of a new state (04/05/06)
// with the history in the status's Description.
export function applyHistory(ctx: RegistryContext, before: DocumentRecord, at: string): void {
  const entries = readEntries(ctx, before.id);
  const last = entries.at(-1);
  if (!last) return;
  const rows = distributionOf(entries);
  const lead = rows.find((r) => r.role === 'lead') ?? null;
  const reply = [...entries].reverse().find((e) => e.replyNotation !== null)?.replyNotation ?? null;
  const after = {
    processingStatus: last.status,
    assigneeUnit: lead ? lead.unit : before.assigneeUnit,
    assigneePerson: lead ? lead.person : before.assigneePerson,
    dueDate: documentDeadline(rows) ?? before.dueDate,
    replyNotation: reply ?? before.replyNotation,
  };
  statement(
    ctx.db,
    `UPDATE documents SET processing_status = @processingStatus, assignee_unit = @assigneeUnit, assignee_person = @assigneePerson,
       due_date = @dueDate, reply_notation = @replyNotation, updated_at = @at WHERE id = @id`,
  ).run({ ...after, at, id: before.id });
  const headline = HEADLINE[last.status] ?? processingStatusLabel(last.status);
  queueTrackingStatus(ctx, before.id, before.processingStatus, last.status, at, statusDescription(headline, entries));
}
