import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import readExcelFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBridgeServices } from '../../src/dev/bridge-server.ts';
import { initProfile } from '../../src/main/profile/init-profile.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import type { Services } from '../../src/main/services/create-services.ts';
import type { InputOf, OperationName, OutputOf } from '../../src/shared/api/contract.ts';
import type { Envelope } from '../../src/shared/api/envelope.ts';
import { agencyProfileInput } from '../../src/shared/api/schemas/profile.ts';
import type { IncomingReport, OutgoingReport, ReportPeriod } from '../../src/shared/api/schemas/reports.ts';
import { REPORT_PERIOD, REPORT_TODAY, type ReportSeedIds, seedReports } from '../support/report-seed.ts';
import { fixedClock, SAMPLE_AGENCY, tempDir } from '../support/temp-profile.ts';
import { createTestPki } from '../support/test-pki.ts';

// The reports of Appendix VI (V.2, V.4, III.6.a) on a real profile seeded through the registry's
// own functions, each number checked against SQL written here on the tables themselves (the
// issue's "Done when"), never against the reports' code; the exports read back with pdftotext
// and read-excel-file. Everything goes through the dispatcher the app and the bridge use.

const [VP, KT] = SAMPLE_AGENCY.units as [{ name: string; abbreviation: string }, { name: string; abbreviation: string }];
const INCOMING_STATES = ['doneOnTime', 'doneLate', 'openInTime', 'openOverdue'] as const;
const OUTGOING_STATES = ['onTime', 'late', 'waitingInTime', 'waitingLate', 'notTracked'] as const;

type Counts = Record<string, number>;
type Lines = Record<string, Counts>;

// Lines of a breakdown as key (or label) → {total, state: n …}.
function linesOf(lines: ReadonlyArray<{ key: string; label: string; total: number }>, by: 'key' | 'label', states: readonly string[]): Lines {
  return Object.fromEntries(lines.map((l) => [l[by], Object.fromEntries([['total', l.total], ...states.map((s) => [s, (l as unknown as Counts)[s]])])]));
}

// The same from SQL rows {group, state, n}.
function fold(rows: ReadonlyArray<{ group: string; state: string; n: number }>, states: readonly string[]): Lines {
  const out: Lines = {};
  for (const r of rows) {
    const line = (out[r.group] ??= Object.fromEntries([['total', 0], ...states.map((s) => [s, 0])]));
    line[r.state] = (line[r.state] ?? 0) + r.n;
    line.total = (line.total ?? 0) + r.n;
  }
  return out;
}

function sumStates(rows: ReadonlyArray<{ state: string; n: number }>, states: readonly string[]): Counts {
  return fold(rows.map((r) => ({ ...r, group: 'all' })), states).all ?? Object.fromEntries([['total', 0], ...states.map((s) => [s, 0])]);
}

