import { createHash } from 'node:crypto';
import type { AuditEntry, AuditVerifyResult } from '../../shared/api/schemas/audit.ts';
import type { Db } from '../db/connection.ts';
import { canonicalJson } from './canonical-json.ts';
import { statement } from '../db/statements.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEvent {
  readonly action: string;
  readonly entityType: string;
  readonly entityId?: string | number | null;
  readonly details?: unknown;
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

// Each entry's hash covers its content and the previous entry's hash, so changing, removing or
// reordering any entry breaks every hash after it. Triggers refuse UPDATE and DELETE; the chain
// catches what is done around them (editing the file with another tool). Appending happens inside
// the caller's transaction, so an action and its audit entry commit together or not at all.
export function entryHash(prevHash: string, e: Omit<AuditRow, 'hash' | 'prev_hash'>): string {
  const body = canonicalJson({
    seq: e.seq,
    at: e.at,
    actor: e.actor,
    action: e.action,
    entityType: e.entity_type,
    entityId: e.entity_id,
    details: JSON.parse(e.details) as unknown,
  });
  return createHash('sha256').update(`${prevHash}\n${body}`).digest('hex');
}

export class AuditLog {
  private readonly db: Db;
  // Who the entries are written by (the OS account); the processing history records it too.
  readonly actor: string;
  private readonly clock: () => string;

  constructor(db: Db, actor: string, clock: () => string) {
    this.db = db;
    this.actor = actor;
    this.clock = clock;
  }

  // Must run inside a write transaction.
  append(event: AuditEvent): void {
    const head = statement(this.db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
      | { seq: number; hash: string }
      | undefined;
    const row = {
      seq: (head?.seq ?? 0) + 1,
      at: this.clock(),
      actor: this.actor,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId === undefined || event.entityId === null ? null : String(event.entityId),
      details: canonicalJson(event.details ?? {}),
    };
    const prevHash = head?.hash ?? GENESIS_HASH;
    statement(
      this.db,
        `INSERT INTO audit_log (seq, at, actor, action, entity_type, entity_id, details, prev_hash, hash)
         VALUES (@seq, @at, @actor, @action, @entity_type, @entity_id, @details, @prev_hash, @hash)`,
    ).run({ ...row, prev_hash: prevHash, hash: entryHash(prevHash, row) });
  }

  list(filter: { entityType?: string; entityId?: string; beforeSeq?: number; limit: number }): AuditEntry[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM audit_log
         WHERE (@entityType IS NULL OR entity_type = @entityType)
           AND (@entityId IS NULL OR entity_id = @entityId)
           AND (@beforeSeq IS NULL OR seq < @beforeSeq)
         ORDER BY seq DESC LIMIT @limit`,
      )
      .all({
        entityType: filter.entityType ?? null,
        entityId: filter.entityId ?? null,
        beforeSeq: filter.beforeSeq ?? null,
        limit: filter.limit,
      }) as AuditRow[];
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      details: JSON.parse(r.details) as unknown,
      hash: r.hash,
    }));
  }

  // Walks the whole chain in seq order, streaming, so a million entries need no memory.
  verify(): AuditVerifyResult {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let entries = 0;
    let head: AuditRow | null = null;
    const broken = (seq: number, problem: string): AuditVerifyResult => ({
      ok: false,
      entries,
      headSeq: head?.seq ?? null,
      headHash: head?.hash ?? null,
      firstBrokenSeq: seq,
      problem,
    });
    for (const row of this.db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
      entries++;
      if (row.seq !== expectedSeq) return broken(expectedSeq, `entry ${expectedSeq} is missing (next is ${row.seq})`);
      if (row.prev_hash !== prevHash) return broken(row.seq, `entry ${row.seq} does not link to entry ${row.seq - 1}`);
      let actual: string;
      try {
        actual = entryHash(prevHash, row);
      } catch {
        return broken(row.seq, `entry ${row.seq} has unreadable details`);
      }
      if (actual !== row.hash) return broken(row.seq, `entry ${row.seq} was changed after it was written`);
      prevHash = row.hash;
      head = row;
      expectedSeq++;
    }
    return { ok: true, entries, headSeq: head?.seq ?? null, headHash: head?.hash ?? null, firstBrokenSeq: null, problem: null };
  }
}
