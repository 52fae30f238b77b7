import { z } from 'zod';
import { idSchema, isoDateTime } from './common.ts';
import { verificationReport } from './verification.ts';

// The clerk's side of the interchange (docs/sync.md): a sync run and its progress, and the
// documents the hub delivered, to accept into the incoming register or refuse.

export const directionProgress = z.object({ total: z.int().min(0), done: z.int().min(0), bytes: z.number().min(0) });

export const syncFailure = z.object({ what: z.string(), reasonVi: z.string(), actionVi: z.string() });

export const syncProgress = z.object({
  outgoing: directionProgress,
  incoming: directionProgress,
  sent: z.int().min(0),
  received: z.int().min(0),
  statusesSent: z.int().min(0),
  statusesReceived: z.int().min(0),
  duplicates: z.int().min(0),
  reconciled: z.int().min(0),
  failures: z.array(syncFailure),
});
export type SyncProgressView = z.infer<typeof syncProgress>;

export const SYNC_OUTCOMES = ['ok', 'partial', 'offline', 'failed'] as const;
export const SYNC_TRIGGERS = ['manual', 'schedule', 'network-back'] as const;
export type SyncTrigger = (typeof SYNC_TRIGGERS)[number];

export const syncSummary = syncProgress.extend({
  runId: z.int(),
  outcome: z.enum(SYNC_OUTCOMES),
  startedAt: isoDateTime,
  finishedAt: isoDateTime,
  messageVi: z.string(),
});
export type SyncSummaryView = z.infer<typeof syncSummary>;

export const syncStateInput = z.strictObject({
  // Ask the hub now (short timeout) instead of answering the last known reachability.
  probe: z.boolean().default(false),
});

export const syncState = z.object({
  running: z.boolean(),
  // Why the current run started; null when idle.
  trigger: z.enum(SYNC_TRIGGERS).nullable(),
  startedAt: isoDateTime.nullable(),
  // The current run's progress; null when idle.
  progress: syncProgress.nullable(),
  lastRun: syncSummary.nullable(),
  // The end of the last run whose outcome was 'ok'.
  lastSuccessAt: isoDateTime.nullable(),
  // The last probe or run that tells whether the hub answers; null: not known since start.
  network: z.object({ reachable: z.boolean(), checkedAt: isoDateTime, detail: z.string().nullable() }).nullable(),
  pending: z.object({
    documents: z.int().min(0),
    statuses: z.int().min(0),
    incoming: z.int().min(0),
  }),
  // The automatic sync as configured (null: the hub is not configured).
  schedule: z.object({ enabled: z.boolean(), scheduleTime: z.string().nullable() }).nullable(),
});
export type SyncStateView = z.infer<typeof syncState>;

export const syncRunResult = syncState.extend({
  // A run was already going: this request joined it instead of starting another.
  joined: z.boolean(),
});

export const INBOX_STATES = ['received', 'accepted', 'refused', 'recalled', 'answered'] as const;
export const BUSINESS_KINDS = ['new', 'revoke', 'update', 'replace'] as const;
export const INBOX_VERDICTS = ['valid', 'indeterminate', 'invalid', 'unsigned'] as const;

export const inboxListInput = z.strictObject({
  state: z.enum(['received', 'accepted', 'refused', 'all']).default('received'),
  offset: z.int().min(0).default(0),
  limit: z.int().min(1).max(200).default(50),
});

export const inboxSummary = z.object({
  id: z.int(),
  state: z.enum(INBOX_STATES),
  businessType: z.enum(BUSINESS_KINDS),
  fromOrganId: z.string(),
  fromName: z.string(),
  codeNumber: z.string(),
  codeNotation: z.string(),
  documentDate: z.string().nullable(),
  documentTypeName: z.string(),
  subject: z.string(),
  verdict: z.enum(INBOX_VERDICTS),
  receivedAt: isoDateTime,
  // The row of the incoming register once accepted.
  documentId: z.int().nullable(),
});
export type InboxSummary = z.infer<typeof inboxSummary>;

export const inboxListResult = z.object({ rows: z.array(inboxSummary), total: z.int().min(0) });

export const inboxFile = z.object({
  sha256: z.string(),
  name: z.string(),
  contentType: z.string(),
  size: z.int().min(0),
  verdict: z.enum([...INBOX_VERDICTS, 'not-pdf']),
  // The verification made when the package arrived, against the profile's trust anchors then.
  report: verificationReport.nullable(),
});

export const inboxDetail = inboxSummary.extend({
  hubDocId: z.string(),
  documentIdentifier: z.string(),
  priority: z.int(),
  signerName: z.string(),
  signerPosition: z.string(),
  dueDate: z.string().nullable(),
  refuseReason: z.string().nullable(),
  updatedAt: isoDateTime,
  files: z.array(inboxFile),
  // For a recall, update or replacement: the package it is about (null when it never came here).
  related: inboxSummary.nullable(),
  // For a document: the recall/update/replace requests received about it.
  requests: z.array(inboxSummary),
});
export type InboxDetail = z.infer<typeof inboxDetail>;

export const inboxFileRef = z.strictObject({ id: idSchema, sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const inboxAcceptInput = z.strictObject({
  id: idSchema,
  allowDuplicate: z.boolean().default(false),
  recipientUnit: z.string().trim().max(300).nullable().optional(),
});

export const inboxRefuseInput = z.strictObject({
  id: idSchema,
  reason: z.string().trim().min(1, { error: 'cần ghi lý do từ chối (nơi gửi sẽ đọc)' }).max(2000, { error: 'dài quá 2000 ký tự' }),
});

// The answer to a recall, update or replacement request: agreed (15) or refused (16), with what
// the sender will read.
export const inboxAnswerInput = z.strictObject({
  id: idSchema,
  agree: z.boolean(),
  reason: z.string().trim().min(1, { error: 'cần ghi ý kiến trả lời (nơi gửi sẽ đọc)' }).max(2000, { error: 'dài quá 2000 ký tự' }),
});
