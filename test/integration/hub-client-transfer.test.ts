import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHubClient, type HubClient } from '../../src/main/hub/hub-client.ts';
import { partialPath } from '../../src/main/hub/edoc-files.ts';
import { expectAppErrorAsync } from '../support/app-error.ts';
import { envelope, hangUp, json, type RecordingServer, type Responder, startRecordingServer } from '../support/recording-server.ts';
import { tempDir } from '../support/temp-profile.ts';

// Moving packages down from the hub: downloadEdoc resumes with Range after a cut and lands
// durably under its final name; getEdoc decodes a large base64 JSON answer as it streams.

const PACKAGE = randomBytes(3 * 1024 * 1024 + 123);
const SHA256 = createHash('sha256').update(PACKAGE).digest('hex');

// Sends the first `cutAt` bytes of the package, then drops the connection.
function cutAfter(cutAt: number): Responder {
  return (_r, res) => {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': PACKAGE.length });
    res.write(PACKAGE.subarray(0, cutAt), () => setTimeout(() => res.socket?.destroy(), 20));
  };
}

// Honours "Range: bytes=N-" with a 206, or sends everything when there is no Range.
const ranged: Responder = (request, res) => {
  const m = /^bytes=(\d+)-$/.exec(request.headers.range ?? '');
  if (!m) {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': PACKAGE.length });
    res.end(PACKAGE);
    return;
  }
  const start = Number(m[1]);
  res.writeHead(206, { 'Content-Type': 'application/octet-stream', 'Content-Length': PACKAGE.length - start, 'Content-Range': `bytes ${start}-${PACKAGE.length - 1}/${PACKAGE.length}` });
  res.end(PACKAGE.subarray(start));
};

// A range-blind server: always the whole package with 200.
const whole: Responder = (_r, res) => {
  res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': PACKAGE.length });
  res.end(PACKAGE);
};

describe('hub client: downloading packages', () => {
  let server: RecordingServer;
  let client: HubClient;
  let dir: { dir: string; cleanup: () => void };
  let n = 0;
  const dest = (): string => join(dir.dir, `in-${++n}.edxml`);

  beforeAll(() => {
    dir = tempDir('vanthu-hub-transfer-');
  });
  afterAll(() => dir.cleanup());
  beforeEach(async () => {
    server = await startRecordingServer();
    client = createHubClient({ endpoint: server.url, systemId: 'sys', secret: 's', retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 10 } });
  });
  afterEach(async () => {
    client.close();
    await server.close();
  });

  it('resumes with Range after the connection is cut, and the file is exactly the package', async () => {
    const cutAt = 1_000_000;
    server.on('downloadEdoc', cutAfter(cutAt), ranged);
    const target = dest();
    const progress: number[] = [];
    const got = await client.downloadEdoc('doc-1', target, { onProgress: (p) => progress.push(p.received) });

    // It resumes from what reached its file before the cut: at most what the server wrote (a
    // loaded machine may deliver less before the socket goes).
    expect(got).toMatchObject({ size: PACKAGE.length, sha256: SHA256 });
    expect(got.resumedFrom).toBeGreaterThan(0);
    expect(got.resumedFrom).toBeLessThanOrEqual(cutAt);
    expect(readFileSync(target).equals(PACKAGE)).toBe(true);
    expect(existsSync(partialPath(target))).toBe(false);
    const [first, second] = server.of('downloadEdoc');
    expect(first?.headers.range).toBeUndefined();
    expect(second?.headers.range).toBe(`bytes=${got.resumedFrom}-`);
    expect(progress.at(-1)).toBe(PACKAGE.length);
    expect(progress.every((v, i) => i === 0 || v >= (progress[i - 1] ?? 0))).toBe(true);
  });

  it('starts over when the server ignores Range (200 instead of 206)', async () => {
    server.on('downloadEdoc', cutAfter(500_000), whole);
    const target = dest();
    const got = await client.downloadEdoc('doc-2', target);
    expect(got).toEqual({ size: PACKAGE.length, sha256: SHA256, resumedFrom: 0 });
    expect(server.of('downloadEdoc')[1]?.headers.range).toBe('bytes=500000-');
    expect(readFileSync(target).equals(PACKAGE)).toBe(true);
  });

  it('resumes a partial file left by an earlier run', async () => {
    server.on('downloadEdoc', ranged);
    const target = dest();
    writeFileSync(partialPath(target), PACKAGE.subarray(0, 2_000_000));
    const got = await client.downloadEdoc('doc-3', target);
    expect(got).toEqual({ size: PACKAGE.length, sha256: SHA256, resumedFrom: 2_000_000 });
    expect(server.of('downloadEdoc')).toHaveLength(1);
    expect(readFileSync(target).equals(PACKAGE)).toBe(true);
  });

  it('refuses a JSON FAIL answer in place of the package and leaves no file behind', async () => {
    server.on('downloadEdoc', json(envelope({}, '404', 'Document not found')));
    const target = dest();
    const e = await expectAppErrorAsync(() => client.downloadEdoc('missing', target), 'HUB_REFUSED');
    expect(e.data).toMatchObject({ errorCode: '404', errorDesc: 'Document not found' });
    expect(existsSync(target)).toBe(false);
    expect(existsSync(partialPath(target))).toBe(false);
    expect(server.of('downloadEdoc')).toHaveLength(1);
  });

  it('keeps the partial file when every try is cut, for the next sync to resume', async () => {
    server.on('downloadEdoc', cutAfter(700_000), hangUp());
    const target = dest();
    await expectAppErrorAsync(() => client.downloadEdoc('doc-4', target), 'HUB_UNREACHABLE');
    expect(existsSync(target)).toBe(false);
    // What reached the file before the cut, at most what the server wrote, and exactly those bytes.
    const partial = readFileSync(partialPath(target));
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThanOrEqual(700_000);
    expect(partial.equals(PACKAGE.subarray(0, partial.length))).toBe(true);
  });
});

