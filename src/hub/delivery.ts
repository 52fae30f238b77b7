import { createReadStream } from 'node:fs';

// A delivered package is the stored file with the hub's TraceHeader spliced in at one byte
// offset: three segments (file before, inserted bytes, file after) streamed from disk, so any
// byte range of the delivered form can be served without building it.
export interface DeliveredForm {
  readonly path: string;
  readonly size: number;
  readonly offset: number;
  readonly insert: Buffer;
}

export function deliveredLength(form: DeliveredForm): number {
  return form.size + form.insert.length;
}

async function* fileRange(path: string, start: number, end: number): AsyncGenerator<Buffer> {
  if (end <= start) return;
  for await (const chunk of createReadStream(path, { start, end: end - 1, highWaterMark: 64 * 1024 })) yield chunk as Buffer;
}

// Bytes [from, to) of the delivered form.
export async function* deliveredBytes(form: DeliveredForm, from = 0, to = deliveredLength(form)): AsyncGenerator<Buffer> {
  const insEnd = form.offset + form.insert.length;
  if (from < form.offset) yield* fileRange(form.path, from, Math.min(to, form.offset));
  const a = Math.max(from, form.offset);
  const b = Math.min(to, insEnd);
  if (b > a) yield form.insert.subarray(a - form.offset, b - form.offset);
  if (to > insEnd) yield* fileRange(form.path, Math.max(from, insEnd) - form.insert.length, to - form.insert.length);
}

export function base64Length(bytes: number): number {
  return 4 * Math.ceil(bytes / 3);
}

// Base64 of a byte stream, chunk by chunk: up to two bytes are carried to the next chunk so
// each piece encodes a multiple of three bytes and the pieces concatenate to one valid string.
export async function* base64Of(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let carry = Buffer.alloc(0);
  for await (const chunk of source) {
    const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const whole = data.length - (data.length % 3);
    if (whole > 0) yield Buffer.from(data.subarray(0, whole).toString('base64'), 'ascii');
    carry = Buffer.from(data.subarray(whole));
  }
  if (carry.length > 0) yield Buffer.from(carry.toString('base64'), 'ascii');
}
