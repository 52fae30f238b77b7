import { request } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBridge, type TestBridge } from '../support/bridge.ts';

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

// node:http rather than fetch, so that the Host and Origin headers can be forged.
function send(bridge: TestBridge, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Reply> {
  const url = new URL(bridge.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: url.port, method, path, agent: false, headers: { host: url.host, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the loopback bridge', () => {
  let bridge: TestBridge;
  const api = (op: string, headers: Record<string, string> = {}, body = '{}') =>
    send(bridge, 'POST', `/api/${op}`, { 'content-type': 'application/json', 'x-vanthu-token': bridge.token, ...headers }, body);

  beforeAll(async () => {
    bridge = await startTestBridge();
  });
  afterAll(async () => {
    await bridge?.cleanup();
  });

  it('listens on 127.0.0.1 only and serves the page with the CSP and nosniff', async () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await send(bridge, 'GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.body).toContain('<div id="root">');
  });

  it('answers contract operations through dispatch, validated against the contract', async () => {
    const info = JSON.parse((await api('app.info')).body) as { ok: boolean; value: { initialized: boolean } };
    expect(info).toMatchObject({ ok: true, value: { initialized: true } });
    const bad = JSON.parse((await api('documents.get', {}, '{"id":"x"}')).body) as { ok: boolean; error: { code: string } };
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses a missing or wrong token, a foreign Host or Origin, non-JSON and unknown operations', async () => {
    expect((await api('app.info', { 'x-vanthu-token': '' })).status).toBe(403);
    expect((await api('app.info', { 'x-vanthu-token': `${bridge.token}x` })).status).toBe(403);
    expect((await api('app.info', { host: `evil.example:${new URL(bridge.url).port}` })).status).toBe(403);
    expect((await api('app.info', { host: `localhost:${new URL(bridge.url).port}` })).status).toBe(403);
    expect((await api('app.info', { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('app.info', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await api('toString')).status).toBe(404);
    expect((await api('__proto__')).status).toBe(404);
    expect((await send(bridge, 'GET', '/api/app.info')).status).toBe(405);
    expect((await api('app.info', {}, '{not json')).status).toBe(400);
  });

  it('refuses a body over the limit from its declared length', async () => {
    const reply = await send(bridge, 'POST', '/api/app.info', {
      'content-type': 'application/json',
      'x-vanthu-token': bridge.token,
      'content-length': String(200 * 1024 * 1024),
    });
    expect(reply.status).toBe(413);
  });

  // A path such as /../package.json is folded to /package.json by the server's URL parser before
  // the static-file guard sees it. These are sent byte for byte (node:http does not touch the
  // path) and keep their `..` through the parser as encoded separators, so only the guard, which
  // decodes them, stands between them and the repository's package.json two folders up.
  it('serves nothing outside the renderer folder, however the way out is spelt', async () => {
    // The control: an encoded path that stays inside dist/renderer is decoded and served, so the
    // refusals below come from the guard and not from a path the server never resolved.
    const inside = await send(bridge, 'GET', '/assets%2f..%2findex.html');
    expect(inside.status).toBe(200);
    expect(inside.body).toContain('<div id="root">');
    for (const path of [
      '/..%2f..%2fpackage.json',
      '/%2e%2e%2f%2e%2e%2fpackage.json',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/%2e%2e%5c%2e%2e%5cpackage.json',
      '/index.html%00.json',
    ]) {
      const reply = await send(bridge, 'GET', path);
      expect({ path, status: reply.status }).toEqual({ path, status: 404 });
      expect(reply.body).not.toContain('"name"');
    }
  });

  it('hands out exported files by plain name and with the token only', async () => {
    writeFileSync(join(bridge.profileDir, 'exports', 'so-van-ban-den-2026.csv'), 'Số đến;Ngày đến\n');
    const withToken = await send(bridge, 'GET', '/exports/so-van-ban-den-2026.csv', { 'x-vanthu-token': bridge.token });
    expect(withToken.status).toBe(200);
    expect(withToken.body).toBe('Số đến;Ngày đến\n');
    expect(withToken.headers['content-disposition']).toContain('attachment');
    expect((await send(bridge, 'GET', '/exports/so-van-ban-den-2026.csv')).status).toBe(403);
    expect((await send(bridge, 'GET', '/exports/..%2fvanthu.db', { 'x-vanthu-token': bridge.token })).status).toBe(404);
    expect((await send(bridge, 'GET', '/exports/.hidden', { 'x-vanthu-token': bridge.token })).status).toBe(404);
  });
});