describe('hub client: getEdoc', () => {
  let server: RecordingServer;
  let client: HubClient;
  let dir: { dir: string; cleanup: () => void };

  beforeAll(() => {
    dir = tempDir('vanthu-hub-getedoc-');
  });
  afterAll(() => dir.cleanup());
  beforeEach(async () => {
    server = await startRecordingServer();
    client = createHubClient({ endpoint: server.url, systemId: 'sys', secret: 's', retry: { attempts: 1 } });
  });
  afterEach(async () => {
    client.close();
    await server.close();
  });

  it('decodes a multi-MB base64 data member streamed in small chunks, with "/" escaped as some servers do', async () => {
    const b64 = PACKAGE.toString('base64').replace(/\//g, '\\/');
    const body = Buffer.from(`{"status":"OK","ErrorCode":"0","ErrorDesc":"Thành công","data":"${b64}"}`);
    server.on('getEdoc', (_r, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      let i = 0;
      const next = (): void => {
        while (i < body.length) {
          const chunk = body.subarray(i, i + 16_384);
          i += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', next);
            return;
          }
        }
        res.end();
      };
      next();
    });
    const target = join(dir.dir, 'big.edxml');
    const got = await client.getEdoc('doc-big', target);
    expect(got).toEqual({ size: PACKAGE.length, sha256: SHA256 });
    expect(readFileSync(target).equals(PACKAGE)).toBe(true);
    expect(readdirSync(dir.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a FAIL envelope and bad base64, leaving nothing on disk', async () => {
    server.on('getEdoc', json(envelope({ data: null }, '-1', 'Not found')), json('{"status":"OK","ErrorCode":"0","data":"QU*D"}'));
    const target = join(dir.dir, 'nothing.edxml');
    const fail = await expectAppErrorAsync(() => client.getEdoc('x', target), 'HUB_REFUSED');
    expect(fail.data).toMatchObject({ errorCode: '-1' });
    await expectAppErrorAsync(() => client.getEdoc('x', target), 'HUB_REFUSED');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir.dir).filter((f) => f.startsWith('nothing'))).toEqual([]);
  });
});
