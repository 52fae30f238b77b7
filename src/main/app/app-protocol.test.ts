import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.ts';
import { silentLogger } from '../log/logger.ts';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from './app-origin.ts';
import { APP_SCHEME_REGISTRATION, type AppProtocolHandler, createAppProtocolHandler } from './app-protocol.ts';
import { resolveAppRequest } from './app-request.ts';

// A renderer folder inside a temp dir, with a secret next to it that must never be served.
let base: string;
let serve: AppProtocolHandler;
const SECRET = 'SECRET-OUTSIDE-ROOT';

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'vanthu-protocol-'));
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>VanThu</title>');
  writeFileSync(join(root, 'assets', 'app-1a2b.js'), 'export const x = 1;');
  writeFileSync(join(root, 'assets', 'app-1a2b.css'), 'body{}');
  writeFileSync(join(root, 'assets', 'font.woff2'), 'wOF2');
  writeFileSync(join(base, 'secret.txt'), SECRET);
  writeFileSync(join(base, 'secret'), SECRET);
  serve = createAppProtocolHandler(root, silentLogger);
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

describe('Content-Security-Policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('denies by default and allows nothing inline, evaluated or remote', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|\*|https?:/);
  });
});

describe('app:// scheme registration', () => {
  it('is standard and secure and does not bypass the CSP or open CORS', () => {
    expect(APP_SCHEME_REGISTRATION.scheme).toBe('app');
    const p = APP_SCHEME_REGISTRATION.privileges ?? {};
    expect(p).toMatchObject({ standard: true, secure: true, supportFetchAPI: true });
    for (const risky of ['bypassCSP', 'corsEnabled', 'allowServiceWorkers', 'allowExtensions', 'stream'] as const) {
      expect(p[risky], risky).not.toBe(true);
    }
  });

  it('recognises only our exact origin', () => {
    expect(APP_ENTRY_URL.startsWith(`${APP_ORIGIN}/`)).toBe(true);
    expect(isAppUrl('app://vanthu/index.html')).toBe(true);
    for (const url of ['app://vanthu.evil/', 'app://evil/', 'app://x@vanthu/', 'app://vanthu:8080/', 'file:///index.html', 'https://vanthu/', 'not a url']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('app:// protocol handler', () => {
  it('serves the entry page with the CSP and nosniff headers', async () => {
    const res = await get(APP_ENTRY_URL);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>VanThu</title>');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('types scripts, styles and fonts correctly', async () => {
    expect((await get('app://vanthu/assets/app-1a2b.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://vanthu/assets/app-1a2b.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect((await get('app://vanthu/assets/font.woff2')).headers.get('content-type')).toBe('font/woff2');
  });

  it('answers client-side routes with index.html and unknown files with 404, both with the CSP', async () => {
    const route = await get('app://vanthu/registers/incoming?year=2026');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>VanThu</title>');
    const missing = await get('app://vanthu/assets/missing.js');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(missing.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('never serves a file outside the renderer folder', async () => {
    const attempts = [
      'app://vanthu/../secret.txt',
      'app://vanthu/../../secret',
      'app://vanthu/%2e%2e/secret.txt',
      'app://vanthu/assets/%2E%2E/%2e%2e/secret.txt',
      'app://vanthu/..%2fsecret.txt',
      'app://vanthu/assets%2f..%2f..%2fsecret.txt',
      'app://vanthu/..%5csecret.txt',
      'app://vanthu/..\\secret.txt',
      'app://vanthu/assets\\..\\..\\secret',
      'app://vanthu/%00secret.txt',
      'app://vanthu/C:%5cWindows%5cwin.ini',
      'app://vanthu/C:/Windows/win.ini',
      'app://vanthu//etc/passwd',
      'app://vanthu/../../etc/passwd',
      'app://vanthu/%E0%A4%A',
    ];
    for (const url of attempts) {
      const res = await get(url);
      const body = await res.text();
      expect(body, url).not.toContain(SECRET);
      expect(body, url).not.toMatch(/root:/);
      expect(res.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('refuses decoded separators and dot segments before touching the disk', () => {
    for (const url of ['app://vanthu/..%2fsecret.txt', 'app://vanthu/..%5csecret.txt', 'app://vanthu/a%00b', 'app://vanthu/C:%5cx']) {
      expect(resolveAppRequest(url), url).toMatchObject({ kind: 'refused', status: 400 });
    }
    expect(resolveAppRequest('https://vanthu/index.html')).toMatchObject({ kind: 'refused', status: 404 });
    expect(resolveAppRequest('app://other/index.html')).toMatchObject({ kind: 'refused', status: 404 });
  });

  it('serves only GET and HEAD', async () => {
    expect((await get(APP_ENTRY_URL, 'POST')).status).toBe(405);
    const head = await get(APP_ENTRY_URL, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('serves nothing for another host of the scheme', async () => {
    const res = await get('app://evil/index.html');
    expect(res.status).toBe(404);
  });
});
