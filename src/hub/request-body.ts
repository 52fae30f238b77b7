import type { IncomingMessage } from 'node:http';
import { HubFailure } from './envelope.ts';

const LIMIT = 64 * 1024;

// The small JSON bodies some operations carry (`{}`, registerAgency's agency). Anything bigger
// than 64 kB is refused; the rest of it is drained so the connection stays usable.
export async function readSmallBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  let tooBig = false;
  for await (const c of req) {
    const chunk = c as Buffer;
    size += chunk.length;
    if (size > LIMIT) tooBig = true;
    else parts.push(chunk);
  }
  if (tooBig) throw new HubFailure('INVALID_REQUEST', 'Nội dung yêu cầu quá lớn.', `request body over ${LIMIT} bytes`);
  return Buffer.concat(parts).toString('utf8');
}
