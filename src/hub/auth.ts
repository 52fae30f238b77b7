import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { HubFailure } from './envelope.ts';

const PREFIX = 'xroadvnpt-';

export interface AuthenticatedRequest {
  readonly systemId: string;
  // The signed parameters, by lower-case name without the XroadVnpt- prefix (`docid`, `from`…).
  readonly params: ReadonlyMap<string, string>;
}

// Node hands header values over as latin1 (one char per byte). The SDK signs the UTF-8 bytes of
// its JSON and sends non-ASCII values (a Vietnamese `description`) as raw UTF-8 bytes, so the
// HMAC runs over the bytes as received and values are compared after UTF-8 decoding.
function headerBytes(headers: IncomingHttpHeaders, name: string): Buffer | undefined {
  const v = headers[name];
  return typeof v === 'string' ? Buffer.from(v, 'latin1') : undefined;
}

function refuse(detail: string): HubFailure {
  return new HubFailure('AUTH_FAILED', 'Xác thực không thành công: chữ ký XroadVnpt không hợp lệ hoặc hệ thống chưa được đăng ký.', detail);
}

// Verifies the XroadVnpt-* headers as the official SDK builds them: HMAC-SHA256 (key = the
// system's secret) over the sign-header string as received, then every header it names must
// carry the signed value. Parameters are read from the signed JSON only, so unsigned extra
// headers (the SDK never clears its map) are tolerated and ignored. The timestamp is not checked
// against the clock: the SDK sets it once per service object, so it may be hours old.
export function authenticate(headers: IncomingHttpHeaders, secretOf: (systemId: string) => string | undefined): AuthenticatedRequest {
  const signHeader = headerBytes(headers, `${PREFIX}sign-header`);
  const hashHeader = headers[`${PREFIX}hash-header`];
  const signKeys = headerBytes(headers, `${PREFIX}sign-header-key`);
  if (!signHeader || typeof hashHeader !== 'string' || !signKeys) throw refuse('missing XroadVnpt-sign-header, -hash-header or -sign-header-key');

  let signed: unknown;
  try {
    signed = JSON.parse(signHeader.toString('utf8'));
  } catch {
    throw refuse('XroadVnpt-sign-header is not JSON');
  }
  if (typeof signed !== 'object' || signed === null || Array.isArray(signed)) throw refuse('XroadVnpt-sign-header is not a JSON object');

  const params = new Map<string, string>();
  for (const [key, value] of Object.entries(signed)) {
    if (typeof value !== 'string') throw refuse(`signed header ${key} is not a string`);
    if (!key.toLowerCase().startsWith(PREFIX)) throw refuse(`signed header ${key} lacks the XroadVnpt- prefix`);
    params.set(key.slice(PREFIX.length).toLowerCase(), value);
  }

  const systemId = params.get('systemid');
  if (!systemId) throw refuse('systemid is not signed');
  const secret = secretOf(systemId);
  if (secret === undefined) throw refuse(`unknown systemid ${systemId}`);

  const expected = createHmac('sha256', Buffer.from(secret, 'utf8')).update(signHeader).digest();
  const given = Buffer.from(hashHeader.trim().toLowerCase(), 'utf8');
  const expectedHex = Buffer.from(expected.toString('hex'), 'utf8');
  if (given.length !== expectedHex.length || !timingSafeEqual(given, expectedHex)) throw refuse(`bad HMAC for system ${systemId}`);

  const named = signKeys.toString('utf8').split(';').map((n) => n.trim().toLowerCase()).filter((n) => n !== '');
  for (const name of named) {
    if (!params.has(name)) throw refuse(`sign-header-key names ${name}, absent from the signed JSON`);
  }
  for (const [name, value] of params) {
    const sent = headerBytes(headers, `${PREFIX}${name}`);
    if (sent === undefined || sent.toString('utf8') !== value) throw refuse(`header XroadVnpt-${name} differs from its signed value`);
  }
  return { systemId, params };
}
