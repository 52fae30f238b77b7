import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AppError, isAppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import { readPackage, type ReadPackageResult } from '../edxml/read-package.ts';
import type { HubClient } from '../hub/hub-client.ts';
import type { Profile } from '../profile/open-profile.ts';
import { timestamp } from '../registry/clock.ts';
import { type CheckedAttachment, checkAttachments, downloadPath, packageVerdict } from './inbox-files.ts';
import { queueStatusSend } from '../outbox/send-queue.ts';
import type { SyncProgress } from './sync-progress.ts';

export interface ReceiveOptions {
  readonly client: HubClient;
  readonly resourcesDir?: string;
  readonly onProgress: () => void;
}

type DocumentPackage = Extract<ReadPackageResult, { kind: 'document' }>;

const ARRIVED = '01';

function known(p: Profile, docId: string): 'inbox' | 'reject' | null {
  if (statement(p.db, 'SELECT 1 FROM inbox WHERE hub_doc_id = ?').get(docId)) return 'inbox';
  if (statement(p.db, 'SELECT 1 FROM hub_rejects WHERE hub_doc_id = ?').get(docId)) return 'reject';
  return null;
}

function sameDocument(p: Profile, pkg: DocumentPackage): boolean {
  const type = pkg.trace.business?.businessDocType ?? 0;
  return statement(p.db, 'SELECT 1 FROM inbox WHERE edxml_document_id = ? AND business_type = ?').get(pkg.header.documentId, type) !== undefined;
}

// A package that cannot be read is kept for the clerk with the reason, and acknowledged 'fail'
// so that the hub tells its sender.
function reject(p: Profile, docId: string, path: string, reason: string): void {
  const blob = p.blobs.adoptFile(path);
  const at = timestamp(p.clock);
  writeTransaction(p.db, () => {
    statement(p.db, 'INSERT OR IGNORE INTO files (sha256, size, created_at) VALUES (?, ?, ?)').run(blob.sha256, blob.size, at);
    statement(p.db, "INSERT OR IGNORE INTO hub_rejects (hub_doc_id, message_type, reason, package_sha256, received_at) VALUES (?, 'edoc', ?, ?, ?)").run(
      docId,
      reason,
      blob.sha256,
      at,
    );
    p.audit.append({ action: 'inbox.reject', entityType: 'hub', entityId: docId, details: { reason, sha256: blob.sha256 } });
  });
}

// The package, its files and the "arrived" status for its sender, in one transaction after every
// file is durable in the store: a crash before the commit leaves nothing recorded (the hub still
// lists the package, it comes again), after it the package is recorded once.
function record(p: Profile, docId: string, packagePath: string, pkg: DocumentPackage, files: readonly CheckedAttachment[]): number {
  const stored = files.map((f) => ({ ...f, blob: p.blobs.adoptFile(f.attachment.storedPath) }));
  const packageBlob = p.blobs.adoptFile(packagePath);
  const at = timestamp(p.clock);
  const business = pkg.trace.business;
  const type = business?.businessDocType ?? 0;
  return writeTransaction(p.db, () => {
    const file = statement(p.db, 'INSERT OR IGNORE INTO files (sha256, size, created_at) VALUES (?, ?, ?)');
    file.run(packageBlob.sha256, packageBlob.size, at);
    for (const f of stored) file.run(f.blob.sha256, f.blob.size, at);
    const related =
      type === 0
        ? null
        : ((statement(p.db, 'SELECT id FROM inbox WHERE edxml_document_id = ? AND business_type = 0').pluck().get(business?.documentId ?? pkg.header.documentId) as
            | number
            | undefined) ?? null);
    const h = pkg.header;
    const info = statement(
      p.db,
      `INSERT INTO inbox (hub_doc_id, package_sha256, from_organ_id, from_name, edxml_document_id, business_type, code_number, code_notation,
         document_date, document_type_name, subject, priority, header_json, verdict, related_inbox_id, received_at, updated_at)
       VALUES (@docId, @sha, @from, @fromName, @documentId, @type, @codeNumber, @codeNotation, @date, @typeName, @subject, @priority, @header,
         @verdict, @related, @at, @at)`,
    ).run({
      docId,
      sha: packageBlob.sha256,
      from: h.from.organId,
      fromName: h.from.organName,
      documentId: h.documentId,
      type,
      codeNumber: h.code.codeNumber,
      codeNotation: h.code.codeNotation,
      date: h.promulgation.date,
      typeName: h.documentType.typeName,
      subject: h.subject,
      priority: h.otherInfo.priority,
      header: JSON.stringify({ header: h, trace: pkg.trace, manifest: pkg.manifest }),
      verdict: packageVerdict(files),
      related,
      at,
    });
    const inboxId = Number(info.lastInsertRowid);
    const addFile = statement(
      p.db,
      'INSERT INTO inbox_files (inbox_id, position, sha256, name, content_type, verdict, report_json) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    stored.forEach((f, i) =>
      addFile.run(inboxId, i, f.blob.sha256, f.attachment.name, f.attachment.declaredTypes[0] ?? '', f.verdict, f.report ? JSON.stringify(f.report) : null),
    );
    // A recall, update or replacement is answered 15/16 by the clerk; an "arrived" for it would
    // read at the sender as the document's own state going back to 01.
    if (type === 0) queueStatusSend(p, inboxId, ARRIVED, 'Văn bản đã đến hệ thống của cơ quan nhận.', at);
    p.audit.append({
      action: 'inbox.receive',
      entityType: 'inbox',
      entityId: inboxId,
      details: { hubDocId: docId, from: h.from.organId, documentId: h.documentId, businessType: type, verdict: packageVerdict(files) },
    });
    return inboxId;
  });
}

