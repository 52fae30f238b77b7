import { z } from 'zod';
import { ASSIGNEE_ROLES, ENTRY_KINDS } from '../../domain/processing-history.ts';
import { PRIORITIES } from '../../domain/priority.ts';
import { PROCESSING_STATUSES } from '../../domain/processing.ts';
import { idSchema, isoDate, optionalMultiline, optionalText, requiredText } from './common.ts';
import { documentRecord } from './documents.ts';

// The processing history of an incoming document (docs/processing.md). Every entry is appended;
// `correctsId` names the earlier entry of the same kind that this one corrects.

export const assigneeInput = z
  .strictObject({
    role: z.enum(ASSIGNEE_ROLES),
    unit: optionalText(300),
    person: optionalText(200),
    dueDate: isoDate.nullable().optional().transform((v) => v ?? null),
  })
  .refine((a) => a.unit !== null || a.person !== null, { error: 'phải ghi đơn vị hoặc người', path: ['unit'] });
export type AssigneeInput = z.input<typeof assigneeInput>;

const common = {
  documentId: idSchema,
  // Today (Vietnam) when absent.
  givenOn: isoDate.optional(),
  correctsId: idSchema.optional(),
};

// Part 1 of the phiếu: the head of the agency gives the lead and coordinating units and deadlines.
const instructionInput = z
  .strictObject({
    kind: z.literal('instruction'),
    ...common,
    author: requiredText(200),
    text: optionalMultiline(4000),
    assignees: z.array(assigneeInput).min(1, { error: 'phải giao ít nhất một đơn vị chủ trì' }).max(30),
  })
  .refine((v) => v.assignees.filter((a) => a.role === 'lead').length === 1, {
    error: 'phải có đúng một đơn vị (người) chủ trì',
    path: ['assignees'],
  });

// Part 2: the leader of a unit the agency's instruction named gives it to a person of the unit.
const unitInstructionInput = z.strictObject({
  kind: z.literal('unit_instruction'),
  ...common,
  author: requiredText(200),
  text: optionalMultiline(4000),
  unit: requiredText(300),
  person: requiredText(200),
  dueDate: isoDate.nullable().optional().transform((v) => v ?? null),
});

// Part 3: the handler's proposal.
const proposalInput = z.strictObject({
  kind: z.literal('proposal'),
  ...common,
  author: requiredText(200),
  text: requiredText(4000),
});

// Progress and the result: 'done' with what was done (and the reply's number when one was sent
// outside this app); 'in_progress', or back to 'assigned' to reopen a finished document.
const statusInput = z.strictObject({
  kind: z.literal('status'),
  ...common,
  status: z.enum(['assigned', 'in_progress', 'done']),
  author: optionalText(200),
  text: optionalMultiline(4000),
  replyNotation: optionalText(200),
});

export const processingRecordInput = z.discriminatedUnion('kind', [instructionInput, unitInstructionInput, proposalInput, statusInput]);
export type ProcessingRecordInput = z.input<typeof processingRecordInput>;
export type ProcessingRecordData = z.output<typeof processingRecordInput>;

export const assigneeRecord = z.object({
  role: z.enum(ASSIGNEE_ROLES),
  unit: z.string().nullable(),
  person: z.string().nullable(),
  dueDate: z.string().nullable(),
});
export type AssigneeRecord = z.infer<typeof assigneeRecord>;

export const processingEntry = z.object({
  id: z.int(),
  documentId: z.int(),
  kind: z.enum(ENTRY_KINDS),
  author: z.string().nullable(),
  text: z.string().nullable(),
  givenOn: z.string().nullable(),
  status: z.enum(PROCESSING_STATUSES),
  replyNotation: z.string().nullable(),
  replyDocumentId: z.int().nullable(),
  correctsId: z.int().nullable(),
  // The later entry that corrects this one, if any (computed, the row itself never changes).
  correctedById: z.int().nullable(),
  assignees: z.array(assigneeRecord),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type ProcessingEntry = z.infer<typeof processingEntry>;

// Who has the document now: the latest instruction's units, with the persons and deadlines the
// unit leaders gave after it; `overdue` against today when the document is not done.
export const distributionRow = assigneeRecord.extend({ overdue: z.boolean() });
export type DistributionRow = z.infer<typeof distributionRow>;

export const processingHistory = z.object({
  document: documentRecord,
  entries: z.array(processingEntry),
  distribution: z.array(distributionRow),
});
export type ProcessingHistory = z.infer<typeof processingHistory>;

export const unitDeadlinesInput = z.strictObject({
  // Due soon: from today to today + withinDays (calendar days), inclusive.
  withinDays: z.int().min(0).max(60).default(3),
});

export const unitDeadlineDocument = z.object({
  documentId: z.int(),
  number: z.int(),
  year: z.int(),
  subject: z.string(),
  priority: z.enum(PRIORITIES),
  role: z.enum(ASSIGNEE_ROLES),
  person: z.string().nullable(),
  dueDate: z.string(),
  overdue: z.boolean(),
});

export const unitDeadlines = z.object({
  today: z.string(),
  withinDays: z.int(),
  units: z.array(
    z.object({
      // The unit's name, or the person's when the instruction named a person only.
      unit: z.string(),
      overdue: z.int(),
      dueSoon: z.int(),
      documents: z.array(unitDeadlineDocument),
    }),
  ),
});
export type UnitDeadlines = z.infer<typeof unitDeadlines>;

export const slipResult = z.object({ fileName: z.string(), path: z.string(), bytes: z.int() });
