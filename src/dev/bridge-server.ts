import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isOperationName } from '../shared/api/contract.ts';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp.ts';
import { resolveExportPath } from '../main/books/export-paths.ts';
import type { Clock } from '../main/registry/clock.ts';
import { fileKeyCipher } from '../main/hub/secret-cipher.ts';
import { createServices, type Services } from '../main/services/create-services.ts';
import { type CrlFetchPolicy, LOOPBACK_CRL_POLICY } from '../main/signing/trust/crl-policy.ts';
import type { DesktopPort } from '../main/services/handler-types.ts';
import type { SchedulerOptions } from '../main/sync/sync-scheduler.ts';
import { hostAllowed, isJson, originAllowed, TOKEN_HEADER, tokenMatches } from './bridge-guard.ts';
import { BodyTooLarge, readBody } from './read-body.ts';
import { readStaticFile } from './static-files.ts';

// Attachments travel base64-encoded inside JSON: 100 MB of file is ~134 MB of text.
const MAX_BODY_BYTES = 160 * 1024 * 1024;
const PLAIN_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;

export interface BridgeOptions {
  readonly profileDir: string;
  readonly rendererDir: string;
  readonly port?: number;
  readonly clock?: Clock;
  // Environment for the PKCS#11 modules (SOFTHSM2_CONF for the SoftHSM tokens of the tests).
  readonly tokenEnv?: Readonly<Record<string, string>>;
  // The automatic syncs (end of day, network back). Off unless asked: a test drives its syncs.
  readonly syncScheduler?: SchedulerOptions;
  // The hub probe's timeout for the sync (short in tests of an unreachable hub).
  readonly probeTimeoutMs?: number;
  // Which CRL distribution points may be fetched: loopback only unless asked, since the trust
  // list names the real CAs' servers and a test must not reach beyond loopback.
  readonly crlPolicy?: CrlFetchPolicy;
}

export interface Bridge {
  readonly url: string;
  readonly token: string;
  // The address to open: the token rides in the fragment, which the browser never sends.
  readonly pageUrl: string;
  close(): Promise<void>;
}

// The bridge cannot open files on the clerk's desktop; the UI offers a download instead.
const browserDesktop: DesktopPort = { openPath: async () => false };

function send(res: ServerResponse, status: number, body: string | Buffer, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

// The services as the bridge builds them: the same as the shell's, except that the hub secret is
// sealed with the profile's key file (no Electron safeStorage outside Electron) and files cannot
// be opened on a desktop.
export function createBridgeServices(options: Pick<BridgeOptions, 'profileDir' | 'clock' | 'tokenEnv' | 'probeTimeoutMs' | 'crlPolicy'>): Services {
  return createServices({
    profileDir: options.profileDir,
    desktop: browserDesktop,
    cipherFor: (p) => fileKeyCipher(p.paths.root),
    clock: options.clock,
    tokenEnv: options.tokenEnv,
    probeTimeoutMs: options.probeTimeoutMs,
    crlPolicy: options.crlPolicy ?? LOOPBACK_CRL_POLICY,
  });
}

// A dev and test tool that the packaged app never starts: it serves the built renderer and the
// API contract over HTTP on 127.0.0.1, through the same session, handlers and dispatch (contract
// validation included) as the Electron shell, so browser tests exercise the real services.
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const services = createBridgeServices(options);
  const { session, dispatch } = services;
  if (options.syncScheduler) services.startScheduler(options.syncScheduler);
  const token = randomBytes(32).toString('base64url');
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      session.logger.log('error', 'bridge.failed', { detail: e instanceof Error ? e.message : String(e) });
      if (!res.headersSent) send(res, 500, 'Lỗi máy chủ cầu nối.');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req, port)) return send(res, 403, 'Host không được phép.');
    const path = new URL(req.url ?? '/', `http://127.0.0.1:${port}`).pathname;
    if (path.startsWith('/api/')) return api(req, res, path.slice('/api/'.length));
    if (path.startsWith('/exports/')) return exported(req, res, path.slice('/exports/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Phương thức không được phép.');
    const file = await readStaticFile(options.rendererDir, path);
    if (!file) return send(res, 404, 'Không tìm thấy.');
    send(res, 200, file.body, file.contentType);
  }

  async function api(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'Phương thức không được phép.');
    if (!isOperationName(name)) return send(res, 404, 'Không có thao tác này.');
    if (!originAllowed(req, port) || !tokenMatches(token, req.headers[TOKEN_HEADER])) return send(res, 403, 'Sai mã truy cập.');
    if (!isJson(req)) return send(res, 415, 'Chỉ nhận JSON.');
    let input: unknown;
    try {
      input = JSON.parse((await readBody(req, MAX_BODY_BYTES)).toString('utf8'));
    } catch (e) {
      if (e instanceof BodyTooLarge) {
        // The unread rest of the body must not be taken for the next request on this connection.
        res.setHeader('Connection', 'close');
        return send(res, 413, 'Dữ liệu gửi lên quá lớn.');
      }
      return send(res, 400, 'JSON không hợp lệ.');
    }
    const envelope = await dispatch(name, input);
    send(res, 200, JSON.stringify(envelope), 'application/json; charset=utf-8');
  }

  async function exported(req: IncomingMessage, res: ServerResponse, rawName: string): Promise<void> {
    if (req.method !== 'GET') return send(res, 405, 'Phương thức không được phép.');
    if (!tokenMatches(token, req.headers[TOKEN_HEADER])) return send(res, 403, 'Sai mã truy cập.');
    if (!PLAIN_FILE_NAME.test(rawName)) return send(res, 404, 'Không tìm thấy.');
    let body: Buffer;
    try {
      body = await readFile(resolveExportPath(session.current().paths.exports, rawName));
    } catch {
      return send(res, 404, 'Không tìm thấy.');
    }
    res.setHeader('Content-Disposition', `attachment; filename="${rawName}"`);
    send(res, 200, body, 'application/octet-stream');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  // The same background quick_check the app runs after opening a profile (banner on failure).
  services.checkIntegrity();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    token,
    pageUrl: `${url}/#token=${token}`,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await services.close();
    },
  };
}
