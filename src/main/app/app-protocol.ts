import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { CustomScheme } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp.ts';
import type { Logger } from '../log/logger.ts';
import { APP_SCHEME } from './app-origin.ts';
import { INDEX_SEGMENTS, resolveAppRequest } from './app-request.ts';
import { mimeTypeOf } from './mime-types.ts';

// Registered before 'ready'. `standard` gives the scheme real origins and relative URLs, `secure`
// makes it a secure context, `supportFetchAPI` lets the page fetch its own assets. Deliberately
// absent: `bypassCSP` (our CSP must apply), `corsEnabled` (other origins must not read our
// files), `allowServiceWorkers` (nothing may outlive a page load), `stream`, `codeCache`.
export const APP_SCHEME_REGISTRATION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

// Every response, errors included, carries the CSP as a header (a <meta> tag could be left out
// of one page and cannot set frame-ancestors) and `nosniff`, so Chromium executes only what is
// typed as script.
export function responseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  };
}

export type AppProtocolHandler = (request: Request) => Promise<Response>;

// Serves the renderer build (dist/renderer) on app://vanthu/. Only GET and HEAD, only files inside
// the folder; an unknown path without an extension is a client-side route and gets index.html,
// anything else unknown is a 404.
export function createAppProtocolHandler(rootDir: string, logger: Logger): AppProtocolHandler {
  const root = resolve(rootDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method Not Allowed');
    const target = resolveAppRequest(request.url);
    if (target.kind === 'refused') {
      logger.log('warn', 'app.protocol.refused', { url: request.url, reason: target.reason });
      return plain(target.status, target.status === 400 ? 'Bad Request' : 'Not Found');
    }
    const file = (await readInside(root, target.segments)) ?? (target.spaFallback ? await readInside(root, INDEX_SEGMENTS) : null);
    if (!file) return plain(404, 'Not Found');
    const body = request.method === 'HEAD' ? null : new Uint8Array(file.data);
    return new Response(body, { status: 200, headers: responseHeaders(mimeTypeOf(file.name)) });
  };
}

async function readInside(root: string, segments: readonly string[]): Promise<{ name: string; data: Buffer } | null> {
  const path = join(root, ...segments);
  // Belt and braces behind resolveAppRequest: whatever the segments were, the file must be
  // strictly inside the renderer folder.
  const rel = relative(root, path);
  if (rel === '' || isAbsolute(rel) || rel.split(sep)[0] === '..') return null;
  try {
    return { name: segments[segments.length - 1] ?? '', data: await readFile(path) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return null;
    throw e;
  }
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: responseHeaders('text/plain; charset=utf-8') });
}
