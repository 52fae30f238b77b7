import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src/hub/main.ts';
import { createHubClient, type HubClient } from '../../src/main/hub/hub-client.ts';
import { expectAppErrorAsync } from '../support/app-error.ts';
import { A, B, C, documentPackage, statusPackage, SYS_A, SYS_B, SYS_C, testHubDir, type TestHubDir } from '../support/hub-fixtures.ts';
import { tempDir } from '../support/temp-profile.ts';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

// Our client against our reference hub, both written from hub-api.md by different hands: every
// operation the sync uses, and the faults the sync must survive (cut download, 5xx bursts,
// a redelivered package).
describe('hub client against the reference hub', () => {
  let dir: TestHubDir;
  let hub: RunningHub;
  let work: { dir: string; cleanup: () => void };
  let a: HubClient;
  let b: HubClient;
  let c: HubClient;

  beforeAll(async () => {
    dir = testHubDir();
    hub = await dir.start();
    work = tempDir();
    const client = (s: typeof SYS_A) => createHubClient({ endpoint: `${hub.url}/XrdAdapter/adapter`, systemId: s.systemId, secret: s.secret, retry: { baseDelayMs: 20, maxDelayMs: 100 } });
    a = client(SYS_A);
    b = client(SYS_B);
    c = client(SYS_C);
  });
  afterAll(async () => {
    for (const x of [a, b, c]) x.close();
    await hub.close();
    dir.remove();
    work.cleanup();
  });
  beforeEach(() => Object.assign(hub.faults, { latencyMs: 0, dropAfterBytes: null, errorRate: 0, redeliverAcks: 0 }));

  async function send(to: readonly string[]): Promise<{ docId: string; bytes: Buffer }> {
    const bytes = documentPackage(A, to);
    const file = join(work.dir, `out-${Math.random().toString(36).slice(2)}.edxml`);
    writeFileSync(file, bytes);
    const sent = await a.sendEdoc(file, { from: A, messageType: 'edoc' });
    expect(sent.sha256).toBe(sha256(bytes));
    return { docId: sent.docId, bytes };
  }

  it('sends, lists, downloads with the trace header, acknowledges, and reports it sent', async () => {
    const { docId, bytes } = await send([B, C]);
    const listed = await b.getReceivedEdocList({ messageType: 'edoc' });
    expect(listed).toHaveLength(1);
    expect(await b.countReceiveEdoc()).toBe(1);
    const item = listed[0]!;
    const dest = join(work.dir, `in-${item.docId}.edxml`);
    const got = await b.downloadEdoc(item.docId, dest);
    const text = readFileSync(dest, 'utf8');
    expect(got.sha256).toBe(sha256(readFileSync(dest)));
    expect(text.match(/<edXML:TraceHeader>/g)?.length).toBe((bytes.toString('utf8').match(/<edXML:TraceHeader>/g)?.length ?? 0) + 1);
    // getEdoc carries the same package inside its JSON.
    const viaJson = join(work.dir, `json-${item.docId}.edxml`);
    expect((await b.getEdoc(item.docId, viaJson)).sha256).toBe(got.sha256);

    await b.updateStatus(item.docId, 'done');
    expect(await b.getReceivedEdocList({ messageType: 'edoc' })).toEqual([]);
    expect(await c.getReceivedEdocList({ messageType: 'edoc' })).toHaveLength(1);
    const sent = await a.getSentEdocList({ messageType: 'edoc' });
    expect(sent.filter((s) => s.senderDocId === docId).map((s) => s.toCode).sort()).toEqual([B, C].sort());
    const cItem = (await c.getReceivedEdocList({ messageType: 'edoc' }))[0]!;
    await c.updateStatus(cItem.docId, 'done');
  });

  it('routes a status package back to the sender of the document', async () => {
    const file = join(work.dir, 'status.edxml');
    writeFileSync(file, statusPackage(B, A));
    await b.sendEdoc(file, { from: B, messageType: 'status' });
    const statuses = await a.getReceivedEdocList({ messageType: 'status' });
    expect(statuses.map((s) => s.from)).toEqual([B]);
    expect(await a.countReceiveStatus()).toBe(1);
    await a.updateStatus(statuses[0]!.docId, 'done');
    expect(await a.getReceivedEdocList({ messageType: 'status' })).toEqual([]);
  });

  it('resumes a download the hub cut halfway, and rides out a burst of 503s', async () => {
    const { bytes } = await send([B]);
    const item = (await b.getReceivedEdocList({ messageType: 'edoc' }))[0]!;
    const whole = await b.downloadEdoc(item.docId, join(work.dir, `whole-${item.docId}.edxml`));
    expect(whole.resumedFrom).toBe(0);
    const half = Math.floor(bytes.length / 2);
    Object.assign(hub.faults, { dropAfterBytes: half, dropMode: 'once', dropOperations: ['downloadEdoc'] });
    const got = await b.downloadEdoc(item.docId, join(work.dir, `cut-${item.docId}.edxml`));
    // The second request asked for the rest (from what the first one had written, at most the
    // cut), and the file is the whole package as an uncut download gets it.
    expect(got.resumedFrom).toBeGreaterThan(0);
    expect(got.resumedFrom).toBeLessThanOrEqual(half);
    expect(got).toMatchObject({ size: whole.size, sha256: whole.sha256 });

    hub.faults.errorSeed = 7;
    hub.faults.errorRate = 0.5;
    expect((await b.getReceivedEdocList({ messageType: 'edoc' })).map((i) => i.docId)).toEqual([item.docId]);
    hub.faults.errorRate = 0;
    await b.updateStatus(item.docId, 'done');
  });

  it('gets a package again after its ack when the hub redelivers it', async () => {
    await send([B]);
    const item = (await b.getReceivedEdocList({ messageType: 'edoc' }))[0]!;
    hub.faults.redeliverAcks = 1;
    await b.updateStatus(item.docId, 'done');
    expect((await b.getReceivedEdocList({ messageType: 'edoc' })).map((i) => i.docId)).toEqual([item.docId]);
    await b.updateStatus(item.docId, 'done');
    expect(await b.getReceivedEdocList({ messageType: 'edoc' })).toEqual([]);
  });

  it('sends no duplicate on its own: a send whose answer is cut reports an unknown outcome', async () => {
    const before = hub.store.packages().length;
    Object.assign(hub.faults, { dropAfterBytes: 0, dropMode: 'once', dropOperations: ['sendEdoc'] });
    const file = join(work.dir, 'unknown.edxml');
    writeFileSync(file, documentPackage(A, [C]));
    const error = await expectAppErrorAsync(() => a.sendEdoc(file, { from: A, messageType: 'edoc' }), 'HUB_UNREACHABLE');
    expect(error.data).toMatchObject({ outcome: 'unknown' });
    // The hub did store it once; only getSentEdocList can tell the sync so.
    expect(hub.store.packages().length).toBe(before + 1);
    const item = (await c.getReceivedEdocList({ messageType: 'edoc' }))[0]!;
    await c.updateStatus(item.docId, 'done');
  });

  it('reads the agency directory and refuses a wrong secret', async () => {
    // The directory is the systems file's four agencies (B speaks for two), none deleted.
    const byCode = (x: { code: string | null }, y: { code: string | null }) => (x.code ?? '').localeCompare(y.code ?? '');
    const directory = [SYS_A, SYS_B, SYS_C].flatMap((s) => s.agencies).sort(byCode);
    const agencies = await a.getAgenciesList();
    expect(agencies.map(({ code, name }) => ({ code, name })).sort(byCode)).toEqual(directory);
    const units = await a.getSynchronizeUnit();
    expect(units.map(({ code, name, deleted }) => ({ code, name, deleted })).sort(byCode)).toEqual(
      directory.map((d) => ({ ...d, deleted: false })),
    );
    const wrong = createHubClient({ endpoint: hub.url, systemId: SYS_B.systemId, secret: SYS_C.secret });
    try {
      await expectAppErrorAsync(() => wrong.countReceiveEdoc(), 'HUB_REFUSED');
    } finally {
      wrong.close();
    }
    expect((await a.probe(1000)).reachable).toBe(true);
  });
});
