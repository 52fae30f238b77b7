import { createHash } from 'node:crypto';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { timestamp } from '../../src/main/registry/clock.ts';

let delivered = 0;

// A package as the sync's receive step records it (receive-documents.ts), without the edXML
// file: what Hôm nay reads of the inbox is the row. `state` other than 'received' only as
// 'refused' (an accepted row needs its register row).
export function addInboxRow(p: Profile, fields: { subject: string; priority?: number; state?: 'received' | 'refused'; fromName?: string }): number {
  delivered++;
  const sha = createHash('sha256').update(`package ${delivered} ${fields.subject}`).digest('hex');
  const at = timestamp(p.clock);
  p.db.prepare('INSERT OR IGNORE INTO files (sha256, size, created_at) VALUES (?, 0, ?)').run(sha, at);
  const state = fields.state ?? 'received';
  const info = p.db
    .prepare(
      `INSERT INTO inbox (hub_doc_id, package_sha256, from_organ_id, from_name, edxml_document_id, business_type, code_number, code_notation,
         document_type_name, subject, priority, header_json, verdict, state, refuse_reason, received_at, updated_at)
       VALUES (?, ?, '000.00.12.H17', ?, ?, 0, ?, 'UBND-VP', 'Công văn', ?, ?, '{}', 'valid', ?, ?, ?, ?)`,
    )
    .run(
      `hub-${delivered}-${sha.slice(0, 8)}`,
      sha,
      fields.fromName ?? 'Sở Nội vụ thành phố Đà Nẵng',
      `000.00.12.H17,2026/06/01,${delivered}/UBND-VP-${sha.slice(0, 6)}`,
      String(delivered),
      fields.subject,
      fields.priority ?? 0,
      state,
      state === 'refused' ? 'Gửi nhầm nơi nhận' : null,
      at,
      at,
    );
  return Number(info.lastInsertRowid);
}
