import Database from 'better-sqlite3';
import { parseArgs } from 'node:util';
import { profilePaths } from '../src/main/profile/profile-paths.ts';
import { systemClock, today } from '../src/main/registry/clock.ts';
import type { RegistryContext } from '../src/main/registry/context.ts';
import { findDuplicates } from '../src/main/registry/incoming.ts';
import { listDocuments } from '../src/main/registry/listing.ts';
import { listQuery } from '../src/shared/api/schemas/documents.ts';
import { allYearsQueries, listQueries, searchQueries } from './lib/query-mix.ts';

// `node bench/query-plans.ts --profile DIR`: EXPLAIN QUERY PLAN of every statement the
// benchmark's queries run, against a seeded profile (keep one with `bench:registry -- --keep`).
// Each query gets a fresh read-only connection, so none of its statements comes from the cache
// of an earlier one. "!!" marks what none of them should need: a scan of the documents table
// itself. (A temporary b-tree in the duplicate check sorts the few rows its indexes found.)
const { values } = parseArgs({ options: { profile: { type: 'string' } } });
if (!values.profile) throw new Error('usage: node bench/query-plans.ts --profile DIR');
const path = profilePaths(values.profile).database;

function explain(label: string, run: (ctx: RegistryContext) => unknown): void {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const prepare = db.prepare.bind(db);
  const lines: string[] = [];
  db.prepare = ((sql: string) => {
    const names = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1], null]));
    const plan = (prepare(`EXPLAIN QUERY PLAN ${sql}`).all(names) as Array<{ detail: string }>).map((r) => r.detail);
    const bad = plan.some((d) => /^SCAN (d|documents)$/.test(d));
    lines.push(`  ${bad ? '!!' : '  '} ${plan.join(' | ')}`);
    return prepare(sql);
  }) as typeof db.prepare;
  try {
    run({ db, clock: systemClock } as unknown as RegistryContext);
  } finally {
    db.close();
  }
  process.stdout.write(`${label}\n${lines.join('\n')}\n`);
}

const todayIso = today(systemClock);
const year = Number(todayIso.slice(0, 4));
explain('registration: duplicate check', (ctx) =>
  findDuplicates(ctx, { issuingAgency: 'UBND tỉnh Đồng Nai', codeNumber: '15', codeNotation: 'QĐ-UBND', documentIdentifier: null }),
);
for (const q of [...searchQueries(true, year), ...listQueries(year, todayIso), ...allYearsQueries(todayIso)]) {
  const { direction, limit: _limit, withTotal: _withTotal, ...rest } = q;
  explain(`${q.query ? 'search' : 'list'} ${direction} ${JSON.stringify(rest)}`, (ctx) => listDocuments(ctx, listQuery.parse(q)));
}
