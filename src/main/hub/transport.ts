import { createReadStream } from 'node:fs';
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { rootCertificates } from 'node:tls';
import { mapFsError } from '../files/durable-fs.ts';

// One HTTP exchange with the hub: connect and idle timeouts, an optional overall deadline, and
// a record of whether the connection was ever made (for sendEdoc: "not sent" vs "unknown").

export type RequestBody =
  | { readonly kind: 'bytes'; readonly data: Buffer }
  // A file streamed from disk, then `trailer` (the SDK ends the upload with CRLF).
  | { readonly kind: 'file'; readonly path: string; readonly size: number; readonly trailer: Buffer };

export interface HubRequest {
  readonly url: URL;
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body: RequestBody | null;
  readonly agent: http.Agent;
  readonly connectTimeoutMs: number;
  readonly idleTimeoutMs: number;
  readonly deadlineMs?: number;
}

export interface HubResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: IncomingMessage;
  // True once the TCP (and TLS) connection was established.
  readonly connected: () => boolean;
}

// A network failure: `code` is the errno (ECONNREFUSED, ECONNRESET…) or ETIMEDOUT for ours.
export class TransportFailure extends Error {
  readonly code: string;
  readonly connected: boolean;

  constructor(code: string, message: string, connected: boolean) {
    super(message);
    this.name = 'TransportFailure';
    this.code = code;
    this.connected = connected;
  }
}

export function toTransportFailure(e: unknown, connected: boolean): TransportFailure {
  if (e instanceof TransportFailure) return e;
  const err = e as NodeJS.ErrnoException | undefined;
  // A body cut short surfaces as "aborted" without an errno: the peer went away mid-stream.
  return new TransportFailure(err?.code ?? 'ECONNRESET', err?.message ?? String(e), connected);
}

export interface Agents {
  // Keep-alive, for repeatable operations.
  readonly pooled: http.Agent;
  // A fresh connection per request, for sendEdoc: a stale pooled socket would turn a harmless
  // reconnect into an "outcome unknown".
  readonly fresh: http.Agent;
}

export function createAgents(endpoint: URL, caCertificates: readonly string[] | undefined): Agents {
  if (endpoint.protocol === 'https:') {
    // Our CAs are added to the usual ones, not swapped for them: the hub may sit behind either.
    const ca = caCertificates && caCertificates.length > 0 ? [...rootCertificates, ...caCertificates] : undefined;
    return { pooled: new https.Agent({ keepAlive: true, ca }), fresh: new https.Agent({ keepAlive: false, ca }) };
  }
  return { pooled: new http.Agent({ keepAlive: true }), fresh: new http.Agent({ keepAlive: false }) };
}

function contentLength(body: RequestBody | null): number {
  if (!body) return 0;
  return body.kind === 'bytes' ? body.data.length : body.size + body.trailer.length;
}

export function sendRequest(request: HubRequest): Promise<HubResponse> {
  return new Promise((resolve, reject) => {
    const secure = request.url.protocol === 'https:';
    const transport = secure ? https : http;
    const headers: Record<string, string> = { ...request.headers };
    if (request.method === 'POST') headers['Content-Length'] = String(contentLength(request.body));
    const req = transport.request(request.url, { method: request.method, headers, agent: request.agent });
    let connected = false;
    let response: IncomingMessage | null = null;
    let localError: unknown = null;
    const timers: NodeJS.Timeout[] = [];
    const clear = (): void => timers.forEach((t) => clearTimeout(t));

    const fail = (failure: TransportFailure): void => {
      if (response) response.destroy(failure);
      else req.destroy(failure);
    };
    const timeout = (what: string): void => fail(new TransportFailure('ETIMEDOUT', `${what} timed out`, connected));

    req.on('socket', (socket: Socket) => {
      if (!socket.connecting) {
        connected = true;
        return;
      }
      const connectTimer = setTimeout(() => timeout(`connecting to ${request.url.host}`), request.connectTimeoutMs);
      timers.push(connectTimer);
      socket.once(secure ? 'secureConnect' : 'connect', () => {
        connected = true;
        clearTimeout(connectTimer);
      });
    });
    req.setTimeout(request.idleTimeoutMs, () => timeout(`waiting for ${request.url.pathname} (idle)`));
    if (request.deadlineMs !== undefined) timers.push(setTimeout(() => timeout(`${request.url.pathname}`), request.deadlineMs));

    req.on('error', (e) => {
      clear();
      if (localError) reject(localError);
      else reject(toTransportFailure(e, connected));
    });
    req.on('response', (res) => {
      response = res;
      res.on('close', clear);
      resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res, connected: () => connected });
    });

    const body = request.body;
    if (!body) {
      req.end();
    } else if (body.kind === 'bytes') {
      req.end(body.data);
    } else {
      const file = createReadStream(body.path, { highWaterMark: 1 << 20 });
      file.on('error', (e) => {
        localError = mapFsError(e, body.path);
        req.destroy(e);
      });
      file.on('end', () => req.end(body.trailer));
      file.pipe(req, { end: false });
    }
  });
}

export function operationUrl(endpoint: URL, operation: string): URL {
  const url = new URL(endpoint.href);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${operation}`;
  url.search = '';
  return url;
}
