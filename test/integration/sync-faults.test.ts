import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { queueManyLike } from '../support/bulk-outgoing.ts';
import { ROOT } from '../support/cli.ts';
import { issueDocument } from '../support/issued-document.ts';
import { AGENCY_B, type TwoDesks, twoDesks } from '../support/sync-desks.ts';
import { createTestPki } from '../support/test-pki.ts';
import { SAMPLE_AGENCY } from '../support/temp-profile.ts';

const PACKAGES = 200;
const KILLS = 50;

// A small, seeded generator: the same kill points on every run of the test.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Issue 5 §7: desk A's sync runs in its own process and is killed (SIGKILL) at 50 random points
// while it sends 200 documents, receives 200 and sends 200 statuses; then one last run. Every
// package must be on the hub exactly once, every one received exactly once, nothing half-done.
describe('sync killed at random points', () => {
  let env: TwoDesks;
  afterAll(() => env?.close());

  it(`loses and duplicates nothing across ${KILLS} kills`, async () => {
    const pki = await createTestPki();
    env = await twoDesks();
    const { a, b, hub } = env;
    const first = {
      a: await issueDocument(a.profile, pki, env.dir, { recipients: [{ name: AGENCY_B.name, organId: AGENCY_B.organId }] }),
      b: await issueDocument(b.profile, pki, env.dir, { recipients: [{ name: SAMPLE_AGENCY.name, organId: SAMPLE_AGENCY.organId }] }),
    };
    queueManyLike(a.profile, first.a.documentId!, AGENCY_B.organId, AGENCY_B.name, PACKAGES - 1);
    queueManyLike(b.profile, first.b.documentId!, SAMPLE_AGENCY.organId, SAMPLE_AGENCY.name, PACKAGES - 1);
    expect((await b.sync()).sent).toBe(PACKAGES);

    // A little latency per request stretches A's run over the kill points.
    hub.faults.latencyMs = 15;
    const next = random(20261122);
    let kills = 0;
    let completed = 0;
    while (kills < KILLS) {
      const child = spawn(process.execPath, [join(ROOT, 'test', 'support', 'sync-child.ts'), a.profileDir, hub.url, a.system.systemId, a.system.secret], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exit = once(child, 'exit');
      const outcome = await Promise.race([exit.then(() => 'exited' as const), sleep(150 + next() * 900).then(() => 'running' as const)]);
      if (outcome === 'running') {
        child.kill('SIGKILL');
        await exit;
        kills++;
      } else {
        completed++;
      }
    }
    // The kills fell while there was work: A's run had not once finished on its own before.
    expect(completed).toBe(0);
    hub.faults.latencyMs = 0;
    const last = await a.sync();
    expect(last.outcome).toBe('ok');
    expect((await b.sync()).outcome).toBe('ok');
    // A hears back B's "đã đến" for each of its documents.
    expect((await a.sync()).statusesReceived).toBe(PACKAGES);

    // On the hub: each of A's documents once, one status 01 per document A received.
    const fromA = hub.store.packages().filter((p) => p.fromCode === SAMPLE_AGENCY.organId);
    const edocs = fromA.filter((p) => p.messageType === 'edoc');
    const statuses = fromA.filter((p) => p.messageType === 'status');
    expect(edocs).toHaveLength(PACKAGES);
    expect(new Set(edocs.map((p) => p.notation)).size).toBe(PACKAGES);
    expect(statuses).toHaveLength(PACKAGES);
    expect(new Set(statuses.map((p) => p.notation)).size).toBe(PACKAGES);
    expect(hub.store.deliveries(SAMPLE_AGENCY.organId).filter((d) => d.pending)).toEqual([]);
    expect(hub.store.deliveries(AGENCY_B.organId).filter((d) => d.pending)).toEqual([]);

    // In A's database: every send recorded as sent with its own hub docId; every received
    // package once, with every one of its files present and whole in the store.
    const sends = a.profile.db.prepare('SELECT state, count(*) AS n, count(DISTINCT hub_doc_id) AS ids FROM hub_sends GROUP BY state').all();
    expect(sends).toEqual([{ state: 'sent', n: 2 * PACKAGES, ids: 2 * PACKAGES }]);
    const inbox = a.profile.db.prepare('SELECT count(*) AS n, count(DISTINCT edxml_document_id) AS docs FROM inbox').get();
    expect(inbox).toEqual({ n: PACKAGES, docs: PACKAGES });
    const files = a.profile.db.prepare('SELECT f.sha256, b.size FROM inbox_files f JOIN files b ON b.sha256 = f.sha256').all() as Array<{ sha256: string; size: number }>;
    expect(files).toHaveLength(2 * PACKAGES);
    for (const f of new Set(files.map((x) => `${x.sha256}:${x.size}`))) {
      const [sha, size] = f.split(':');
      expect(a.profile.blobs.check(sha!, Number(size))).toBe('ok');
    }
    // B got each of A's documents once, and a 01 from A for each of its own.
    expect(b.profile.db.prepare('SELECT count(*) AS n, count(DISTINCT edxml_document_id) AS docs FROM inbox').get()).toEqual({ n: PACKAGES, docs: PACKAGES });
    expect(b.profile.db.prepare("SELECT count(*) FROM outbox WHERE receive_status = '01'").pluck().get()).toBe(PACKAGES);
    expect(b.profile.db.prepare('SELECT count(DISTINCT hub_doc_id) FROM hub_statuses').pluck().get()).toBe(PACKAGES);
    expect(a.profile.db.prepare("SELECT count(*) FROM outbox WHERE receive_status = '01'").pluck().get()).toBe(PACKAGES);
  }, 600_000);
});
