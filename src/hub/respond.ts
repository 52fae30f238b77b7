import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import type { TokenBucket } from './throttle.ts';

// How one response leaves the hub: through the shared bandwidth bucket, and cut after
// `dropAfter` body bytes when the drop knob fired for it.
export interface ResponseFaults {
  readonly bucket: TokenBucket;
  readonly dropAfter: number | null;
  // Called when the connection is actually cut (a 'once' drop disarms itself here).
  readonly onDrop: () => void;
}

function waitWritable(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

function cut(res: ServerResponse, last: Uint8Array): void {
  res.write(last, () => res.socket?.destroy());
}

// Streams `body` out; never holds more than one chunk. Resolves when the body is out, the
// connection was cut on purpose, or the client went away.
export async function sendBody(
  res: ServerResponse,
  status: number,
  headers: OutgoingHttpHeaders,
  body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  faults: ResponseFaults,
): Promise<void> {
  if (faults.dropAfter === 0) {
    faults.onDrop();
    res.socket?.destroy();
    return;
  }
  res.writeHead(status, headers);
  let sent = 0;
  for await (const chunk of body) {
    if (res.destroyed) return;
    await faults.bucket.take(chunk.length);
    if (faults.dropAfter !== null && sent + chunk.length > faults.dropAfter) {
      faults.onDrop();
      cut(res, chunk.subarray(0, faults.dropAfter - sent));
      return;
    }
    sent += chunk.length;
    if (!res.write(chunk)) await waitWritable(res);
  }
  res.end();
}

export function sendJson(res: ServerResponse, status: number, value: unknown, faults: ResponseFaults): Promise<void> {
  const bytes = Buffer.from(JSON.stringify(value), 'utf8');
  return sendBody(res, status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': bytes.length }, [bytes], faults);
}
