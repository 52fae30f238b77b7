import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, useWal, writeTransaction, type Db } from '../main/db/connection.ts';
import {
  type AgencyRow,
  DELIVERY_SELECT,
  type DeliveryRecord,
  type DeliveryRow,
  type MessageType,
  type NewPackage,
  type PackageRecord,
  type PackageRow,
  type QueueQuery,
  type RegisteredAgency,
  toAgency,
  toDelivery,
  toPackage,
} from './store-records.ts';

// The hub's durable state: one row per package received, one delivery row per recipient (its
// own receiver docId and ack state), and the agencies registered through the API. Package bodies
// are files under packages/, written durably before their row is committed.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS packages (
  doc_id TEXT PRIMARY KEY,
  message_type TEXT NOT NULL,
  service_type TEXT NOT NULL,
  from_code TEXT NOT NULL,
  system_id TEXT NOT NULL,
  file_name TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  title TEXT NOT NULL,
  notation TEXT NOT NULL,
  trace_offset INTEGER,
  trace_prefix TEXT,
  trace_wrap_list INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS deliveries (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  receiver_doc_id TEXT NOT NULL UNIQUE,
  doc_id TEXT NOT NULL REFERENCES packages(doc_id),
  to_code TEXT NOT NULL,
  status TEXT NOT NULL,
  status_desc TEXT NOT NULL DEFAULT '',
  pending INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  first_download_at INTEGER,
  download_count INTEGER NOT NULL DEFAULT 0,
  ack_count INTEGER NOT NULL DEFAULT 0,
  redelivered_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS deliveries_queue ON deliveries(to_code, pending, seq);
CREATE INDEX IF NOT EXISTS deliveries_doc ON deliveries(doc_id);
CREATE TABLE IF NOT EXISTS registered_agencies (
  code TEXT PRIMARY KEY,
  id TEXT NOT NULL,
  pcode TEXT NOT NULL DEFAULT '',
  name TEXT NOT NULL,
  mail TEXT NOT NULL DEFAULT '',
  mobile TEXT NOT NULL DEFAULT '',
  fax TEXT NOT NULL DEFAULT '',
  system_id TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  modified_at INTEGER NOT NULL
);
`;

export type { DeliveryRecord, DeliveryStatus, MessageType, NewPackage, PackageRecord, QueueQuery, RegisteredAgency, TraceInsertion } from './store-records.ts';

function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(',');
}

export class HubStore {
  readonly dataDir: string;
  readonly packagesDir: string;
  readonly tempDir: string;
  private readonly db: Db;

  constructor(dataDir: string) {
    this.dataDir = dataDir;
    this.packagesDir = join(dataDir, 'packages');
    this.tempDir = join(dataDir, 'tmp');
    mkdirSync(this.packagesDir, { recursive: true });
    mkdirSync(this.tempDir, { recursive: true });
    this.db = openDatabase(join(dataDir, 'hub.sqlite'));
    useWal(this.db);
    this.db.exec(SCHEMA);
  }

  close(): void {
    this.db.close();
  }

  packagePath(fileName: string): string {
    return join(this.packagesDir, fileName);
  }

  // One transaction: the package and all its deliveries appear together or not at all.
  addPackage(p: NewPackage, now: number): void {
    writeTransaction(this.db, () => {
      this.db
        .prepare(
          `INSERT INTO packages (doc_id, message_type, service_type, from_code, system_id, file_name, size, sha256, title, notation,
           trace_offset, trace_prefix, trace_wrap_list, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
        )
        .run(
          p.docId,
          p.messageType,
          p.serviceType,
          p.fromCode,
          p.systemId,
          p.fileName,
          p.size,
          p.sha256,
          p.title,
          p.notation,
          p.trace?.offset ?? null,
          p.trace?.prefix ?? null,
          p.trace?.wrapList === true ? 1 : 0,
          now,
        );
      const insert = this.db.prepare(
        `INSERT INTO deliveries (receiver_doc_id, doc_id, to_code, status, pending, created_at, updated_at) VALUES (?,?,?,'initial',1,?,?)`,
      );
      p.recipients.forEach((to, i) => insert.run(p.receiverDocIds[i], p.docId, to, now, now));
    });
  }

  package(docId: string): PackageRecord | undefined {
    const row = this.db.prepare('SELECT * FROM packages WHERE doc_id = ?').get(docId) as PackageRow | undefined;
    return row ? toPackage(row) : undefined;
  }

  packages(): PackageRecord[] {
    return (this.db.prepare('SELECT * FROM packages ORDER BY created_at, doc_id').all() as PackageRow[]).map(toPackage);
  }

  delivery(receiverDocId: string): DeliveryRecord | undefined {
    const row = this.db.prepare(`${DELIVERY_SELECT} WHERE d.receiver_doc_id = ?`).get(receiverDocId) as DeliveryRow | undefined;
    return row ? toDelivery(row) : undefined;
  }

  // Records for tests and the demo: every delivery (or those of one recipient), acked or not.
  deliveries(toCode?: string): DeliveryRecord[] {
    const rows =
      toCode === undefined
        ? this.db.prepare(`${DELIVERY_SELECT} ORDER BY d.seq`).all()
        : this.db.prepare(`${DELIVERY_SELECT} WHERE d.to_code = ? ORDER BY d.seq`).all(toCode);
    return (rows as DeliveryRow[]).map(toDelivery);
  }

  pendingQueue(q: QueueQuery): DeliveryRecord[] {
    if (q.toCodes.length === 0) return [];
    const args: unknown[] = [...q.toCodes];
    let sql = `${DELIVERY_SELECT} WHERE d.pending = 1 AND d.to_code IN (${placeholders(q.toCodes.length)})`;
    if (q.messageType) {
      sql += ' AND p.message_type = ?';
      args.push(q.messageType);
    }
    if (q.status) {
      sql += ' AND d.status = ?';
      args.push(q.status);
    }
    sql += ' ORDER BY d.seq LIMIT ? OFFSET ?';
    args.push(q.limit ?? -1, q.offset ?? 0);
    return (this.db.prepare(sql).all(...args) as DeliveryRow[]).map(toDelivery);
  }

  countPending(toCodes: readonly string[], messageType: MessageType): number {
    if (toCodes.length === 0) return 0;
    const row = this.db
      .prepare(
        `SELECT count(*) AS n FROM deliveries d JOIN packages p ON p.doc_id = d.doc_id
         WHERE d.pending = 1 AND p.message_type = ? AND d.to_code IN (${placeholders(toCodes.length)})`,
      )
      .get(messageType, ...toCodes) as { n: number };
    return row.n;
  }

  sentBy(fromCodes: readonly string[], filter: { messageType?: MessageType; docId?: string }): DeliveryRecord[] {
    if (fromCodes.length === 0) return [];
    const args: unknown[] = [...fromCodes];
    let sql = `${DELIVERY_SELECT} WHERE p.from_code IN (${placeholders(fromCodes.length)})`;
    if (filter.messageType) {
      sql += ' AND p.message_type = ?';
      args.push(filter.messageType);
    }
    if (filter.docId) {
      sql += ' AND d.doc_id = ?';
      args.push(filter.docId);
    }
    return (this.db.prepare(`${sql} ORDER BY d.seq`).all(...args) as DeliveryRow[]).map(toDelivery);
  }

  recordDownload(receiverDocId: string, now: number): void {
    this.db
      .prepare(
        `UPDATE deliveries SET download_count = download_count + 1, first_download_at = coalesce(first_download_at, ?) WHERE receiver_doc_id = ?`,
      )
      .run(now, receiverDocId);
  }

  // done and fail take the item off the recipient's list; processing keeps it there.
  updateStatus(receiverDocId: string, status: 'done' | 'fail' | 'processing', description: string, now: number): void {
    const ack = status === 'processing' ? 0 : 1;
    this.db
      .prepare(
        `UPDATE deliveries SET status = ?, status_desc = ?, pending = ?, ack_count = ack_count + ?, updated_at = ? WHERE receiver_doc_id = ?`,
      )
      .run(status, description, ack === 1 ? 0 : 1, ack, now, receiverDocId);
  }

  // Puts an acknowledged delivery back in its recipient's list, as a hub does when an ack is lost.
  redeliver(receiverDocId: string, now: number = Date.now()): boolean {
    const r = this.db
      .prepare(
        `UPDATE deliveries SET status = 'initial', pending = 1, redelivered_count = redelivered_count + 1, updated_at = ?
         WHERE receiver_doc_id = ? AND pending = 0`,
      )
      .run(now, receiverDocId);
    return r.changes === 1;
  }

  registeredAgencies(): RegisteredAgency[] {
    return (this.db.prepare('SELECT * FROM registered_agencies ORDER BY code').all() as AgencyRow[]).map(toAgency);
  }

  registerAgency(a: Omit<RegisteredAgency, 'deleted' | 'modifiedAt'>, now: number): void {
    this.db
      .prepare(
        `INSERT INTO registered_agencies (code, id, pcode, name, mail, mobile, fax, system_id, deleted, modified_at)
         VALUES (?,?,?,?,?,?,?,?,0,?)
         ON CONFLICT(code) DO UPDATE SET id = excluded.id, pcode = excluded.pcode, name = excluded.name, mail = excluded.mail,
           mobile = excluded.mobile, fax = excluded.fax, system_id = excluded.system_id, deleted = 0, modified_at = excluded.modified_at`,
      )
      .run(a.code, a.id, a.pcode, a.name, a.mail, a.mobile, a.fax, a.systemId, now);
  }

  markAgencyDeleted(code: string, now: number): void {
    this.db.prepare('UPDATE registered_agencies SET deleted = 1, modified_at = ? WHERE code = ?').run(now, code);
  }

  referencedFiles(): Set<string> {
    return new Set((this.db.prepare('SELECT file_name FROM packages').all() as { file_name: string }[]).map((r) => r.file_name));
  }
}