function reasonOf(e: unknown): string {
  return isAppError(e) ? e.messageVi : String(e);
}

// Nhận văn bản: list → download (resumable) → read and verify → durable store and record → ack.
// Each package is finished (acknowledged) before the next starts, so a crash costs at most one
// download; a package seen before (by the hub's docId, or by DocumentId and operation) is only
// acknowledged again.
export async function receiveDocuments(p: Profile, progress: SyncProgress, options: ReceiveOptions): Promise<void> {
  const { client } = options;
  const items = await client.getReceivedEdocList({ messageType: 'edoc' });
  progress.incoming.total += items.length;
  options.onProgress();
  for (const item of items) {
    const seen = known(p, item.docId);
    if (seen) {
      if (seen === 'inbox') progress.duplicates++;
      await client.updateStatus(item.docId, seen === 'inbox' ? 'done' : 'fail', seen === 'reject' ? 'Goi tin khong doc duoc' : undefined);
      progress.incoming.done++;
      options.onProgress();
      continue;
    }
    const path = downloadPath(p, 'edoc', item.docId);
    const got = await client.downloadEdoc(item.docId, path, {
      onProgress: () => options.onProgress(),
    });
    progress.incoming.bytes += got.size - got.resumedFrom;
    const outputDir = mkdtempSync(join(p.paths.tmp, 'inbox-'));
    try {
      let pkg: ReadPackageResult;
      try {
        pkg = await readPackage(path, { outputDir });
        if (pkg.kind !== 'document') throw new AppError('EDXML_REFUSED', 'Gói tin là gói trạng thái, không phải văn bản.', 'status package in the edoc list');
      } catch (e) {
        if (!isAppError(e) || e.code !== 'EDXML_REFUSED') throw e;
        reject(p, item.docId, path, reasonOf(e));
        await client.updateStatus(item.docId, 'fail', e.message);
        progress.failures.push({ what: `Gói tin ${item.docId} từ ${item.from}`, reasonVi: reasonOf(e), actionVi: 'Đã báo lỗi cho nơi gửi qua trục; không cần làm gì thêm.' });
        progress.incoming.done++;
        options.onProgress();
        continue;
      }
      if (sameDocument(p, pkg)) {
        progress.duplicates++;
      } else {
        const files = await checkAttachments(p, pkg.attachments, options.resourcesDir);
        record(p, item.docId, path, pkg, files);
        progress.received++;
      }
      await client.updateStatus(item.docId, 'done');
      progress.incoming.done++;
      options.onProgress();
    } finally {
      rmSync(outputDir, { recursive: true, force: true });
      rmSync(path, { force: true });
    }
  }
}
