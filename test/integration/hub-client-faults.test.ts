import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHubClient, DEFAULT_PROBE_TIMEOUT_MS, type HubClient } from '../../src/main/hub/hub-client.ts';
import { expectAppErrorAsync } from '../support/app-error.ts';
import { closedPortUrl, envelope, hangUp, json, type RecordingServer, silence, startRecordingServer, startSilentServer } from '../support/recording-server.ts';
import { tempDir } from '../support/temp-profile.ts';

// Which failures are retried (transient ones, on operations safe to repeat) and which are not,
// and what sendEdoc reports when its outcome cannot be known.

const SECRET = 'secret-for-fault-tests';
const FAST_RETRY = { attempts: 4, baseDelayMs: 5, maxDelayMs: 20 };
const LIST = envelope({ data: [{ docId: 'x1' }] });

describe('hub client: retries and failures', () => {
  let server: RecordingServer;
  let client: HubClient;
  let dir: { dir: string; cleanup: () => void };
  let packagePath: string;

  beforeAll(() => {
    dir = tempDir('vanthu-hub-faults-');
    packagePath = join(dir.dir, 'p.edxml');
    writeFileSync(packagePath, `<edXMLEnvelope>${'x'.repeat(200_000)}</edXMLEnvelope>`);
  });
  afterAll(() => dir.cleanup());
  beforeEach(async () => {
    server = await startRecordingServer();
    client = createHubClient({ endpoint: server.url, systemId: 'sys', secret: SECRET, retry: FAST_RETRY });
  });
  afterEach(async () => {
    client.close();
    await server.close();
  });

  it('retries getReceivedEdocList after 503s and a reset connection, then succeeds', async () => {
    server.on('getReceivedEdocList', json(envelope({}, '503', 'busy'), 503), hangUp(), json('', 504), json(LIST));
    const list = await client.getReceivedEdocList({ messageType: 'edoc' });
    expect(list.map((i) => i.docId)).toEqual(['x1']);
    expect(server.of('getReceivedEdocList')).toHaveLength(4);
  });

  it('gives up after the policy\'s attempts with a transient HUB_UNREACHABLE', async () => {
    server.on('getReceivedEdocList', json('', 502));
    const e = await expectAppErrorAsync(() => client.getReceivedEdocList({ messageType: 'edoc' }), 'HUB_UNREACHABLE', /Không kết nối được/);
    expect(e.data).toMatchObject({ operation: 'getReceivedEdocList', transient: true, httpStatus: 502 });
    expect(server.of('getReceivedEdocList')).toHaveLength(FAST_RETRY.attempts);
  });

  it('does not retry a refusal (400 or a FAIL envelope) nor a plain 500', async () => {
    server.on('getReceivedEdocList', json(envelope({}, '400', 'Bad request'), 400));
    await expectAppErrorAsync(() => client.getReceivedEdocList({ messageType: 'edoc' }), 'HUB_REFUSED');
    expect(server.of('getReceivedEdocList')).toHaveLength(1);

    server.on('getSentEdocList', json(envelope({}, '-1', 'Sai chu ky')));
    const refused = await expectAppErrorAsync(() => client.getSentEdocList({ messageType: 'edoc' }), 'HUB_REFUSED');
    expect(refused.data).toMatchObject({ errorCode: '-1', errorDesc: 'Sai chu ky', httpStatus: 200 });
    expect(server.of('getSentEdocList')).toHaveLength(1);

    server.on('getAgenciesList', json('oops', 500));
    const e = await expectAppErrorAsync(() => client.getAgenciesList(), 'HUB_UNREACHABLE');
    expect(e.data).toMatchObject({ transient: false, httpStatus: 500 });
    expect(server.of('getAgenciesList')).toHaveLength(1);
  });

  it('times out an answer that never comes (idle timeout), and retries it as transient', async () => {
    const slow = createHubClient({ endpoint: server.url, systemId: 'sys', secret: SECRET, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 }, idleTimeoutMs: 300 });
    server.on('countReceiveEdoc', silence(), json(envelope({ count: 2 })));
    try {
      expect(await slow.countReceiveEdoc()).toBe(2);
      expect(server.of('countReceiveEdoc')).toHaveLength(2);
    } finally {
      slow.close();
    }
  });

  it('times out a download that stalls in the middle of the body', async () => {
    const slow = createHubClient({ endpoint: server.url, systemId: 'sys', secret: SECRET, retry: { attempts: 1 }, idleTimeoutMs: 300 });
    server.on('downloadEdoc', (_r, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': 1000 });
      res.write('<edXMLEnvelope>');
    });
    try {
      const started = performance.now();
      const e = await expectAppErrorAsync(() => slow.downloadEdoc('d', join(dir.dir, 'stalled.edxml')), 'HUB_UNREACHABLE');
      expect(e.data).toMatchObject({ cause: 'ETIMEDOUT', transient: true });
      expect(performance.now() - started).toBeLessThan(2000);
    } finally {
      slow.close();
    }
  });

  it('never retries sendEdoc; a connection dropped after the body was sent is an unknown outcome', async () => {
    server.on('sendEdoc', hangUp());
    const e = await expectAppErrorAsync(() => client.sendEdoc(packagePath, { from: '000.46.24.H17', messageType: 'edoc' }), 'HUB_UNREACHABLE', /chưa biết trục đã nhận/);
    expect(e.data).toMatchObject({ operation: 'sendEdoc', outcome: 'unknown' });
    const requests = server.of('sendEdoc');
    expect(requests).toHaveLength(1);
    // The hub did receive the whole package: exactly why a resend could duplicate it.
    expect(requests[0]?.body.length).toBe(200_000 + '<edXMLEnvelope></edXMLEnvelope>'.length + 2);
  });

  it('never retries sendEdoc after a 503 either (the outcome is unknown), and reports a FAIL as refused', async () => {
    server.on('sendEdoc', json('', 503), json(envelope({}, '9', 'Goi tin khong hop le')));
    const unknown = await expectAppErrorAsync(() => client.sendEdoc(packagePath, { from: '000.46.24.H17', messageType: 'edoc' }), 'HUB_UNREACHABLE');
    expect(unknown.data).toMatchObject({ outcome: 'unknown', httpStatus: 503 });
    expect(server.of('sendEdoc')).toHaveLength(1);
    const refused = await expectAppErrorAsync(() => client.sendEdoc(packagePath, { from: '000.46.24.H17', messageType: 'edoc' }), 'HUB_REFUSED');
    expect(refused.data).toMatchObject({ outcome: 'refused', errorCode: '9' });
    expect(server.of('sendEdoc')).toHaveLength(2);
  });

  it('sendEdoc to a port that refuses the connection: not sent, and not retried', async () => {
    const refusing = createHubClient({ endpoint: await closedPortUrl(), systemId: 'sys', secret: SECRET, retry: FAST_RETRY });
    try {
      const e = await expectAppErrorAsync(() => refusing.sendEdoc(packagePath, { from: '000.46.24.H17', messageType: 'edoc' }), 'HUB_UNREACHABLE', /Không kết nối được/);
      expect(e.data).toMatchObject({ operation: 'sendEdoc', outcome: 'not-sent', cause: 'ECONNREFUSED', transient: true });
    } finally {
      refusing.close();
    }
  });

  it('probe: true with the latency when the hub answers (even a refusal), false within its timeout when it hangs', async () => {
    server.on('countReceiveEdoc', json(envelope({ count: 0 })), json(envelope({}, '-1', 'bad secret')));
    // The latency is a measured time: whole milliseconds, under the probe's deadline.
    const up = await client.probe();
    expect(up).toEqual({ reachable: true, latencyMs: expect.any(Number), detail: null });
    expect(Number.isInteger(up.latencyMs)).toBe(true);
    expect(up.latencyMs).toBeLessThan(DEFAULT_PROBE_TIMEOUT_MS);
    // A refusal is an answer: the network is up, and the detail says what the hub refused.
    expect(await client.probe()).toEqual({ reachable: true, latencyMs: expect.any(Number), detail: 'countReceiveEdoc: HTTP 200, status FAIL, ErrorCode -1, ErrorDesc bad secret' });

    const silent = await startSilentServer();
    const hung = createHubClient({ endpoint: silent.url, systemId: 'sys', secret: SECRET, retry: FAST_RETRY });
    try {
      const started = performance.now();
      const down = await hung.probe(800);
      const elapsed = performance.now() - started;
      expect(down).toMatchObject({ reachable: false, latencyMs: null });
      expect(elapsed).toBeGreaterThanOrEqual(700);
      expect(elapsed).toBeLessThan(2500);
    } finally {
      hung.close();
      await silent.close();
    }

    const nowhere = createHubClient({ endpoint: await closedPortUrl(), systemId: 'sys', secret: SECRET });
    try {
      expect((await nowhere.probe()).reachable).toBe(false);
    } finally {
      nowhere.close();
    }
  });
});
