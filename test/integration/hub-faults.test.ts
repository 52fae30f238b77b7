import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src/hub/main.ts';
import { ROOT } from '../support/cli.ts';
import { A, B, CRED_A, CRED_B, documentPackage, testHubDir, type TestHubDir } from '../support/hub-fixtures.ts';
import { hubCall, sdkHashFile, type HubResponse } from '../support/hub-request.ts';

let dir: TestHubDir;
let hub: RunningHub;

beforeEach(async () => {
  dir = testHubDir();
  hub = await dir.start();
});

afterEach(async () => {
  await hub.close();
  dir.remove();
});

function code(r: HubResponse): string {
  return r.json<{ ErrorCode: string }>().ErrorCode;
}

function send(pkg: Buffer): Promise<HubResponse> {
  return hubCall(hub.url, 'sendEdoc', CRED_A, {
    params: { from: A, servicetype: 'eDoc', messagetype: 'edoc', 'hash-file': sdkHashFile(pkg) },
    contentType: 'application/octet-stream',
    body: pkg,
  });
}

// A valid package of about `bytes`: the sample with a comment after the root element.
function bigPackage(bytes: number): Buffer {
  const base = documentPackage(A, [B]);
  return Buffer.concat([base, Buffer.from(`\n<!--${'x'.repeat(bytes - base.length - 9)}-->\n`)]);
}

async function pendingIds(): Promise<string[]> {
  const r = await hubCall(hub.url, 'getReceivedEdocList', CRED_B, { params: { messagetype: 'edoc' } });
  return r.json<{ data: { docId: string }[] }>().data.map((d) => d.docId);
}

describe('reference hub fault knobs', () => {
  it('adds latency to every request', async () => {
    hub.faults.latencyMs = 300;
    const t0 = performance.now();
    expect(code(await hubCall(hub.url, 'getAgenciesList', CRED_A))).toBe('0');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
  });

  it('caps the bandwidth of uploads and downloads', async () => {
    const pkg = bigPackage(2 * 1024 * 1024);
    hub.faults.bandwidthBytesPerSec = 1024 * 1024;
    let t0 = performance.now();
    expect(code(await send(pkg))).toBe('0');
    expect(performance.now() - t0).toBeGreaterThanOrEqual(1800);

    const [docId] = await pendingIds();
    hub.faults.bandwidthBytesPerSec = 2 * 1024 * 1024;
    t0 = performance.now();
    const dl = await hubCall(hub.url, 'downloadEdoc', CRED_B, { method: 'GET', params: { docId: docId ?? '' } });
    const seconds = (performance.now() - t0) / 1000;
    expect(dl.body.length).toBeGreaterThan(pkg.length);
    expect(seconds).toBeGreaterThanOrEqual(0.85);
    expect(seconds).toBeLessThan(3);
  });

  it('drops the connection after N bytes of a response, once or every time', async () => {
    await send(documentPackage(A, [B]));
    const [docId] = await pendingIds();
    hub.faults.dropOperations = ['downloadEdoc'];
    hub.faults.dropAfterBytes = 5000;
    hub.faults.dropMode = 'once';
    const cut = await hubCall(hub.url, 'downloadEdoc', CRED_B, { method: 'GET', params: { docId: docId ?? '' } });
    expect(cut.aborted).toBe(true);
    expect(cut.body.length).toBe(5000);
    expect(Number(cut.headers['content-length'])).toBeGreaterThan(5000);
    expect(hub.faults.dropAfterBytes).toBeNull();
    const whole = await hubCall(hub.url, 'downloadEdoc', CRED_B, { method: 'GET', params: { docId: docId ?? '' } });
    expect(whole.aborted).toBe(false);
    expect(whole.body.length).toBe(Number(whole.headers['content-length']));

    hub.faults.dropAfterBytes = 100;
    hub.faults.dropMode = 'always';
    for (let i = 0; i < 2; i++) {
      const r = await hubCall(hub.url, 'downloadEdoc', CRED_B, { method: 'GET', params: { docId: docId ?? '' } });
      expect(r.aborted).toBe(true);
      expect(r.body.length).toBe(100);
    }
    // Other operations are not cut.
    expect(code(await hubCall(hub.url, 'getAgenciesList', CRED_A))).toBe('0');
  });

  it('drops before the status line after doing the work: a send whose outcome the client cannot know', async () => {
    hub.faults.dropAfterBytes = 0;
    hub.faults.dropOperations = ['sendEdoc'];
    await expect(send(documentPackage(A, [B]))).rejects.toThrow();
    expect(hub.store.packages()).toHaveLength(1);
    expect(await pendingIds()).toHaveLength(1);
  });

  it('answers 503 at the configured rate, the same sequence for the same seed', async () => {
    hub.faults.errorRate = 1;
    const r = await hubCall(hub.url, 'getAgenciesList', CRED_A);
    expect(r.status).toBe(503);
    expect(r.json()).toMatchObject({ status: 'FAIL', ErrorCode: '98' });
    expect(code(await send(documentPackage(A, [B])))).toBe('98');
    expect(hub.store.packages()).toEqual([]);

    const run = async (seed: number): Promise<number[]> => {
      hub.faults.errorRate = 0.5;
      hub.faults.errorSeed = seed;
      const statuses: number[] = [];
      for (let i = 0; i < 16; i++) statuses.push((await hubCall(hub.url, 'getAgenciesList', CRED_A)).status);
      return statuses;
    };
    const first = await run(42);
    expect(await run(42)).toEqual(first);
    expect(first).toContain(503);
    expect(first).toContain(200);
  });

  it('re-delivers an acknowledged package once', async () => {
    await send(documentPackage(A, [B]));
    const [docId] = await pendingIds();
    hub.faults.redeliverAcks = 1;
    expect(code(await hubCall(hub.url, 'updateStatus', CRED_B, { params: { docId: docId ?? '', status: 'done' } }))).toBe('0');
    expect(await pendingIds()).toEqual([docId]);
    expect(hub.faults.redeliverAcks).toBe(0);
    await hubCall(hub.url, 'updateStatus', CRED_B, { params: { docId: docId ?? '', status: 'done' } });
    expect(await pendingIds()).toEqual([]);
    expect(hub.store.deliveries(B)).toEqual([expect.objectContaining({ ackCount: 2, redeliveredCount: 1, pending: false })]);
    // And on demand, from a test.
    expect(hub.store.redeliver(docId ?? '')).toBe(true);
    expect(await pendingIds()).toEqual([docId]);
  });

  it('runs from the command line with its knobs and prints one line when listening', async () => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'src', 'hub', 'main.ts'), '--port', '0', '--data', join(dir.root, 'cli-data'), '--systems', dir.systemsFile, '--error-rate', '1'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      const url = /listening on (http:\S+)/.exec(line)?.[1];
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const r = await hubCall(url ?? '', 'getAgenciesList', CRED_A);
      expect(r.status).toBe(503);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    const bad = spawn(process.execPath, [join(ROOT, 'src', 'hub', 'main.ts'), '--data', dir.dataDir, '--systems', join(dir.root, 'missing.json')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    bad.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const [exitCode] = (await once(bad, 'exit')) as [number];
    expect(exitCode).toBe(2);
    expect(stderr).toContain('missing.json');
  });
});