describe('reports against the registers', () => {
  const t = tempDir('vanthu-reports-');
  const profileDir = join(t.dir, 'profile');
  const clock = fixedClock('2025-12-30T02:00:00Z');
  let services: Services;
  let p: Profile;
  let ids: ReportSeedIds;
  const call = async <K extends OperationName>(name: K, input: InputOf<K>): Promise<OutputOf<K>> => {
    const e = (await services.dispatch(name, input)) as Envelope<OutputOf<K>>;
    if (!e.ok) throw new Error(`${name}: ${e.error.code} ${e.error.message}`);
    return e.value;
  };
  const all = <T,>(sql: string, params: Record<string, unknown> = {}): T[] => p.db.prepare(sql).all(params) as T[];
  const one = (sql: string, params: Record<string, unknown> = {}): number => p.db.prepare(sql).pluck().get(params) as number;

  // Uses of documents through the dispatcher, as the screen makes them (documents.get,
  // documents.readAttachment), at chosen instants: around the period's edges in Vietnam time,
  // and repeated within and after the ten minutes in which one person's use is recorded once.
  async function use(iso: string, documentId: number, what: 'view' | 'download'): Promise<void> {
    clock.set(iso);
    if (what === 'view') {
      await call('documents.get', { id: documentId });
      return;
    }
    const sha256 = p.db.prepare('SELECT sha256 FROM document_files WHERE document_id = ? ORDER BY id LIMIT 1').pluck().get(documentId) as string;
    await call('documents.readAttachment', { documentId, sha256 });
  }

  const outgoingId = (): number => one("SELECT id FROM documents WHERE subject = 'Công văn đôn đốc thu thuế'");

  beforeAll(async () => {
    initProfile(profileDir, agencyProfileInput.parse(SAMPLE_AGENCY), { clock, actor: 'test' }).close();
    services = createBridgeServices({ profileDir, clock });
    p = services.session.current();
    ids = await seedReports(p, clock.set, await createTestPki(), t.dir);
    // 28/02 23:59:59 and 16/03 00:00:00 in Vietnam are outside the period; 01/03 00:00:00 and
    // 15/03 23:59:59 inside.
    await use('2026-02-28T16:59:59Z', ids.lastYear, 'view');
    await use('2026-02-28T17:00:00Z', ids.firstDay, 'view');
    await use('2026-03-05T02:00:00Z', ids.copied, 'view');
    await use('2026-03-05T02:05:00Z', ids.copied, 'view');
    await use('2026-03-05T02:20:00Z', ids.copied, 'view');
    await use('2026-03-05T02:21:00Z', ids.copied, 'download');
    await use('2026-03-05T02:22:00Z', ids.copied, 'download');
    await use('2026-03-10T03:00:00Z', ids.firstDay, 'download');
    await use('2026-03-11T03:00:00Z', outgoingId(), 'view');
    await use('2026-03-12T03:00:00Z', ids.hubIncoming, 'view');
    await use('2026-03-15T16:59:59Z', ids.lastDay, 'view');
    await use('2026-03-15T17:00:00Z', ids.hubIncoming, 'view');
    clock.set(`${REPORT_TODAY}T02:00:00Z`);
  }, 240_000);
  afterAll(async () => {
    await services.close();
    t.cleanup();
  });

  const PERIODS: readonly ReportPeriod[] = [
    REPORT_PERIOD,
    { from: '2026-03-16', to: '2026-03-20' },
    { from: '2025-12-01', to: '2026-03-31' },
    { from: '2026-03-01', to: '2026-03-01' },
    { from: '2026-03-15', to: '2026-03-15' },
    { from: '2026-02-28', to: '2026-02-28' },
  ];

  // --- Incoming: the independent SQL --------------------------------------------------------
  // The day a document was done: among the history entries no later entry corrects, the start
  // of its last stretch of 'done' entries (window functions over the whole table, unlike the
  // report's per-document lookups).
  const INCOMING_SQL = `
    WITH live AS (
      SELECT * FROM processing_entries WHERE id NOT IN (SELECT corrects_id FROM processing_entries WHERE corrects_id IS NOT NULL)
    ), marked AS (
      SELECT document_id, id, status, coalesce(given_on, date(recorded_at, '+7 hours')) AS day,
        lag(status) OVER (PARTITION BY document_id ORDER BY id) AS before FROM live
    ), finished AS (
      SELECT document_id, day, row_number() OVER (PARTITION BY document_id ORDER BY id DESC) AS latest
      FROM marked WHERE status = 'done' AND before IS NOT 'done'
    ), docs AS (
      SELECT d.document_type AS type,
        CASE WHEN d.id IN (SELECT document_id FROM inbox WHERE document_id IS NOT NULL) THEN 'hub' ELSE 'paper' END AS channel,
        CASE WHEN d.assignee_unit IN ('VP', @vpName, @vpUpper) THEN @vpName WHEN d.assignee_unit = 'KT' THEN @ktName
             WHEN d.assignee_unit IS NOT NULL THEN d.assignee_unit ELSE coalesce(d.assignee_person, 'Chưa giao đơn vị') END AS unit,
        CASE WHEN d.processing_status = 'done' THEN CASE WHEN d.due_date IS NOT NULL AND f.day > d.due_date THEN 'doneLate' ELSE 'doneOnTime' END
             WHEN d.due_date < @asOf THEN 'openOverdue' ELSE 'openInTime' END AS state
      FROM documents d LEFT JOIN finished f ON f.document_id = d.id AND f.latest = 1
      WHERE d.direction = 'incoming' AND d.status = 'active' AND d.register_date BETWEEN @from AND @to
    )`;
  const incomingParams = (period: ReportPeriod) => ({ ...period, asOf: REPORT_TODAY, vpName: VP.name, vpUpper: VP.name.toLocaleUpperCase('vi'), ktName: KT.name });

  function expectedIncoming(period: ReportPeriod) {
    const by = (column: string) => all<{ group: string; state: string; n: number }>(`${INCOMING_SQL} SELECT ${column} AS "group", state, count(*) AS n FROM docs GROUP BY 1, 2`, incomingParams(period));
    return {
      totals: sumStates(by('type'), INCOMING_STATES),
      byType: fold(by('type'), INCOMING_STATES),
      byChannel: fold(by('channel'), INCOMING_STATES),
      byUnit: fold(by('unit'), INCOMING_STATES),
      voided: one("SELECT count(*) FROM documents WHERE direction = 'incoming' AND status = 'void' AND register_date BETWEEN @from AND @to", period),
    };
  }

  const actualIncoming = (r: IncomingReport) => ({
    totals: Object.fromEntries([['total', r.totals.total], ...INCOMING_STATES.map((s) => [s, r.totals[s]])]),
    byType: linesOf(r.byType, 'key', INCOMING_STATES),
    byChannel: linesOf(r.byChannel, 'key', INCOMING_STATES),
    byUnit: linesOf(r.byUnit, 'label', INCOMING_STATES),
    voided: r.voided,
  });

  it('counts the incoming documents of every period as the registers do: by type, channel and lead unit, done on time, late, open, overdue', async () => {
    for (const period of PERIODS) {
      const report = await call('reports.incoming', period);
      expect({ period, ...actualIncoming(report) }).toEqual({ period, ...expectedIncoming(period) });
      expect(report).toMatchObject({ from: period.from, to: period.to, asOf: REPORT_TODAY, agencyName: SAMPLE_AGENCY.name, parentAgencyName: SAMPLE_AGENCY.parentName });
    }
    // The seed gives the main period every state, both channels, units by abbreviation, by name
    // and by a person only, and a voided row: the comparison above is not one of zeros.
    const main = expectedIncoming(REPORT_PERIOD);
    for (const s of INCOMING_STATES) expect(main.totals[s], s).toBeGreaterThan(0);
    expect(Object.keys(main.byChannel).sort()).toEqual(['hub', 'paper']);
    expect(Object.keys(main.byUnit).sort()).toEqual([KT.name, 'Chưa giao đơn vị', 'Lê Văn Tám', VP.name].sort());
    expect(main.voided).toBe(1);
  });

  it('reads the day a document was done from the history in force: a correction stands in place of what it corrects, a reopened one counts from its last completion', async () => {
    const history = (subject: string): string[] =>
      all<{ line: string }>(
        `SELECT e.kind || ' ' || e.status || ' ' || e.given_on || CASE WHEN e.corrects_id IS NULL THEN '' ELSE ' (sửa)' END AS line
         FROM processing_entries e JOIN documents d ON d.id = e.document_id WHERE d.subject = @subject ORDER BY e.id`,
        { subject },
      ).map((r) => r.line);
    // Due on the 6th, done on the 9th, corrected: it was done on the 5th (on time).
    expect(history('Rà soát đất công')).toEqual(['instruction assigned 2026-03-03', 'status done 2026-03-09', 'status done 2026-03-05 (sửa)']);
    // Due on the 12th, done on the 10th, reopened on the 11th, done again on the 16th (late).
    expect(history('Rà soát hộ nghèo')).toEqual(['instruction assigned 2026-03-05', 'status done 2026-03-10', 'status in_progress 2026-03-11', 'status done 2026-03-16']);
    // Due on the 11th, answered by a reply of the 12th (late).
    expect(history('Đề nghị cung cấp số liệu')).toEqual(['instruction assigned 2026-03-09', 'reply done 2026-03-12']);
    const report = await call('reports.incoming', REPORT_PERIOD);
    const line = (key: string) => linesOf(report.byUnit.filter((l) => l.key === key), 'key', INCOMING_STATES)[key];
    // Phòng Kinh tế: the corrected one and the notice on time; the late result and the late reply.
    expect(line('KT')).toEqual({ total: 5, doneOnTime: 2, doneLate: 2, openInTime: 1, openOverdue: 0 });
    // Văn phòng, named by its abbreviation, its name and its name in capitals: one line.
    expect(line('VP')).toEqual({ total: 5, doneOnTime: 1, doneLate: 1, openInTime: 0, openOverdue: 3 });
  });

  it('never counts a secret incoming document: they stay in their own register', async () => {
    const secret = one('SELECT count(*) FROM secret_incoming WHERE arrival_date BETWEEN @from AND @to', REPORT_PERIOD);
    expect(secret).toBe(2);
    const report = await call('reports.incoming', REPORT_PERIOD);
    expect(report.totals.total).toBe(one("SELECT count(*) FROM documents WHERE direction = 'incoming' AND status = 'active' AND register_date BETWEEN @from AND @to", REPORT_PERIOD));
    const yearly = await call('reports.yearly', { year: 2026 });
    expect(yearly.incoming.total).toBe(one("SELECT count(*) FROM documents WHERE direction = 'incoming' AND status = 'active' AND year = 2026"));
  });

  it('counts the documents of the first and the last day of the period, and none of the days around it', async () => {
    const inPeriod = (id: number) => one('SELECT count(*) FROM documents WHERE id = @id AND register_date BETWEEN @from AND @to', { id, ...REPORT_PERIOD });
    expect([inPeriod(ids.firstDay), inPeriod(ids.lastDay)]).toEqual([1, 1]);
    const firstDay = await call('reports.incoming', { from: '2026-03-01', to: '2026-03-01' });
    expect(firstDay.byType.map((l) => [l.key, l.total])).toEqual([['to-trinh', 1]]);
    const lastDay = await call('reports.incoming', { from: '2026-03-15', to: '2026-03-15' });
    expect(lastDay.totals.total).toBe(2);
    const before = await call('reports.incoming', { from: '2026-02-28', to: '2026-02-28' });
    expect(before.totals.total).toBe(1);
    const outgoingFirst = await call('reports.outgoing', { from: '2026-03-01', to: '2026-03-01' });
    expect(outgoingFirst.byUnit.map((l) => [l.label, l.total])).toEqual([[KT.name, 1]]);
  });

  // --- Outgoing: the independent SQL --------------------------------------------------------
  // Signed: the approval's file; sent: the distribution's audit entry; the last day by Art.
  // 18.1 worked out with SQLite's weekday (%w: 5 Friday, 6 Saturday); a copy is a row of copies.
  const OUTGOING_SQL = `
    WITH sent AS (
      SELECT CAST(entity_id AS INTEGER) AS issuance_id, min(at) AS at FROM audit_log WHERE action = 'issuance.distribute' GROUP BY entity_id
    ), signed AS (
      SELECT issuance_id, min(added_at) AS at FROM issuance_files WHERE step = 'approved' GROUP BY issuance_id
    ), rows AS (
      SELECT d.document_type AS type, i.id AS issuance, i.priority,
        CASE WHEN d.id IN (SELECT document_id FROM outbox WHERE status <> 'cancelled') THEN 'hub'
             WHEN i.state IN ('numbered', 'issued', 'registered') THEN 'unsent' ELSE 'paper' END AS channel,
        CASE coalesce(i.unit_abbreviation, CASE WHEN i.id IS NULL AND d.document_type = 'cong-van' THEN replace(replace(d.code_notation, '-M', ''), 'UBND-', '') END)
          WHEN 'VP' THEN @vpName WHEN 'KT' THEN @ktName ELSE 'Không ghi đơn vị soạn thảo' END AS unit,
        date(sg.at, '+7 hours') AS signed_on, date(st.at, '+7 hours') AS sent_on
      FROM documents d LEFT JOIN issuances i ON i.document_id = d.id
        LEFT JOIN signed sg ON sg.issuance_id = i.id LEFT JOIN sent st ON st.issuance_id = i.id
      WHERE d.direction = 'outgoing' AND d.status = 'active' AND d.register_date BETWEEN @from AND @to
        AND d.id NOT IN (SELECT copy_document_id FROM copies)
    ), timed AS (
      SELECT *, CASE WHEN priority >= 1 THEN signed_on
                     WHEN strftime('%w', signed_on) = '5' THEN date(signed_on, '+3 days')
                     WHEN strftime('%w', signed_on) = '6' THEN date(signed_on, '+2 days')
                     ELSE date(signed_on, '+1 day') END AS last_day
      FROM rows
    ), docs AS (
      SELECT *, CASE WHEN issuance IS NULL THEN 'notTracked'
                     WHEN sent_on IS NOT NULL THEN CASE WHEN sent_on > last_day THEN 'late' ELSE 'onTime' END
                     WHEN @asOf > last_day THEN 'waitingLate' ELSE 'waitingInTime' END AS state
      FROM timed
    )`;

  function expectedOutgoing(period: ReportPeriod) {
    const by = (column: string) =>
      all<{ group: string; state: string; n: number }>(`${OUTGOING_SQL} SELECT ${column} AS "group", state, count(*) AS n FROM docs GROUP BY 1, 2`, { ...period, asOf: REPORT_TODAY, vpName: VP.name, ktName: KT.name });
    return {
      totals: sumStates(by('type'), OUTGOING_STATES),
      byType: fold(by('type'), OUTGOING_STATES),
      byChannel: fold(by('channel'), OUTGOING_STATES),
      byUnit: fold(by('unit'), OUTGOING_STATES),
      voided: one("SELECT count(*) FROM documents WHERE direction = 'outgoing' AND status = 'void' AND register_date BETWEEN @from AND @to AND id NOT IN (SELECT copy_document_id FROM copies)", period),
    };
  }

  const actualOutgoing = (r: OutgoingReport) => ({
    totals: Object.fromEntries([['total', r.totals.total], ...OUTGOING_STATES.map((s) => [s, r.totals[s]])]),
    byType: linesOf(r.byType, 'key', OUTGOING_STATES),
    byChannel: linesOf(r.byChannel, 'key', OUTGOING_STATES),
    byUnit: linesOf(r.byUnit, 'label', OUTGOING_STATES),
    voided: r.voided,
  });

  it('counts the outgoing documents of every period as the registers do: by type, channel and drafting unit, sent on time or late (Art. 18.1)', async () => {
    for (const period of PERIODS) {
      const report = await call('reports.outgoing', period);
      expect({ period, ...actualOutgoing(report) }).toEqual({ period, ...expectedOutgoing(period) });
    }
    const main = expectedOutgoing(REPORT_PERIOD);
    for (const s of ['onTime', 'late', 'waitingLate', 'notTracked']) expect(main.totals[s], s).toBeGreaterThan(0);
    expect(Object.keys(main.byChannel).sort()).toEqual(['hub', 'paper', 'unsent']);
    expect(Object.keys(main.byUnit).sort()).toEqual([KT.name, 'Không ghi đơn vị soạn thảo', VP.name].sort());
    // The voided direct registration and the voided issuance; the voided copy is not among them.
    expect(main.voided).toBe(2);
    expect(expectedOutgoing({ from: '2026-03-16', to: '2026-03-20' }).totals.waitingInTime).toBe(1);
  });

  // --- Yearly ------------------------------------------------------------------------------
  it('counts the year: incoming and outgoing by type and channel, copies made, case files compiled, closed and handed over', async () => {
    for (const year of [2025, 2026]) {
      const report = await call('reports.yearly', { year });
      const range = { from: `${year}-01-01`, to: `${year}-12-31` };
      const incoming = all<{ type: string; channel: string; n: number }>(
        `SELECT document_type AS type, CASE WHEN id IN (SELECT document_id FROM inbox WHERE document_id IS NOT NULL) THEN 'hub' ELSE 'paper' END AS channel, count(*) AS n
         FROM documents WHERE direction = 'incoming' AND status = 'active' AND register_date BETWEEN @from AND @to GROUP BY 1, 2`,
        range,
      );
      const outgoing = all<{ type: string; channel: string; n: number }>(
        `SELECT d.document_type AS type,
           CASE WHEN d.id IN (SELECT document_id FROM outbox WHERE status <> 'cancelled') THEN 'hub'
                WHEN i.state IN ('numbered', 'issued', 'registered') THEN 'unsent' ELSE 'paper' END AS channel, count(*) AS n
         FROM documents d LEFT JOIN issuances i ON i.document_id = d.id
         WHERE d.direction = 'outgoing' AND d.status = 'active' AND d.register_date BETWEEN @from AND @to AND d.id NOT IN (SELECT copy_document_id FROM copies)
         GROUP BY 1, 2`,
        range,
      );
      const byType = (rows: typeof incoming) => {
        const out: Record<string, Counts> = {};
        for (const r of rows) {
          const line = (out[r.type] ??= { total: 0, hub: 0, paper: 0, unsent: 0 });
          line[r.channel] = (line[r.channel] ?? 0) + r.n;
          line.total = (line.total ?? 0) + r.n;
        }
        return out;
      };
      const channel = (rows: typeof incoming, c: string) => rows.filter((r) => r.channel === c).reduce((n, r) => n + r.n, 0);
      const copies = all<{ kind: string; form: string; n: number }>(
        'SELECT c.kind, c.form, count(*) AS n FROM copies c JOIN documents d ON d.id = c.copy_document_id WHERE d.status = \'active\' AND d.register_date BETWEEN @from AND @to GROUP BY 1, 2',
        range,
      );
      const copiesOf = (kind: string, form: string) => copies.find((c) => c.kind === kind && c.form === form)?.n ?? 0;
      const compiled = `SELECT count(DISTINCT cf.id) FROM case_files cf JOIN file_plans fp ON fp.id = cf.plan_id JOIN case_file_documents x ON x.case_file_id = cf.id AND x.removed_at IS NULL WHERE fp.year = ${year}`;
      const actualTypes = (lines: typeof report.outgoing.byType) => Object.fromEntries(lines.map((l) => [l.key, { total: l.total, hub: l.hub, paper: l.paper, unsent: l.unsent }]));
      expect({
        incoming: { total: report.incoming.total, hub: report.incoming.hub, paper: report.incoming.paper, byType: actualTypes(report.incoming.byType) },
        outgoing: { total: report.outgoing.total, hub: report.outgoing.hub, paper: report.outgoing.paper, unsent: report.outgoing.unsent, byType: actualTypes(report.outgoing.byType) },
        copies: Object.fromEntries(report.copies.byKind.map((c) => [c.kind, [c.total, c.electronic, c.paper]])),
        copiesTotal: report.copies.total,
        caseFiles: report.caseFiles,
      }).toEqual({
        incoming: { total: incoming.reduce((n, r) => n + r.n, 0), hub: channel(incoming, 'hub'), paper: channel(incoming, 'paper'), byType: byType(incoming) },
        outgoing: { total: outgoing.reduce((n, r) => n + r.n, 0), hub: channel(outgoing, 'hub'), paper: channel(outgoing, 'paper'), unsent: channel(outgoing, 'unsent'), byType: byType(outgoing) },
        copies: Object.fromEntries(['sao-y', 'sao-luc', 'trich-sao'].map((k) => [k, [copiesOf(k, 'electronic') + copiesOf(k, 'paper'), copiesOf(k, 'electronic'), copiesOf(k, 'paper')]])),
        copiesTotal: copies.reduce((n, c) => n + c.n, 0),
        caseFiles: {
          compiled: one(compiled),
          closed: one(`${compiled} AND cf.status <> 'open'`),
          handedOver: one('SELECT count(*) FROM case_files WHERE date(handed_over_at, \'+7 hours\') BETWEEN @from AND @to', range),
        },
      });
    }
    // 2026: three files with documents (the empty one is not compiled), two closed or handed
    // over, and two handed over during the year (2025's, on 1 January at 06:00, and one of
    // 2026's); two copies on paper,
    // one electronic, the voided one not counted.
    const y2026 = await call('reports.yearly', { year: 2026 });
    expect(y2026.caseFiles).toEqual({ compiled: 3, closed: 2, handedOver: 2 });
    expect(y2026.copies.byKind.find((c) => c.kind === 'sao-y')).toMatchObject({ total: 3, electronic: 1, paper: 2 });
    expect((await call('reports.yearly', { year: 2025 })).caseFiles).toEqual({ compiled: 1, closed: 1, handedOver: 0 });
  });

  // --- Views and downloads -----------------------------------------------------------------
  it('counts views and downloads per document from the audit log, by the Vietnam day, one per person within ten minutes', async () => {
    for (const period of [REPORT_PERIOD, { from: '2026-02-28', to: '2026-03-16' }, { from: '2026-03-16', to: '2026-03-16' }]) {
      const report = await call('reports.views', period);
      const rows = all<{ id: number; views: number; downloads: number }>(
        `SELECT CAST(entity_id AS INTEGER) AS id, sum(action = 'document.view') AS views, sum(action = 'document.readFile') AS downloads
         FROM audit_log WHERE entity_type = 'document' AND action IN ('document.view', 'document.readFile') AND date(at, '+7 hours') BETWEEN @from AND @to
         GROUP BY entity_id ORDER BY id`,
        period,
      );
      expect({ period, rows: report.rows.map((r) => ({ id: r.documentId, views: r.views, downloads: r.downloads })).sort((a, b) => a.id - b.id) }).toEqual({ period, rows });
      expect(report.totals).toEqual({ documents: rows.length, views: rows.reduce((n, r) => n + r.views, 0), downloads: rows.reduce((n, r) => n + r.downloads, 0) });
    }
    const main = await call('reports.views', REPORT_PERIOD);
    // The first day's and the last day's edges, the copied document viewed three times in 20
    // minutes (twice recorded) and downloaded twice in a minute (once), most used first.
    // Then the ones used once, by id: an outgoing document, the hub's, the last day's.
    expect(main.rows.map((r) => [r.documentId, r.views, r.downloads])).toEqual([
      [ids.copied, 2, 1],
      [ids.firstDay, 1, 1],
      ...[outgoingId(), ids.hubIncoming, ids.lastDay].sort((a, b) => a - b).map((id) => [id, 1, 0]),
    ]);
    expect(main.rows[0]).toMatchObject({ direction: 'incoming', year: 2026, subject: 'Kế hoạch phòng chống thiên tai' });
    const notation = p.db.prepare("SELECT code_number || '/' || code_notation FROM documents WHERE id = ?").pluck().get(outgoingId());
    expect(main.rows.find((r) => r.documentId === outgoingId())).toMatchObject({ direction: 'outgoing', numberNotation: notation });
    const limited = await call('reports.views', { ...REPORT_PERIOD, limit: 1 });
    expect([limited.rows.length, limited.totals]).toEqual([1, main.totals]);
  });

  // --- Export ------------------------------------------------------------------------------
  const pdfText = (path: string): string => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  const row = (label: string, numbers: readonly number[]): RegExp => new RegExp(`${label}\\s+${numbers.join('\\s+')}\\s*$`, 'm');

  it('prints each report to PDF (the titles and the numbers as pdftotext reads them) and to XLSX (read back as numbers)', async () => {
    const incoming = await call('reports.incoming', REPORT_PERIOD);
    const outgoing = await call('reports.outgoing', REPORT_PERIOD);
    const yearly = await call('reports.yearly', { year: 2026 });
    const views = await call('reports.views', REPORT_PERIOD);

    const inPdf = await call('reports.export', { report: 'incoming', ...REPORT_PERIOD, format: 'pdf' });
    expect(inPdf.fileName).toMatch(/^bao-cao-van-ban-den-2026-03-01-2026-03-15-\d{8}-\d{6}\.pdf$/);
    expect(inPdf.path).toBe(join(p.paths.exports, inPdf.fileName));
    const inText = pdfText(inPdf.path);
    expect(inText).toContain('BÁO CÁO TÌNH HÌNH GIẢI QUYẾT VĂN BẢN ĐẾN');
    expect(inText).toContain('Từ ngày 01/03/2026 đến ngày 15/03/2026');
    expect(inText).toContain(`Tổng số văn bản đến: ${incoming.totals.total} (không tính 1 văn bản đã hủy)`);
    for (const l of incoming.byChannel) expect(inText).toMatch(row(l.label, [l.total, ...INCOMING_STATES.map((s) => l[s])]));
    expect(inText).toMatch(row('Tổng số', [incoming.totals.total, ...INCOMING_STATES.map((s) => incoming.totals[s])]));
    // The clerk signs under the table; the file is a sound PDF.
    expect(inText.indexOf('NGƯỜI LẬP BÁO CÁO')).toBeGreaterThan(inText.indexOf('Tổng cộng'));
    expect(execFileSync('qpdf', ['--check', inPdf.path], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors found');

    const outText = pdfText((await call('reports.export', { report: 'outgoing', ...REPORT_PERIOD, format: 'pdf' })).path);
    expect(outText).toContain('BÁO CÁO TÌNH HÌNH GIẢI QUYẾT VĂN BẢN ĐI');
    for (const l of outgoing.byChannel) expect(outText).toMatch(row(l.label, [l.total, ...OUTGOING_STATES.map((s) => l[s])]));

    const yearText = pdfText((await call('reports.export', { report: 'yearly', year: 2026, format: 'pdf' })).path);
    expect(yearText).toContain('THỐNG KÊ CÔNG TÁC VĂN THƯ NĂM 2026');
    expect(yearText).toMatch(row('Văn bản đến', [yearly.incoming.total, yearly.incoming.hub, yearly.incoming.paper]));
    expect(yearText).toMatch(row('Trong đó đã kết thúc', [yearly.caseFiles.closed]));

    const viewText = pdfText((await call('reports.export', { report: 'views', ...REPORT_PERIOD, format: 'pdf' })).path);
    expect(viewText).toContain('THỐNG KÊ LƯỢT XEM, TẢI VĂN BẢN');
    expect(viewText).toContain(`${views.totals.documents} văn bản, ${views.totals.views} lượt xem, ${views.totals.downloads} lượt mở, tải tệp`);

    type Cell = string | number | null;
    const sheet = async (input: InputOf<'reports.export'>): Promise<Cell[][]> => {
      const out = await call('reports.export', input);
      expect(out.fileName.endsWith('.xlsx')).toBe(true);
      expect(out.bytes).toBe(readFileSync(out.path).length);
      return (await readExcelFile(readFileSync(out.path)))[0]?.data as Cell[][];
    };
    const inSheet = await sheet({ report: 'incoming', ...REPORT_PERIOD, format: 'xlsx' });
    expect(inSheet.flat()).toContain('BÁO CÁO TÌNH HÌNH GIẢI QUYẾT VĂN BẢN ĐẾN');
    for (const l of [...incoming.byType, ...incoming.byChannel, ...incoming.byUnit]) {
      expect(inSheet).toContainEqual([expect.any(Number), l.label, l.total, ...INCOMING_STATES.map((s) => l[s])]);
    }
    const outSheet = await sheet({ report: 'outgoing', ...REPORT_PERIOD, format: 'xlsx' });
    for (const l of [...outgoing.byType, ...outgoing.byChannel, ...outgoing.byUnit]) {
      expect(outSheet).toContainEqual([expect.any(Number), l.label, l.total, ...OUTGOING_STATES.map((s) => l[s])]);
    }
    const yearSheet = await sheet({ report: 'yearly', year: 2026, format: 'xlsx' });
    expect(yearSheet).toContainEqual([null, 'Văn bản đi', yearly.outgoing.total, yearly.outgoing.hub, yearly.outgoing.paper, yearly.outgoing.unsent]);
    expect(yearSheet).toContainEqual([3, 'Hồ sơ đã nộp lưu trong năm 2026', yearly.caseFiles.handedOver, null, null, null]);
    const viewSheet = await sheet({ report: 'views', ...REPORT_PERIOD, format: 'xlsx', limit: 100 });
    expect(viewSheet).toContainEqual([1, expect.stringMatching(/^Đến số \d+\/2026$/), expect.any(String), 'Kế hoạch phòng chống thiên tai', 2, 1]);
  });

  it('refuses a period that ends before it starts, in the clerk’s words', async () => {
    const e = await services.dispatch('reports.incoming', { from: '2026-03-15', to: '2026-03-01' });
    expect(e.ok ? null : e.error).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('"Từ ngày" phải trước hoặc bằng "Đến ngày"') });
  });
});
