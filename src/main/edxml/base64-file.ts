import { createReadStream } from 'node:fs';
import { AppError } from '../../shared/errors.ts';

// A file on disk as base64, one piece at a time, on a single line as the official samples
// write it. Pieces are cut on 3-byte boundaries so they concatenate into valid base64.
export async function* base64OfFile(path: string): AsyncGenerator<string> {
  let carry: Buffer = Buffer.alloc(0);
  let stream;
  try {
    stream = createReadStream(path, { highWaterMark: 3 * 64 * 1024 });
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const data = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
      const usable = data.length - (data.length % 3);
      if (usable > 0) yield data.subarray(0, usable).toString('base64');
      carry = Buffer.from(data.subarray(usable));
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('FILE_MISSING', `Không đọc được tệp đính kèm ${path}.`, `cannot read attachment ${path}: ${(e as Error).message}`);
  }
  if (carry.length > 0) yield carry.toString('base64');
}
