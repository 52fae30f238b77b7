import http, { type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A CA's CRL distribution point on loopback: each path answers what the test set (a list, an
// HTTP error, a redirect, silence, an endless stream), and every request is recorded with its
// headers so a test can see what the client asked.

export type CrlRoute =
  | { readonly kind: 'crl'; readonly body: Uint8Array; readonly etag?: string; readonly contentType?: string; readonly chunked?: boolean }
  | { readonly kind: 'status'; readonly status: number }
  | { readonly kind: 'redirect'; readonly location: string }
  // Takes the request and never answers.
  | { readonly kind: 'hang' }
  // Answers 200 and sends zero bytes until the client goes away.
  | { readonly kind: 'endless' };

export interface CrlServer {
  readonly origin: string;
  readonly requests: { readonly path: string; readonly headers: IncomingHttpHeaders }[];
  url(path: string): string;
  set(path: string, route: CrlRoute): void;
  close(): Promise<void>;
}

function answer(route: CrlRoute | undefined, headers: IncomingHttpHeaders, res: ServerResponse): void {
  if (!route) {
    res.writeHead(404).end('not found');
    return;
  }
  switch (route.kind) {
    case 'crl': {
      if (route.etag && headers['if-none-match'] === route.etag) {
        res.writeHead(304, { etag: route.etag }).end();
        return;
      }
      const head: Record<string, string> = { 'content-type': route.contentType ?? 'application/pkix-crl' };
      if (route.etag) head.etag = route.etag;
      if (!route.chunked) head['content-length'] = String(route.body.length);
      res.writeHead(200, head);
      res.end(Buffer.from(route.body));
      return;
    }
    case 'status':
      res.writeHead(route.status).end(`status ${route.status}`);
      return;
    case 'redirect':
      res.writeHead(302, { location: route.location }).end();
      return;
    case 'hang':
      return;
    case 'endless': {
      res.writeHead(200, { 'content-type': 'application/pkix-crl' });
      const chunk = Buffer.alloc(64 * 1024);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
      return;
    }
  }
}

export async function startCrlServer(): Promise<CrlServer> {
  const routes = new Map<string, CrlRoute>();
  const requests: CrlServer['requests'][number][] = [];
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ path, headers: req.headers });
    answer(routes.get(path), req.headers, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    requests,
    url: (path) => `${origin}${path}`,
    set: (path, route) => void routes.set(path, route),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
