import { type todayInboxItem, TODAY_ROWS } from '../../../shared/api/schemas/today.ts';
import { BUSINESS_KINDS } from '../../../shared/api/schemas/sync.ts';
import { PRIORITIES } from '../../../shared/domain/priority.ts';
import type { z } from 'zod';
import { statement } from '../../db/statements.ts';
import type { RegistryContext } from '../context.ts';

type Item = z.infer<typeof todayInboxItem>;

// What the hub delivered and the clerk has not accepted, refused or answered yet (inbox state
// 'received'), oldest first: the clerk must tell the sender the same day (Art. 21.2.c). Served
// by inbox_state (state, id).
const COLUMNS = `id, business_type AS businessType, from_name AS fromName, from_organ_id AS fromOrganId, code_number AS codeNumber,
  code_notation AS codeNotation, subject, priority, received_at AS receivedAt`;

type Row = Omit<Item, 'businessType' | 'priority'> & { businessType: number; priority: number };

const item = (r: Row): Item => ({ ...r, businessType: BUSINESS_KINDS[r.businessType] ?? 'new', priority: PRIORITIES[r.priority] ?? 'thuong' });

export function inboxWaiting(ctx: RegistryContext): { total: number; rows: Item[]; newest: Item | null } {
  const total = statement(ctx.db, "SELECT count(*) FROM inbox WHERE state = 'received'").pluck().get() as number;
  const rows = statement(ctx.db, `SELECT ${COLUMNS} FROM inbox WHERE state = 'received' ORDER BY id LIMIT ${TODAY_ROWS}`).all() as Row[];
  const newest = statement(ctx.db, `SELECT ${COLUMNS} FROM inbox WHERE state = 'received' ORDER BY id DESC LIMIT 1`).get() as Row | undefined;
  return { total, rows: rows.map(item), newest: newest ? item(newest) : null };
}
