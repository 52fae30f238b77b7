import { z } from 'zod';
import { PRIORITIES } from '../../domain/priority.ts';
import { PROCESSING_STATUSES } from '../../domain/processing.ts';
import { idSchema, isoDate, isoDateTime } from './common.ts';
import { ISSUANCE_STATES } from './issuance.ts';
import { BUSINESS_KINDS, SYNC_OUTCOMES } from './sync.ts';

// Hôm nay: the clerk's work of the day in one answer (docs/ui.md "Hôm nay"; Decree 30 Art. 18.1,
// 23.1, Appendix VI III.1.i). Each section lists at most TODAY_ROWS lines with its full count;
// the screens behind it (Liên thông, Cần xử lý, Phát hành) show the rest.

export const TODAY_ROWS = 50;
// "Deadlines within N working days": three covers the rest of a working week from midweek,
// without filling the screen with next week's work.
export const DEFAULT_HORIZON_DAYS = 3;
export const MAX_HORIZON_DAYS = 20;

export const todayInput = z.strictObject({
  horizonDays: z.int().min(0).max(MAX_HORIZON_DAYS).default(DEFAULT_HORIZON_DAYS),
});

const priority = z.enum(PRIORITIES);

// A package the hub delivered that waits for Tiếp nhận / Từ chối (or, for a request, an answer).
export const todayInboxItem = z.object({
  id: idSchema,
  businessType: z.enum(BUSINESS_KINDS),
  fromName: z.string(),
  fromOrganId: z.string(),
  codeNumber: z.string(),
  codeNotation: z.string(),
  subject: z.string(),
  priority,
  receivedAt: isoDateTime,
});

// A registered incoming document.
export const todayDocument = z.object({
  id: idSchema,
  year: z.int(),
  number: z.int(),
  registerDate: isoDate,
  codeNumber: z.string(),
  codeNotation: z.string(),
  subject: z.string(),
  issuingAgency: z.string(),
  priority,
  processingStatus: z.enum(PROCESSING_STATUSES).nullable(),
});

// An open deadline. `unit` is who it is set for: today the document's assignee; with a deadline
// per unit (the processing history of issue 12 part 1) a document may have one line per unit.
export const todayDeadline = todayDocument.extend({
  dueDate: isoDate,
  unit: z.string().nullable(),
  overdue: z.boolean(),
  // Working days from today to the deadline: 0 due today, negative when overdue.
  workingDaysLeft: z.int(),
});

// A document the leader approved that has not been sent out yet (Art. 18.1).
export const todayUnissued = z.object({
  issuanceId: idSchema,
  documentId: idSchema.nullable(),
  state: z.enum(ISSUANCE_STATES),
  documentTypeName: z.string(),
  subject: z.string(),
  codeNumber: z.string().nullable(),
  codeNotation: z.string().nullable(),
  priority,
  approvedOn: isoDate,
  // The approval day for an urgent document, else the next working day after it.
  issueBy: isoDate,
  late: z.boolean(),
});

// A document package waiting for the network.
export const todayOutboxItem = z.object({
  sendId: idSchema,
  documentId: idSchema,
  issuanceId: idSchema.nullable(),
  codeNumber: z.string(),
  codeNotation: z.string(),
  subject: z.string(),
  recipients: z.int().min(0),
  // 'sending': handed to the hub when the program or the network stopped; checked at the next sync.
  state: z.enum(['pending', 'sending']),
  attempts: z.int().min(0),
  lastError: z.string().nullable(),
  queuedAt: isoDateTime,
});

export const todaySync = z.object({
  // The hub connection is set up (Cài đặt → Liên thông).
  configured: z.boolean(),
  running: z.boolean(),
  lastRun: z.object({ outcome: z.enum(SYNC_OUTCOMES), finishedAt: isoDateTime, messageVi: z.string() }).nullable(),
  lastSuccessAt: isoDateTime.nullable(),
  network: z.object({ reachable: z.boolean(), checkedAt: isoDateTime }).nullable(),
});

const count = z.int().min(0);

export const todaySummary = z.object({
  today: isoDate,
  horizonDays: z.int().min(0),
  // The last day counted as "due soon".
  horizonEnd: isoDate,
  // `newest`: the latest delivery still waiting, which the desktop notification names.
  inbox: z.object({ total: count, rows: z.array(todayInboxItem), newest: todayInboxItem.nullable() }),
  urgent: z.object({ total: count, rows: z.array(todayDocument) }),
  deadlines: z.object({ overdue: count, dueSoon: count, rows: z.array(todayDeadline) }),
  unissued: z.object({ total: count, late: count, rows: z.array(todayUnissued) }),
  outbox: z.object({ documents: count, statuses: count, rows: z.array(todayOutboxItem) }),
  sync: todaySync,
});

export type TodaySummary = z.infer<typeof todaySummary>;
export type TodayWork = Omit<TodaySummary, 'sync'>;
