import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/main/db/migrate.ts';
import { MIGRATIONS } from '../../../src/main/db/migrations/index.ts';
import type { RegistryContext } from '../../../src/main/registry/context.ts';
import { recordDocumentUse } from '../../../src/main/reports/document-use.ts';
import { viewsReport } from '../../../src/main/reports/views-report.ts';
import { addIncoming } from '../../support/documents.ts';
import { fixedClock, newProfile, tempDatabase } from '../../support/temp-profile.ts';

describe('migration 0013-document-use-index', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('indexes the views and downloads of documents alone, by time, and keeps the log as it was', () => {
    const { db, cleanup: done } = tempDatabase();
    cleanup = done;
    migrate(db, MIGRATIONS.slice(0, 12));
    const entry = db.prepare("INSERT INTO audit_log (at, actor, action, entity_type, entity_id, details, prev_hash, hash) VALUES (?, 'clerk', ?, ?, ?, '{}', 'p', 'h')");
    entry.run('2026-03-01T02:00:00.000Z', 'incoming.register', 'document', '1');
    entry.run('2026-03-02T02:00:00.000Z', 'document.view', 'document', '1');
    entry.run('2026-03-03T02:00:00.000Z', 'document.readFile', 'document', '1');
    entry.run('2026-03-04T02:00:00.000Z', 'caseFile.addDocument', 'caseFile', '7');
    const before = db.prepare('SELECT * FROM audit_log ORDER BY seq').all();
    migrate(db, MIGRATIONS.slice(0, 13));
    expect(schemaVersion(db)).toBe(13);
    expect(db.prepare('SELECT * FROM audit_log ORDER BY seq').all()).toEqual(before);
    const indexed = db
      .prepare("SELECT action FROM audit_log INDEXED BY audit_log_document_use WHERE entity_type = 'document' AND action IN ('document.view', 'document.readFile') AND at >= '2026-03-01' ORDER BY at")
      .pluck()
      .all();
    expect(indexed).toEqual(['document.view', 'document.readFile']);
  });

  it("is what the views report reads its period from, never the whole document's log", () => {
    const clock = fixedClock('2026-03-10T02:00:00Z');
    const t = newProfile(clock);
    cleanup = t.cleanup;
    const a = addIncoming(t.profile).id;
    const b = addIncoming(t.profile).id;
    recordDocumentUse(t.profile, a, 'view');
    recordDocumentUse(t.profile, b, 'view');
    recordDocumentUse(t.profile, b, 'readFile', { sha256: 'f'.repeat(64), name: 'den.pdf' });
    const report = viewsReport(t.profile, { from: '2026-03-01', to: '2026-03-10', limit: 100 });
    expect(report.totals).toEqual({ documents: 2, views: 2, downloads: 1 });

    // The report's statements, each planned on a fresh connection as it runs them.
    const db = new Database(t.profile.paths.database, { readonly: true, fileMustExist: true });
    const prepare = db.prepare.bind(db);
    const plans: string[] = [];
    db.prepare = ((sql: string) => {
      if (/FROM audit_log/.test(sql)) {
        const names = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1], null]));
        plans.push((prepare(`EXPLAIN QUERY PLAN ${sql}`).all(names) as Array<{ detail: string }>).map((r) => r.detail).join(' | '));
      }
      return prepare(sql);
    }) as typeof db.prepare;
    try {
      viewsReport({ ...t.profile, db } as unknown as RegistryContext, { from: '2026-03-01', to: '2026-03-10', limit: 100 });
    } finally {
      db.close();
    }
    expect(plans).toHaveLength(2);
    for (const plan of plans) expect(plan).toMatch(/SEARCH a USING (COVERING )?INDEX audit_log_document_use \(entity_type=\? AND at>\? AND at<\?\)/);
  });
});
