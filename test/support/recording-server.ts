import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import net, { type AddressInfo, type Socket } from 'node:net';

// A loopback HTTP(S) server for hub-client tests: it records every request exactly as it arrived
// (raw header names and order, body bytes) and answers what the test programmed for each
// operation. It checks the wire format, not behaviour: the reference hub does that.

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  // The last path segment: the hub operation.
  readonly operation: string;
  readonly headers: IncomingHttpHeaders;
  // [name, value, name, value…] as sent, names in their original case.
  readonly rawHeaders: readonly string[];
  readonly body: Buffer;
}

export type Responder = (request: RecordedRequest, res: ServerResponse, req: IncomingMessage) => void | Promise<void>;

export interface RecordingServer {
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  // Programs the answer(s) to an operation; a list is used one per request, the last repeating.
  on(operation: string, ...responders: Responder[]): void;
  of(operation: string): RecordedRequest[];
  close(): Promise<void>;
}

export interface RecordingServerOptions {
  readonly tls?: { readonly key: string; readonly cert: string };
  // Prefix before the operation, like a real adapter's /XrdAdapter/adapter.
  readonly basePath?: string;
}

export function envelope(payload: Record<string, unknown> = {}, errorCode = '0', errorDesc = 'Success'): Record<string, unknown> {
  return { status: errorCode === '0' ? 'OK' : 'FAIL', ErrorCode: errorCode, ErrorDesc: errorDesc, ...payload };
}

export function json(body: unknown, status = 200): Responder {
  return (_request, res) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
    res.end(text);
  };
}

// Closes the connection without an answer, after the request (and its body) arrived.
export function hangUp(): Responder {
  return (_request, _res, req) => {
    req.socket.destroy();
  };
}

// Never answers.
export function silence(): Responder {
  return () => undefined;
}

export async function startRecordingServer(options: RecordingServerOptions = {}): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const programs = new Map<string, { responders: Responder[]; used: number }>();
  const sockets = new Set<Socket>();

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const operation = path.split('/').pop() ?? '';
      const request: RecordedRequest = { method: req.method ?? '', path, operation, headers: req.headers, rawHeaders: req.rawHeaders, body: Buffer.concat(chunks) };
      requests.push(request);
      const program = programs.get(operation);
      const responder = program ? program.responders[Math.min(program.used++, program.responders.length - 1)] : undefined;
      const answer = responder ?? json(envelope({}, '404', `no program for ${operation}`), 404);
      Promise.resolve(answer(request, res, req)).catch((e: unknown) => {
        res.destroy(e as Error);
      });
    });
  };
  const server = options.tls ? https.createServer({ key: options.tls.key, cert: options.tls.cert }, handler) : http.createServer(handler);
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('secureConnection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const base = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}${options.basePath ?? ''}`;
  return {
    url: base,
    port,
    requests,
    on(operation, ...responders) {
      programs.set(operation, { responders, used: 0 });
    },
    of(operation) {
      return requests.filter((r) => r.operation === operation);
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// A TCP port that accepts connections and never says a word: the network path is up, the hub
// behind it is hung.
export async function startSilentServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('error', () => undefined);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// A loopback port with nothing listening: connecting is refused at once.
export async function closedPortUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
