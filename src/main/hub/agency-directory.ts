import type { AgencyDirectoryState, AgencyRefreshResult, AgencySearchResult, CachedAgency } from '../../shared/api/schemas/hub.ts';
import { foldVietnamese, normalizeText } from '../../shared/domain/fold.ts';
import { AppError } from '../../shared/errors.ts';
import { readTransaction, writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import { timestamp } from '../registry/clock.ts';
import type { RegistryContext } from '../registry/context.ts';
import type { HubClient } from './hub-client.ts';
import type { Agency, SynchronizeUnit } from './hub-payloads.ts';

// The hub's agency directory cached in the profile (`hub_agencies`), so the clerk picks
// recipients offline. A refresh replaces the whole cache in one transaction, and only once the
// hub has answered both lists: a failed or empty answer leaves yesterday's directory in place.

const STATE_KEY = 'hub_agencies';

interface Entry {
  readonly code: string;
  readonly name: string;
  readonly parentCode: string | null;
  readonly mail: string | null;
}

// getAgenciesList is the hub's current list; getSynchronizeUnit adds the units it lacks and says
// which were deleted (deleted wins: the hub refuses packages for them). `pid` is the parent's
// id, which we keep as the parent's code; some hubs put the code itself there.
export function mergeDirectory(agencies: readonly Agency[], units: readonly SynchronizeUnit[]): Entry[] {
  const codeOfId = new Map<string, string>();
  for (const a of [...agencies, ...units]) if (a.id && a.code) codeOfId.set(a.id, a.code.trim());
  const knownCodes = new Set(codeOfId.values());
  const parentOf = (pid: string | null, code: string): string | null => {
    if (!pid) return null;
    const parent = codeOfId.get(pid) ?? (knownCodes.has(pid) ? pid : null);
    return parent === code ? null : parent;
  };
  const deleted = new Set(units.filter((u) => u.deleted === true && u.code).map((u) => u.code?.trim()));
  const byCode = new Map<string, Entry>();
  const add = (a: { code: string | null; name: string | null; pid: string | null; mail: string | null }): void => {
    const code = a.code?.trim() ?? '';
    const name = normalizeText(a.name ?? '');
    if (code === '' || name === '' || deleted.has(code) || byCode.has(code)) return;
    const mail = a.mail?.trim() ?? '';
    byCode.set(code, { code, name, parentCode: parentOf(a.pid, code), mail: mail === '' ? null : mail });
  };
  agencies.forEach(add);
  // A unit that does not say it is an agency (isAgency false) only names a parent.
  units.filter((u) => u.isAgency !== false).forEach(add);
  return [...byCode.values()];
}

export function agencyDirectoryState(ctx: RegistryContext): AgencyDirectoryState {
  return readTransaction(ctx.db, () => {
    const count = statement(ctx.db, 'SELECT count(*) FROM hub_agencies').pluck().get() as number;
    const raw = statement(ctx.db, 'SELECT value FROM settings WHERE key = ?').pluck().get(STATE_KEY) as string | undefined;
    const refreshedAt = raw ? ((JSON.parse(raw) as { refreshedAt?: string }).refreshedAt ?? null) : null;
    return { count, refreshedAt };
  });
}

export async function refreshAgencyDirectory(ctx: RegistryContext, client: Pick<HubClient, 'getAgenciesList' | 'getSynchronizeUnit'>): Promise<AgencyRefreshResult> {
  const agencies = await client.getAgenciesList();
  const units = await client.getSynchronizeUnit();
  const entries = mergeDirectory(agencies, units);
  if (entries.length === 0) {
    throw new AppError('HUB_REFUSED', 'Trục liên thông trả về danh bạ cơ quan rỗng; vẫn giữ danh bạ đã có.', 'hub returned an empty agency directory; cache kept');
  }
  const refreshedAt = timestamp(ctx.clock);
  return writeTransaction(ctx.db, () => {
    const before = new Set(statement(ctx.db, 'SELECT code FROM hub_agencies').pluck().all() as string[]);
    statement(ctx.db, 'DELETE FROM hub_agencies').run();
    const insert = statement(ctx.db, 'INSERT INTO hub_agencies (code, name, name_folded, parent_code, mail, code102, updated_at) VALUES (?, ?, ?, ?, ?, NULL, ?)');
    let added = 0;
    for (const e of entries) {
      insert.run(e.code, e.name, foldVietnamese(e.name), e.parentCode, e.mail, refreshedAt);
      if (!before.delete(e.code)) added += 1;
    }
    statement(ctx.db, "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at").run(
      STATE_KEY,
      JSON.stringify({ refreshedAt, total: entries.length }),
      refreshedAt,
    );
    return { total: entries.length, added, removed: before.size, refreshedAt };
  });
}

function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// Every word of the query, diacritics and case ignored (đ = d), in the name or the code.
export function searchAgencies(ctx: RegistryContext, query: { query: string; limit: number; offset: number }): AgencySearchResult {
  const words = foldVietnamese(normalizeText(query.query)).split(' ').filter((w) => w !== '');
  const where = words.length === 0 ? '' : `WHERE ${words.map(() => "(name_folded LIKE ? ESCAPE '\\' OR lower(code) LIKE ? ESCAPE '\\')").join(' AND ')}`;
  const params = words.flatMap((w) => [likePattern(w), likePattern(w)]);
  return readTransaction(ctx.db, () => {
    const total = ctx.db.prepare(`SELECT count(*) FROM hub_agencies ${where}`).pluck().get(...params) as number;
    const rows = ctx.db
      .prepare(`SELECT code, name, parent_code AS parentCode, mail FROM hub_agencies ${where} ORDER BY name_folded, code LIMIT ? OFFSET ?`)
      .all(...params, query.limit, query.offset) as CachedAgency[];
    return { items: rows, total, refreshedAt: agencyDirectoryState(ctx).refreshedAt };
  });
}
