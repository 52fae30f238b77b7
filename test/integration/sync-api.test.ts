import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProfile } from '../../src/main/profile/open-profile.ts';
import { requestRecall } from '../../src/main/sync/request-recall.ts';
import { bridgeCall, bridgeEnvelope } from '../support/bridge.ts';
import { issueDocument } from '../support/issued-document.ts';
import { type BridgeDesks, bridgeDesks, syncThroughApi } from '../support/sync-bridges.ts';
import { AGENCY_B } from '../support/sync-desks.ts';
import { createTestPki } from '../support/test-pki.ts';

// The clerk's side of the sync through the API contract, on two desks behind loopback bridges
// and the reference hub: the sync button and its progress, the documents delivered to B, accept
// and refuse, and the statuses A then sees on its recipients.
describe('sync and inbox through the API', () => {
  let env: BridgeDesks;
  const issued: Array<{ issuanceId: number; subject: string }> = [];

  beforeAll(async () => {
    const pki = await createTestPki();
    env = await bridgeDesks({
      probeTimeoutMs: 1000,
      prepareA: async (a, scratch) => {
        for (const subject of ['Về việc tiếp nhận qua trục', 'Về việc gửi nhầm nơi nhận']) {
          const record = await issueDocument(a, pki, scratch, { subject, recipients: [{ name: AGENCY_B.name, organId: AGENCY_B.organId }] });
          issued.push({ issuanceId: record.id, subject });
        }
      },
    });
  }, 120_000);
  afterAll(() => env?.close());

  it('runs one sync at a time and reports its progress and summary', async () => {
    const before = await bridgeCall(env.a, 'sync.state', {});
    expect(before).toMatchObject({ running: false, lastRun: null, lastSuccessAt: null, pending: { documents: 2, statuses: 0, incoming: 0 } });
    expect(before.schedule).toEqual({ enabled: true, scheduleTime: '17:00' });

    const started = await bridgeCall(env.a, 'sync.run', {});
    expect(started).toMatchObject({ running: true, joined: false, trigger: 'manual' });
    // A second press while it runs joins the same run.
    const again = await bridgeCall(env.a, 'sync.run', {});
    expect(again).toMatchObject({ running: true, joined: true });
    let state = await bridgeCall(env.a, 'sync.state', {});
    while (state.running) {
      // A only sends: whatever the moment, nothing received, no status, no failure.
      expect(state.progress).toMatchObject({ incoming: { total: 0, done: 0, bytes: 0 }, received: 0, statusesSent: 0, statusesReceived: 0, failures: [] });
      expect([0, 1, 2]).toContain(state.progress!.sent);
      await new Promise((resolve) => setTimeout(resolve, 50));
      state = await bridgeCall(env.a, 'sync.state', {});
    }
    expect(state.lastRun).toMatchObject({ outcome: 'ok', sent: 2, received: 0, outgoing: { total: 2, done: 2 } });
    expect(state.lastRun!.outgoing.bytes).toBeGreaterThan(10_000);
    expect(state.lastSuccessAt).toBe(state.lastRun!.finishedAt);
    expect(state.network).toMatchObject({ reachable: true });
    expect(state.pending.documents).toBe(0);
    // One run: the joined press did not start another.
    expect(state.lastRun!.runId).toBe(1);
  });

  it('receives on B: the inbox lists both, newest first, with files and verification', async () => {
    const { polls, final } = await syncThroughApi(env.b);
    // Polled until it stopped: every poll before the last saw B's run going, receiving documents
    // and sending no document; the only packages it sends are the two "đã đến" statuses, which
    // a poll late in the run sees as its outgoing work.
    expect(polls.at(-1)).toBe(final);
    expect(final).toMatchObject({ running: false, progress: null });
    for (const poll of polls.slice(0, -1)) {
      expect(poll).toMatchObject({ running: true, progress: { sent: 0, failures: [] } });
      expect([0, 2]).toContain(poll.progress!.outgoing.total);
      expect(poll.progress!.outgoing.done).toBeLessThanOrEqual(poll.progress!.outgoing.total);
      expect([0, 1, 2]).toContain(poll.progress!.received);
    }
    expect(final.lastRun).toMatchObject({ outcome: 'ok', received: 2, statusesSent: 2, incoming: { total: 2, done: 2 } });
    expect(final.pending).toEqual({ documents: 0, statuses: 0, incoming: 2 });

    const list = await bridgeCall(env.b, 'inbox.list', {});
    expect(list.total).toBe(2);
    expect(list.rows.map((r) => r.subject)).toEqual(['Về việc gửi nhầm nơi nhận', 'Về việc tiếp nhận qua trục']);
    expect(list.rows[0]).toMatchObject({ state: 'received', businessType: 'new', fromOrganId: '000.46.24.H17', fromName: 'Ủy ban nhân dân xã Hòa Tiến', documentId: null });
    expect(list.rows[0]!.codeNumber).toMatch(/^\d+$/);
    expect((await bridgeCall(env.b, 'inbox.list', { state: 'accepted' })).total).toBe(0);
    expect((await bridgeCall(env.b, 'inbox.list', { state: 'all', limit: 1, offset: 1 })).rows.map((r) => r.subject)).toEqual(['Về việc tiếp nhận qua trục']);

    const detail = await bridgeCall(env.b, 'inbox.get', { id: list.rows[1]!.id });
    expect(detail).toMatchObject({ subject: 'Về việc tiếp nhận qua trục', signerName: 'Nguyễn Văn An', related: null, requests: [] });
    expect(detail.files).toHaveLength(2);
    // The decision carries the leader's signature and the agency's; the annex the agency's alone.
    // B does not trust the test CA, so neither can be more than indeterminate.
    expect(detail.files.map((f) => [f.name, f.report?.signatures.length, f.verdict])).toEqual([
      ['quyet-dinh-ky-phat-hanh.pdf', 2, 'indeterminate'],
      ['phu-luc-ky-so.pdf', 1, 'indeterminate'],
    ]);
    for (const f of detail.files) expect(f.verdict).toBe(f.report?.verdict);
    const content = await bridgeCall(env.b, 'inbox.readFile', { id: detail.id, sha256: detail.files[0]!.sha256 });
    expect(content.size).toBe(detail.files[0]!.size);
    expect(Buffer.from(content.dataBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const other = await bridgeEnvelope(env.b, 'inbox.readFile', { id: list.rows[0]!.id, sha256: detail.files[0]!.sha256 });
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('accepts one into the incoming register (03 queued) and refuses the other with a reason (02 queued)', async () => {
    const { rows } = await bridgeCall(env.b, 'inbox.list', {});
    const [wrong, right] = rows as [(typeof rows)[number], (typeof rows)[number]];

    const noReason = await bridgeEnvelope(env.b, 'inbox.refuse', { id: wrong.id, reason: '  ' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const refused = await bridgeCall(env.b, 'inbox.refuse', { id: wrong.id, reason: 'Gửi nhầm nơi nhận: không thuộc thẩm quyền của xã.' });
    expect(refused).toMatchObject({ state: 'refused', refuseReason: 'Gửi nhầm nơi nhận: không thuộc thẩm quyền của xã.' });

    const registered = await bridgeCall(env.b, 'inbox.accept', { id: right.id });
    expect(registered).toMatchObject({ direction: 'incoming', subject: 'Về việc tiếp nhận qua trục', issuingAgency: 'Ủy ban nhân dân xã Hòa Tiến', codeNumber: right.codeNumber });
    const book = await bridgeCall(env.b, 'documents.get', { id: registered.id });
    expect(book.attachments).toHaveLength(2);
    expect((await bridgeCall(env.b, 'inbox.get', { id: right.id })).documentId).toBe(registered.id);
    expect(await bridgeEnvelope(env.b, 'inbox.accept', { id: right.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await bridgeCall(env.b, 'inbox.list', { state: 'accepted' })).rows.map((r) => r.id)).toEqual([right.id]);
    expect((await bridgeCall(env.b, 'sync.state', {})).pending).toEqual({ documents: 0, statuses: 2, incoming: 0 });
  });

  it('carries the statuses back: A sees each recipient reported, with the reason of a refusal', async () => {
    expect((await syncThroughApi(env.b)).final.lastRun).toMatchObject({ outcome: 'ok', statusesSent: 2 });
    expect((await syncThroughApi(env.a)).final.lastRun).toMatchObject({ outcome: 'ok', statusesReceived: 4 });
    const [accepted, refused] = await Promise.all(issued.map((d) => bridgeCall(env.a, 'issuance.get', { id: d.issuanceId })));
    expect(accepted!.outbox).toEqual([
      expect.objectContaining({ organId: AGENCY_B.organId, status: 'sent', receiveStatus: '03', receiveDescription: expect.stringMatching(/^Đã tiếp nhận, số đến \d+\.$/) }),
    ]);
    expect(accepted!.outbox[0]!.receiveStatusAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(refused!.outbox).toEqual([
      expect.objectContaining({ receiveStatus: '02', receiveDescription: 'Gửi nhầm nơi nhận: không thuộc thẩm quyền của xã.' }),
    ]);
  });

  it('answers a recall request: agreeing freezes the registered copy, A hears 15', async () => {
    const accepted = issued[0]!;
    const documentId = (await bridgeCall(env.a, 'issuance.get', { id: accepted.issuanceId })).documentId!;
    const a = openProfile(join(env.dir, 'a'));
    try {
      requestRecall(a, documentId, 'Ban hành nhầm');
    } finally {
      a.close();
    }
    await syncThroughApi(env.a);
    expect((await syncThroughApi(env.b)).final.lastRun).toMatchObject({ outcome: 'ok', received: 1 });
    const request = (await bridgeCall(env.b, 'inbox.list', {})).rows.find((r) => r.businessType === 'revoke')!;
    const detail = await bridgeCall(env.b, 'inbox.get', { id: request.id });
    expect(detail.related).toMatchObject({ subject: accepted.subject, state: 'accepted' });
    expect(await bridgeEnvelope(env.b, 'inbox.accept', { id: request.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await bridgeEnvelope(env.b, 'inbox.answer', { id: request.id, agree: true, reason: ' ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const answered = await bridgeCall(env.b, 'inbox.answer', { id: request.id, agree: true, reason: 'Đồng ý thu hồi' });
    expect(answered).toMatchObject({ state: 'answered', related: { state: 'recalled' } });
    const registered = await bridgeCall(env.b, 'documents.get', { id: detail.related!.documentId! });
    expect(registered).toMatchObject({ status: 'void', voidReason: 'Nơi gửi thu hồi văn bản: Đồng ý thu hồi' });
    await syncThroughApi(env.b);
    await syncThroughApi(env.a);
    expect((await bridgeCall(env.a, 'issuance.get', { id: accepted.issuanceId })).outbox[0]).toMatchObject({ receiveStatus: '15', receiveDescription: 'Đồng ý thu hồi' });
  });

  it('ends quietly as offline when the hub cannot be reached', async () => {
    env.hub.faults.dropAfterBytes = 0;
    env.hub.faults.dropMode = 'always';
    try {
      const { final } = await syncThroughApi(env.b);
      expect(final.lastRun).toMatchObject({ outcome: 'offline', sent: 0, received: 0 });
      expect(final.network).toMatchObject({ reachable: false });
      expect(final.lastSuccessAt).not.toBe(final.lastRun!.finishedAt);
      expect((await bridgeCall(env.b, 'sync.state', { probe: true })).network).toMatchObject({ reachable: false });
    } finally {
      env.hub.faults.dropAfterBytes = null;
    }
    expect((await bridgeCall(env.b, 'sync.state', { probe: true })).network).toMatchObject({ reachable: true });
  });
});
