import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-vanthu-token';

// Hashing both sides first makes the comparison constant-time whatever the lengths, so the
// response time tells nothing about how much of a guessed token was right.
export function tokenMatches(expected: string, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

// A page on another site can make the browser resolve its own host name to 127.0.0.1 (DNS
// rebinding); such a request carries that host name, not ours, so it is refused before routing.
export function hostAllowed(req: IncomingMessage, port: number): boolean {
  return req.headers.host === `127.0.0.1:${port}`;
}

// Browsers send Origin on cross-site POSTs; a request from any origin but ours is refused even
// before the token is looked at.
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://127.0.0.1:${port}`;
}

export function isJson(req: IncomingMessage): boolean {
  const type = req.headers['content-type'] ?? '';
  return /^application\/json\s*(;|$)/i.test(type);
}
