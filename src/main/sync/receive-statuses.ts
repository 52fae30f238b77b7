import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, isAppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import type { StatusHeader } from '../edxml/model.ts';
import { readPackage } from '../edxml/read-package.ts';
import type { HubClient } from '../hub/hub-client.ts';
import type { Profile } from '../profile/open-profile.ts';
import { timestamp } from '../registry/clock.ts';
import { downloadPath } from './inbox-files.ts';
import type { SyncProgress } from './sync-progress.ts';

// `<organId>,<yyyy/MM/dd>,<number>/<notation>` (edxml.md): the outgoing row of ours it names.
function outgoingRowOf(p: Profile, documentId: string): number | null {
  const m = /^[^,]*,(\d{4})\/(\d{2})\/(\d{2}),([^/]+)\/(.+)$/.exec(documentId.trim());
  if (!m) return null;
  const [, y, mo, d, codeNumber, codeNotation] = m;
  const row = statement(
    p.db,
    "SELECT id FROM documents WHERE direction = 'outgoing' AND code_number = ? AND code_notation = ? AND document_date = ? AND status = 'active'",
  ).get(codeNumber, codeNotation, `${y}-${mo}-${d}`) as { id: number } | undefined;
  return row?.id ?? null;
}

interface Original {
  id: number;
  code_number: string;
  code_notation: string;
  document_date: string | null;
  subject: string;
  document_type_name: string;
}

// Status 13 (Lấy lại) is the sender asking for a document it sent us back: it becomes a recall
// request in the inbox, answered 15/16 by the clerk like a recall package (one per document).
function recordRecall(p: Profile, docId: string, packageSha: string, h: StatusHeader, original: Original, at: string): void {
  statement(
    p.db,
    `INSERT OR IGNORE INTO inbox (hub_doc_id, package_sha256, from_organ_id, from_name, edxml_document_id, business_type, code_number, code_notation,
       document_date, document_type_name, subject, header_json, verdict, related_inbox_id, received_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, 'unsigned', ?, ?, ?)`,
  ).run(
    docId,
    packageSha,
    h.from.organId,
    h.from.organName,
    h.responseFor.documentId,
    original.code_number,
    original.code_notation,
    original.document_date,
    original.document_type_name,
    original.subject,
    JSON.stringify({ status: h }),
    original.id,
    at,
    at,
  );
}

// Each status is recorded once (the hub's docId is unique) and moves the recipient's state in the
// same transaction; a status about a document we cannot find is kept all the same.
function applyStatus(p: Profile, docId: string, path: string, h: StatusHeader): void {
  const at = timestamp(p.clock);
  const original =
    h.statusCode === '13'
      ? ((statement(p.db, 'SELECT id, code_number, code_notation, document_date, subject, document_type_name FROM inbox WHERE edxml_document_id = ? AND business_type = 0').get(
          h.responseFor.documentId,
        ) as Original | undefined) ?? null)
      : null;
  const blob = original ? p.blobs.adoptFile(path) : null;
  writeTransaction(p.db, () => {
    if (original && blob) {
      statement(p.db, 'INSERT OR IGNORE INTO files (sha256, size, created_at) VALUES (?, ?, ?)').run(blob.sha256, blob.size, at);
      recordRecall(p, docId, blob.sha256, h, original, at);
    }
    const documentId = outgoingRowOf(p, h.responseFor.documentId);
    const outbox =
      documentId === null
        ? null
        : ((statement(p.db, 'SELECT id FROM outbox WHERE document_id = ? AND organ_id = ?').pluck().get(documentId, h.from.organId) as number | undefined) ?? null);
    statement(
      p.db,
      `INSERT INTO hub_statuses (hub_doc_id, outbox_id, from_organ_id, response_for_document_id, status_code, description, staff_json, reported_at, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(docId, outbox, h.from.organId, h.responseFor.documentId, h.statusCode, h.description, JSON.stringify(h.staffInfo), h.timestamp, at);
    if (outbox !== null) {
      // Statuses can arrive out of order: the one reported last by the recipient wins.
      statement(
        p.db,
        `UPDATE outbox SET receive_status = ?, receive_description = ?, receive_status_at = ?, updated_at = ?
         WHERE id = ? AND (receive_status_at IS NULL OR receive_status_at <= ?)`,
      ).run(h.statusCode, h.description, h.timestamp ?? at, at, outbox, h.timestamp ?? at);
    }
    p.audit.append({
      action: 'hub.status.receive',
      entityType: 'document',
      entityId: documentId ?? h.responseFor.documentId,
      details: { hubDocId: docId, from: h.from.organId, statusCode: h.statusCode, description: h.description, matched: outbox !== null },
    });
  });
}

// Trạng thái from recipients of our documents: list → download → read → record → ack, one by one.
export async function receiveStatuses(p: Profile, progress: SyncProgress, client: HubClient, onProgress: () => void): Promise<void> {
  const items = await client.getReceivedEdocList({ messageType: 'status' });
  progress.incoming.total += items.length;
  onProgress();
  for (const item of items) {
    if (statement(p.db, 'SELECT 1 FROM hub_statuses WHERE hub_doc_id = ?').get(item.docId)) {
      progress.duplicates++;
    } else {
      const path = downloadPath(p, 'status', item.docId);
      const got = await client.downloadEdoc(item.docId, path);
      progress.incoming.bytes += got.size - got.resumedFrom;
      const outputDir = mkdtempSync(join(p.paths.tmp, 'status-'));
      try {
        const pkg = await readPackage(path, { outputDir, maxAttachments: 0 });
        if (pkg.kind !== 'status') throw new AppError('EDXML_REFUSED', 'Gói tin là văn bản, không phải gói trạng thái.', 'document package in the status list');
        applyStatus(p, item.docId, path, pkg.header);
        progress.statusesReceived++;
      } catch (e) {
        if (!isAppError(e) || e.code !== 'EDXML_REFUSED') throw e;
        progress.failures.push({ what: `Gói trạng thái ${item.docId} từ ${item.from}`, reasonVi: e.messageVi, actionVi: 'Đã báo lỗi cho nơi gửi qua trục; không cần làm gì thêm.' });
        await client.updateStatus(item.docId, 'fail', e.message);
        progress.incoming.done++;
        onProgress();
        continue;
      } finally {
        rmSync(outputDir, { recursive: true, force: true });
        rmSync(path, { force: true });
      }
    }
    await client.updateStatus(item.docId, 'done');
    progress.incoming.done++;
    onProgress();
  }
}
