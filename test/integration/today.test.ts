import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistryContext } from '../../src/main/registry/context.ts';
import { voidDocument } from '../../src/main/registry/documents.ts';
import { updateProcessing } from '../../src/main/registry/processing.ts';
import { todayWork } from '../../src/main/registry/today/today-work.ts';
import { todaySummaryOf } from '../../src/main/services/today-handlers.ts';
import { createSyncService } from '../../src/main/sync/sync-service.ts';
import { processingInput } from '../../src/shared/api/schemas/documents.ts';
import { todaySummary } from '../../src/shared/api/schemas/today.ts';
import { addIncoming } from '../support/documents.ts';
import { issueDocument } from '../support/issued-document.ts';
import { fixedClock, newProfile, tempDir } from '../support/temp-profile.ts';
import { createTestPki } from '../support/test-pki.ts';
import { addInboxRow } from '../support/today-seed.ts';

// Hôm nay over a real profile, the clock standing on given Vietnam days. 2026-06-01 is a Monday;
// 06-04 Thursday, 06-05 Friday, 06-08 the Monday after.
const at = (day: string, time = '09:00') => `${day}T${time}:00+07:00`;

describe('today.summary on a real profile', () => {
  const clock = fixedClock(at('2026-06-01'));
  const t = newProfile(clock);
  const p = t.profile;
  const scratch = tempDir('vanthu-today-');
  // The service answers its state without a hub: its client is never asked for here.
  const sync = createSyncService({
    clientFor: () => {
      throw new Error('no hub in this test');
    },
  });
  const ids: Record<string, number> = {};
  const assign = (id: number, fields: Record<string, unknown>) => updateProcessing(p, processingInput.parse({ id, ...fields }));

  beforeAll(async () => {
    // Registered on Monday 1 June.
    ids.hoaToc = addIncoming(p, { priority: 'Hỏa tốc', subject: 'Hỏa tốc chưa trình' }).id;
    ids.khanAssigned = addIncoming(p, { priority: 'Khẩn', subject: 'Khẩn đã giao' }).id;
    assign(ids.khanAssigned, { assigneeUnit: 'Phòng Kinh tế' });
    ids.thuong = addIncoming(p, { subject: 'Thường chưa trình' }).id;
    ids.transferred = addIncoming(p, { priority: 'Thượng khẩn', subject: 'Thượng khẩn đã chuyển', transferDate: '2026-06-01' }).id;
    ids.khanVoid = addIncoming(p, { priority: 'Khẩn', subject: 'Khẩn đã hủy' }).id;
    voidDocument(p, ids.khanVoid, 'Vào sổ nhầm');
    ids.overdue = addIncoming(p, { subject: 'Hạn 03/6', dueDate: '2026-06-03' }).id;
    assign(ids.overdue, { assigneeUnit: 'Văn phòng' });
    ids.dueFriday = addIncoming(p, { subject: 'Hạn 05/6', dueDate: '2026-06-05' }).id;
    ids.dueWednesday = addIncoming(p, { subject: 'Hạn 10/6', dueDate: '2026-06-10' }).id;
    ids.dueThursday = addIncoming(p, { subject: 'Hạn 11/6', dueDate: '2026-06-11' }).id;
    ids.doneOverdue = addIncoming(p, { subject: 'Xong rồi', dueDate: '2026-06-02' }).id;
    assign(ids.doneOverdue, { status: 'done' });

    ids.inboxA = addInboxRow(p, { subject: 'Gói tin chờ tiếp nhận 1', priority: 3 });
    ids.inboxB = addInboxRow(p, { subject: 'Gói tin chờ tiếp nhận 2' });
    addInboxRow(p, { subject: 'Đã từ chối', state: 'refused' });

    // Signed by the leader on Thursday 4 June: an ordinary one, an urgent one, and one carried
    // through to distribution (two electronic recipients: one package waiting for the network).
    const pki = await createTestPki();
    clock.set(at('2026-06-04', '16:30'));
    ids.approved = (await issueDocument(p, pki, scratch.dir, { subject: 'Ký duyệt thứ Năm' }, 'approved')).id;
    ids.urgentNumbered = (await issueDocument(p, pki, scratch.dir, { subject: 'Khẩn đã cấp số', priority: 'khan' }, 'numbered')).id;
    ids.distributed = (await issueDocument(p, pki, scratch.dir, { subject: 'Đã gửi' }, 'distributed')).id;
  }, 120_000);
  afterAll(() => {
    t.cleanup();
    scratch.cleanup();
  });

  it('on Friday: inbox, urgent not presented, overdue and due within 3 working days, approved not sent, outbox', () => {
    clock.set(at('2026-06-05'));
    const s = todaySummary.parse(todaySummaryOf(p, sync, 3));
    expect(s).toMatchObject({ today: '2026-06-05', horizonDays: 3, horizonEnd: '2026-06-10' });

    expect(s.inbox.total).toBe(2);
    expect(s.inbox.rows.map((r) => [r.id, r.subject, r.priority])).toEqual([
      [ids.inboxA, 'Gói tin chờ tiếp nhận 1', 'hoa-toc'],
      [ids.inboxB, 'Gói tin chờ tiếp nhận 2', 'thuong'],
    ]);
    expect(s.inbox.newest?.id).toBe(ids.inboxB);

    // Assigned, transferred (Ngày chuyển), void and ordinary documents are not listed.
    expect(s.urgent.total).toBe(1);
    expect(s.urgent.rows.map((r) => [r.id, r.priority])).toEqual([[ids.hoaToc, 'hoa-toc']]);

    // Done and beyond-the-horizon deadlines are not listed; overdue comes first.
    expect(s.deadlines).toMatchObject({ overdue: 1, dueSoon: 2 });
    expect(s.deadlines.rows.map((r) => [r.id, r.dueDate, r.overdue, r.workingDaysLeft, r.unit])).toEqual([
      [ids.overdue, '2026-06-03', true, -2, 'Văn phòng'],
      [ids.dueFriday, '2026-06-05', false, 0, null],
      [ids.dueWednesday, '2026-06-10', false, 3, null],
    ]);

    // Art. 18.1: the ordinary one may go out until Friday, the urgent one had to go on Thursday.
    expect(s.unissued).toMatchObject({ total: 2, late: 1 });
    expect(s.unissued.rows.map((r) => [r.issuanceId, r.state, r.approvedOn, r.issueBy, r.late])).toEqual([
      [ids.urgentNumbered, 'numbered', '2026-06-04', '2026-06-04', true],
      [ids.approved, 'approved', '2026-06-04', '2026-06-05', false],
    ]);
    expect(s.unissued.rows[0]?.codeNotation).toBe('QĐ-UBND');
    expect(s.unissued.rows[1]?.documentId).toBeNull();

    expect(s.outbox).toMatchObject({ documents: 1, statuses: 0 });
    expect(s.outbox.rows.map((r) => [r.issuanceId, r.subject, r.recipients, r.state])).toEqual([[ids.distributed, 'Đã gửi', 2, 'pending']]);

    expect(s.sync).toEqual({ configured: false, running: false, lastRun: null, lastSuccessAt: null, network: null });
  });

  it('on Monday the ordinary approval is late too, and the horizon moves over the weekend', () => {
    clock.set(at('2026-06-08'));
    const s = todaySummary.parse(todaySummaryOf(p, sync, 1));
    expect(s.horizonEnd).toBe('2026-06-09');
    expect(s.unissued).toMatchObject({ total: 2, late: 2 });
    // Everything up to Tuesday is overdue or due; Wednesday's is beyond one working day.
    expect(s.deadlines).toMatchObject({ overdue: 2, dueSoon: 0 });
    expect(s.deadlines.rows.map((r) => [r.id, r.workingDaysLeft])).toEqual([
      [ids.overdue, -3],
      [ids.dueFriday, -1],
    ]);
  });

  it('with a horizon of 0 only today counts as due; a document presented leaves the urgent list', () => {
    clock.set(at('2026-06-10'));
    assign(ids.hoaToc as number, { assigneePerson: 'Nguyễn Văn Bình' });
    const s = todaySummary.parse(todaySummaryOf(p, sync, 0));
    expect(s.horizonEnd).toBe('2026-06-10');
    expect(s.urgent.total).toBe(0);
    expect(s.deadlines.rows.map((r) => [r.id, r.overdue])).toEqual([
      [ids.overdue, true],
      [ids.dueFriday, true],
      [ids.dueWednesday, false],
    ]);
  });

  it('the last sync, from the runs the profile recorded', () => {
    const summary = { outcome: 'ok', startedAt: at('2026-06-09', '17:00'), finishedAt: '2026-06-09T10:01:00.000Z', messageVi: 'Đồng bộ xong.' };
    p.db.prepare("INSERT INTO hub_sync_runs (started_at, finished_at, outcome, summary_json) VALUES (?, ?, 'ok', ?)").run(summary.startedAt, summary.finishedAt, JSON.stringify(summary));
    const s = todaySummary.parse(todaySummaryOf(p, sync, 3));
    expect(s.sync).toMatchObject({ lastRun: { outcome: 'ok', finishedAt: summary.finishedAt, messageVi: 'Đồng bộ xong.' }, lastSuccessAt: summary.finishedAt });
  });

  // Every query of the summary stands on an index: none scans a table, so the screen stays
  // instant on a register of a million rows.
  it('uses the indexes: no query scans a table', () => {
    const db = new Database(p.paths.database, { readonly: true, fileMustExist: true });
    const prepare = db.prepare.bind(db);
    const plans: Array<{ sql: string; plan: string[] }> = [];
    db.prepare = ((sql: string) => {
      const names = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map((m) => [m[1], null]));
      plans.push({ sql, plan: (prepare(`EXPLAIN QUERY PLAN ${sql}`).all(names) as Array<{ detail: string }>).map((r) => r.detail) });
      return prepare(sql);
    }) as typeof db.prepare;
    try {
      todayWork({ db, clock } as unknown as RegistryContext, 3);
    } finally {
      db.close();
    }
    expect(plans).toHaveLength(10);
    const all = plans.flatMap((q) => q.plan);
    expect(all.filter((d) => /^SCAN /.test(d))).toEqual([]);
    // The deadlines stream in due-date order from the partial index (only ties are sorted); the
    // urgent list sorts the documents not yet presented, which the count walks anyway.
    const deadlines = plans.find((q) => q.sql.includes('ORDER BY d.due_date'));
    expect(deadlines?.plan).toEqual([expect.stringMatching(/^SEARCH d USING INDEX documents_open_processing \(due_date>\? AND due_date<\?\)$/), 'USE TEMP B-TREE FOR LAST 2 TERMS OF ORDER BY']);
    expect(all).toEqual(expect.arrayContaining([expect.stringMatching(/documents_open_processing/), expect.stringMatching(/documents_incoming_processing/)]));
    expect(all).toEqual(expect.arrayContaining([expect.stringMatching(/inbox_state/), expect.stringMatching(/hub_sends_open/), expect.stringMatching(/issuances_state/)]));
  });
});
