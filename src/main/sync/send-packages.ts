import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { isAppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import type { WrittenPackage } from '../edxml/write-common.ts';
import type { HubClient } from '../hub/hub-client.ts';
import type { SentEdoc } from '../hub/hub-payloads.ts';
import type { Profile } from '../profile/open-profile.ts';
import { timestamp } from '../registry/clock.ts';
import type { SyncProgress } from './sync-progress.ts';
import { numberNotation } from '../../shared/domain/notation.ts';

interface SendRow {
  id: number;
  kind: 'edoc' | 'status';
  document_id: number | null;
  business_type: number | null;
  inbox_id: number | null;
  status_code: string | null;
  description: string | null;
  state: 'pending' | 'sending';
  package_sha256: string | null;
}

export interface PackageBuilders {
  // `reason`: what a recall, update or replacement says to the recipients (BussinessDocReason).
  edoc(p: Profile, documentId: number, businessType: number, reason: string | null, outPath: string): Promise<WrittenPackage>;
  status(p: Profile, inboxId: number, statusCode: string, description: string, outPath: string): Promise<WrittenPackage>;
}

export interface SendOptions {
  readonly client: HubClient;
  readonly from: string;
  readonly builders: PackageBuilders;
  readonly onProgress: () => void;
}

// How the hub lists a package we sent (getSentEdocList): a document by its subject and
// number/notation, a status by its code and the number/notation of the document it is about.
function listedAs(p: Profile, row: SendRow): { title: string; notation: string } {
  if (row.kind === 'edoc') {
    const d = statement(p.db, 'SELECT subject, code_number, code_notation FROM documents WHERE id = ?').get(row.document_id) as {
      subject: string;
      code_number: string;
      code_notation: string;
    };
    return { title: d.subject, notation: `${numberNotation({ codeNumber: d.code_number, codeNotation: d.code_notation })}` };
  }
  const i = statement(p.db, 'SELECT code_number, code_notation FROM inbox WHERE id = ?').get(row.inbox_id) as { code_number: string; code_notation: string };
  return { title: row.status_code ?? '', notation: `${numberNotation({ codeNumber: i.code_number, codeNotation: i.code_notation })}` };
}

function markSent(p: Profile, row: SendRow, hubDocId: string, how: 'sent' | 'reconciled'): void {
  const at = timestamp(p.clock);
  writeTransaction(p.db, () => {
    statement(p.db, "UPDATE hub_sends SET state = 'sent', hub_doc_id = ?, sent_at = ?, updated_at = ?, last_error = NULL WHERE id = ?").run(hubDocId, at, at, row.id);
    if (row.kind === 'edoc') statement(p.db, "UPDATE outbox SET status = 'sent', updated_at = ? WHERE send_id = ? AND status = 'pending'").run(at, row.id);
    p.audit.append({ action: `hub.send.${how}`, entityType: 'hub_send', entityId: row.id, details: { kind: row.kind, hubDocId, documentId: row.document_id, inboxId: row.inbox_id, statusCode: row.status_code } });
  });
}

function backToPending(p: Profile, row: SendRow, error: string): void {
  statement(p.db, "UPDATE hub_sends SET state = 'pending', last_error = ?, updated_at = ? WHERE id = ?").run(error, timestamp(p.clock), row.id);
}

// A send whose outcome is unknown (the program died, or the answer never came) is looked up in the
// hub's list of what we sent before anything is sent again: the hub has no idempotency, a resend
// would be a second package. Found: it is recorded as sent with the hub's docId. Not found: the hub
// never stored it, and it goes back in the queue.
export async function reconcileUnknownSends(p: Profile, progress: SyncProgress, client: HubClient): Promise<void> {
  const rows = statement(p.db, "SELECT * FROM hub_sends WHERE state = 'sending' ORDER BY id").all() as SendRow[];
  if (rows.length === 0) return;
  const lists = new Map<string, SentEdoc[]>();
  const isKnown = statement(p.db, 'SELECT 1 FROM hub_sends WHERE hub_doc_id = ?');
  for (const row of rows) {
    let sent = lists.get(row.kind);
    if (!sent) {
      sent = await client.getSentEdocList({ messageType: row.kind });
      lists.set(row.kind, sent);
    }
    const { title, notation } = listedAs(p, row);
    const match = sent.find((s) => s.senderDocId && s.title === title && s.notation === notation && !isKnown.get(s.senderDocId));
    if (match?.senderDocId) {
      markSent(p, row, match.senderDocId, 'reconciled');
      progress.reconciled++;
    } else {
      backToPending(p, row, 'the hub has no record of it: sent again');
    }
  }
}

// Built once and kept in the store, so that a send tried again carries the same bytes.
async function packageOf(p: Profile, row: SendRow, builders: PackageBuilders): Promise<{ path: string; size: number }> {
  if (row.package_sha256) {
    const size = statement(p.db, 'SELECT size FROM files WHERE sha256 = ?').pluck().get(row.package_sha256) as number;
    if (p.blobs.check(row.package_sha256, size) === 'ok') return { path: p.blobs.pathOf(row.package_sha256), size };
  }
  const out = join(p.paths.tmp, `send-${row.id}-${randomUUID()}.edxml`);
  if (row.kind === 'edoc') await builders.edoc(p, row.document_id as number, row.business_type ?? 0, row.description, out);
  else await builders.status(p, row.inbox_id as number, row.status_code as string, row.description ?? '', out);
  const blob = p.blobs.adoptFile(out);
  const at = timestamp(p.clock);
  writeTransaction(p.db, () => {
    statement(p.db, 'INSERT OR IGNORE INTO files (sha256, size, created_at) VALUES (?, ?, ?)').run(blob.sha256, blob.size, at);
    statement(p.db, 'UPDATE hub_sends SET package_sha256 = ?, updated_at = ? WHERE id = ?').run(blob.sha256, at, row.id);
  });
  return { path: p.blobs.pathOf(blob.sha256), size: blob.size };
}

export type SendOutcome = 'done' | 'stopped';

// Gửi: every queued package in order. Each is marked 'sending' durably before the request and
// 'sent' with the hub's docId after it. When the outcome is unknown the run stops sending (the
// network is failing) and the next run reconciles it first; a refusal by the hub leaves the
// package queued with the reason for the clerk.
export async function sendPending(p: Profile, progress: SyncProgress, options: SendOptions): Promise<SendOutcome> {
  const rows = statement(p.db, "SELECT * FROM hub_sends WHERE state = 'pending' ORDER BY id").all() as SendRow[];
  progress.outgoing.total += rows.length;
  options.onProgress();
  for (const row of rows) {
    let pkg: { path: string; size: number };
    try {
      pkg = await packageOf(p, row, options.builders);
    } catch (e) {
      if (!isAppError(e)) throw e;
      backToPending(p, row, e.message);
      progress.failures.push({ what: what(p, row), reasonVi: e.messageVi, actionVi: 'Sửa theo hướng dẫn rồi đồng bộ lại.' });
      continue;
    }
    statement(p.db, "UPDATE hub_sends SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'pending'").run(timestamp(p.clock), row.id);
    try {
      const sent = await options.client.sendEdoc(pkg.path, { from: options.from, messageType: row.kind });
      markSent(p, row, sent.docId, 'sent');
      if (row.kind === 'edoc') progress.sent++;
      else progress.statusesSent++;
      progress.outgoing.done++;
      progress.outgoing.bytes += pkg.size;
      options.onProgress();
    } catch (e) {
      const outcome = isAppError(e) ? (e.data as { outcome?: string } | undefined)?.outcome : undefined;
      if (outcome === 'unknown') return 'stopped';
      backToPending(p, row, e instanceof Error ? e.message : String(e));
      if (outcome === 'not-sent' || !isAppError(e) || e.code !== 'HUB_REFUSED') throw e;
      progress.failures.push({ what: what(p, row), reasonVi: e.messageVi, actionVi: 'Trục từ chối gói tin: kiểm tra mã định danh nơi nhận, rồi đồng bộ lại.' });
    }
  }
  return 'done';
}

function what(p: Profile, row: SendRow): string {
  const { title, notation } = listedAs(p, row);
  return row.kind === 'edoc' ? `Văn bản ${notation}: ${title}` : `Trạng thái ${title} của văn bản ${notation}`;
}
