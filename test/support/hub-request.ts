import { createHash, createHmac } from 'node:crypto';
import { request, type IncomingHttpHeaders } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

// A tiny, independent client for the reference hub's tests, building the XroadVnpt headers the
// way the official Java SDK does (hub-api.md): header map = systemid, timestamp, Content-Type,
// then the operation's parameters; each sent as XroadVnpt-<name>; sign-header-key = the names
// joined by ';'; sign-header = compact JSON of the prefixed headers in map order; hash-header =
// lowercase hex HMAC-SHA256 (key = secret as UTF-8) over the sign-header string.
export interface HubCredentials {
  readonly systemId: string;
  readonly secret: string;
}

export interface HubCallOptions {
  readonly method?: 'GET' | 'POST';
  readonly params?: Readonly<Record<string, string>>;
  readonly body?: Buffer | string | Readable;
  readonly contentType?: string;
  readonly timestamp?: Date;
  // Changes the final headers after signing (to test tampering, missing headers…).
  readonly tamper?: (headers: Record<string, string>) => void;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface HubResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  // The connection ended before the whole body arrived.
  readonly aborted: boolean;
  json<T = Record<string, unknown>>(): T;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

// Java SimpleDateFormat "ddMMyyyy'T'HHmmss+SSSS" in local time: '+' is a literal and SSSS the
// milliseconds padded to four digits (not a zone offset).
export function sdkTimestamp(d: Date): string {
  return `${pad(d.getDate())}${pad(d.getMonth() + 1)}${d.getFullYear()}T${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}+${pad(d.getMilliseconds(), 4)}`;
}

// The SDK's hash-file: SHA-256 as hex without zero padding per byte.
export function sdkHashFile(bytes: Buffer): string {
  return [...createHash('sha256').update(bytes).digest()].map((b) => b.toString(16)).join('');
}

// Header values travel as the UTF-8 bytes of the text (latin1 string = one char per byte).
function wire(value: string): string {
  return Buffer.from(value, 'utf8').toString('latin1');
}

export function signedHeaders(creds: HubCredentials, params: Readonly<Record<string, string>>, contentType: string, timestamp: Date): Record<string, string> {
  const map: [string, string][] = [
    ['systemid', creds.systemId],
    ['timestamp', sdkTimestamp(timestamp)],
    ['Content-Type', contentType],
    ...Object.entries(params),
  ];
  const signed: Record<string, string> = {};
  const headers: Record<string, string> = { 'Content-Type': contentType };
  for (const [name, value] of map) {
    signed[`XroadVnpt-${name}`] = value;
    headers[`XroadVnpt-${name}`] = wire(value);
  }
  const signHeader = JSON.stringify(signed);
  headers['XroadVnpt-sign-header-key'] = map.map(([n]) => n).join(';');
  headers['XroadVnpt-sign-header'] = wire(signHeader);
  headers['XroadVnpt-hash-header'] = createHmac('sha256', Buffer.from(creds.secret, 'utf8')).update(signHeader, 'utf8').digest('hex');
  headers['User-Agent'] = 'JAVASDKAgent/1.0.0 XRoad/VPCP';
  headers['XroadVnpt-version'] = '3.0.201608';
  return headers;
}

export function hubCall(baseUrl: string, operation: string, creds: HubCredentials, options: HubCallOptions = {}): Promise<HubResponse> {
  const method = options.method ?? 'POST';
  const contentType = options.contentType ?? 'application/json';
  const headers = { ...signedHeaders(creds, options.params ?? {}, contentType, options.timestamp ?? new Date()), ...options.headers };
  options.tamper?.(headers);
  return new Promise((resolve, reject) => {
    const req = request(`${baseUrl}/${operation}`, { method, headers, agent: false }, (res) => {
      const parts: Buffer[] = [];
      let aborted = false;
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('aborted', () => {
        aborted = true;
      });
      res.on('error', () => {
        aborted = true;
      });
      res.on('close', () => {
        const body = Buffer.concat(parts);
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body,
          aborted: aborted || !res.complete,
          json: <T,>() => JSON.parse(body.toString('utf8')) as T,
        });
      });
    });
    req.on('error', reject);
    const body = options.body ?? (method === 'POST' ? '{}' : undefined);
    // A string body would make Node write the header block in the body's encoding (UTF-8),
    // re-encoding the latin1 header bytes: send bytes.
    if (body instanceof Readable) pipeline(body, req).catch(reject);
    else req.end(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);
  });
}
