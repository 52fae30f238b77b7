import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listQuery, type ListQuery } from '../../src/shared/api/schemas/documents.ts';
import type { RegistryContext } from '../../src/main/registry/context.ts';
import { findDuplicates } from '../../src/main/registry/incoming.ts';
import { listDocuments } from '../../src/main/registry/listing.ts';
import { listProcessing } from '../../src/main/registry/processing.ts';
import { addIncoming, addOutgoing } from '../support/documents.ts';
import { fixedClock, newProfile } from '../support/temp-profile.ts';

// The speed at a million rows rests on every hot query using an index. A plan that scans the
// documents table (the duplicate check once did, a second per registration) fails here, on a
// small database, long before anyone runs the benchmark.
describe('query plans of the hot paths', () => {
  const clock = fixedClock('2026-06-01T02:00:00Z');
  const t = newProfile(clock);
  let path = '';

  beforeAll(() => {
    for (let i = 0; i < 30; i++) {
      addIncoming(t.profile, { priority: i % 5 === 0 ? 'Khẩn' : 'Thường' });
      if (i % 3 === 0) addOutgoing(t.profile);
    }
    path = t.profile.paths.database;
  });
  afterAll(() => t.cleanup());

  // Runs fn on a fresh connection whose prepare() records the plan of every statement.
  function plans(fn: (ctx: RegistryContext) => unknown): string[][] {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    const prepare = db.prepare.bind(db);
    const recorded: string[][] = [];
    db.prepare = ((sql: string) => {
      const names = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1], null]));
      recorded.push((prepare(`EXPLAIN QUERY PLAN ${sql}`).all(names) as Array<{ detail: string }>).map((r) => r.detail));
      return prepare(sql);
    }) as typeof db.prepare;
    try {
      fn({ db, clock } as unknown as RegistryContext);
    } finally {
      db.close();
    }
    return recorded;
  }

  const scansDocuments = (plan: string[]) => plan.some((d) => /^SCAN (d|documents)\b(?! USING)/.test(d));

  it('recognises a full scan when it sees one', () => {
    const [plan] = plans((ctx) => ctx.db.prepare("SELECT id FROM documents d WHERE d.subject = 'x'").all());
    expect(scansDocuments(plan ?? [])).toBe(true);
  });

  it('the duplicate check of every registration uses its indexes', () => {
    const recorded = plans((ctx) => findDuplicates(ctx, { issuingAgency: 'UBND tỉnh A', codeNumber: '1', codeNotation: 'QĐ-UBND', documentIdentifier: 'x' }));
    // One query: by number-notation-agency or by document identifier.
    expect(recorded).toHaveLength(1);
    for (const plan of recorded) expect(scansDocuments(plan), plan.join(' | ')).toBe(false);
  });

  const lists: ListQuery[] = [
    { direction: 'incoming', year: 2026 },
    { direction: 'outgoing', year: 2026, order: 'asc' },
    { direction: 'incoming', year: 2026, documentType: 'Quyết định' },
    { direction: 'incoming', year: 2026, urgentOnly: true },
    { direction: 'incoming', year: 2026, from: '2026-03-01', to: '2026-04-30' },
    { direction: 'incoming', year: 2026, processingStatus: 'pending' },
    { direction: 'incoming', year: 2026, sort: 'documentDate' },
    { direction: 'incoming', query: 'dong nai' },
    { direction: 'outgoing', query: 'thanh lap', year: 2026 },
  ];

  it.each(lists)('a register page and its total use an index: %j', (q) => {
    const recorded = plans((ctx) => listDocuments(ctx, listQuery.parse(q)));
    // Two queries: the page and its total.
    expect(recorded).toHaveLength(2);
    for (const plan of recorded) expect(scansDocuments(plan), plan.join(' | ')).toBe(false);
  });

  it('the processing list uses an index', () => {
    const recorded = plans((ctx) => listProcessing(ctx, { filter: 'open', offset: 0, limit: 50 }));
    // The page and its total.
    expect(recorded).toHaveLength(2);
    for (const plan of recorded) expect(scansDocuments(plan), plan.join(' | ')).toBe(false);
  });
});
