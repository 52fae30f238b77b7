import { createHmac } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';
import { javaHashMapOrder } from './java-hash-order.ts';

// The XroadVnpt-* authentication headers, built as the hub's official Java SDK builds them
// (hub-api.md "Authentication"). Pure: the caller passes the time.

export const VXP_USER_AGENT = 'JAVASDKAgent/1.0.0 XRoad/VPCP';
export const VXP_VERSION = '3.0.201608';
export const HEADER_PREFIX = 'XroadVnpt-';

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

// SimpleDateFormat("ddMMyyyy'T'HHmmss+SSSS"): '+' is a literal, not a zone offset, and SSSS is
// the millisecond of the second (0-999) zero-padded to four digits, so 08:02:03.789 prints
// "080203+0789" and .005 prints "+0005". The SDK formats in the JVM's zone; the hub and its
// clients run in Vietnam (UTC+7, no daylight saving), so we print Vietnam time whatever this
// machine's zone is.
export function vxpTimestamp(at: Date): string {
  const v = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  return (
    pad(v.getUTCDate(), 2) +
    pad(v.getUTCMonth() + 1, 2) +
    pad(v.getUTCFullYear(), 4) +
    'T' +
    pad(v.getUTCHours(), 2) +
    pad(v.getUTCMinutes(), 2) +
    pad(v.getUTCSeconds(), 2) +
    '+' +
    pad(v.getUTCMilliseconds(), 4)
  );
}

export interface SignInput {
  readonly systemId: string;
  readonly secret: string;
  // vxpTimestamp() of the moment the request is built.
  readonly timestamp: string;
  readonly contentType: string;
  // The operation's parameters, e.g. { servicetype: 'eDoc', messagetype: 'edoc' }.
  readonly params: Readonly<Record<string, string>>;
}

export interface SignedHeaders {
  // Every header to send, in the SDK's order; names are case-preserved.
  readonly headers: Readonly<Record<string, string>>;
  readonly signHeaderKey: string;
  readonly signHeader: string;
  readonly hashHeader: string;
}

const TOKEN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
// HTTP header values travel as bytes; the SDK signs UTF-8 but Apache HttpClient writes each
// char's low byte, so anything outside printable ASCII would not verify. Refuse it here rather
// than send a request the hub must reject.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const RESERVED = new Set(['systemid', 'timestamp', 'content-type']);

function checkEntry(name: string, value: string): void {
  if (!TOKEN.test(name) || !PRINTABLE_ASCII.test(value)) {
    throw new AppError(
      'INVALID_INPUT',
      'Thông tin gửi lên trục liên thông chứa ký tự không hợp lệ (chỉ dùng chữ không dấu, số và dấu câu thông thường).',
      `hub header ${JSON.stringify(name)} has a value outside printable ASCII or an invalid name`,
    );
  }
}

export function hmacSha256Hex(secret: string, message: string): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(Buffer.from(message, 'utf8')).digest('hex');
}

export function signHeaders(input: SignInput): SignedHeaders {
  // The SDK's map receives timestamp (constructor), then systemid, then Content-Type, then the
  // parameters; insertion order only matters between keys that share a bucket.
  const entries = new Map<string, string>([
    ['timestamp', input.timestamp],
    ['systemid', input.systemId],
    ['Content-Type', input.contentType],
  ]);
  for (const [name, value] of Object.entries(input.params)) {
    if (RESERVED.has(name.toLowerCase())) {
      throw new AppError('INTERNAL', 'Lỗi nội bộ khi tạo yêu cầu gửi trục liên thông.', `hub parameter ${name} collides with an authentication header`);
    }
    entries.set(name, value);
  }
  for (const [name, value] of entries) checkEntry(name, value);

  const order = javaHashMapOrder([...entries.keys()]);
  const headers: Record<string, string> = {};
  const signed: Record<string, string> = {};
  for (const name of order) {
    const value = entries.get(name) ?? '';
    if (name === 'Content-Type') headers['Content-Type'] = value;
    headers[HEADER_PREFIX + name] = value;
    signed[HEADER_PREFIX + name] = value;
  }
  // For printable ASCII, JSON.stringify escapes exactly what Gson's JsonObject.toString() does
  // (only '"' and '\'), so the string is byte-identical to the SDK's.
  const signHeader = JSON.stringify(signed);
  const signHeaderKey = order.join(';');
  const hashHeader = hmacSha256Hex(input.secret, signHeader);
  headers[`${HEADER_PREFIX}sign-header-key`] = signHeaderKey;
  headers[`${HEADER_PREFIX}sign-header`] = signHeader;
  headers[`${HEADER_PREFIX}hash-header`] = hashHeader;
  headers['User-Agent'] = VXP_USER_AGENT;
  headers[`${HEADER_PREFIX}version`] = VXP_VERSION;
  return { headers, signHeaderKey, signHeader, hashHeader };
}
