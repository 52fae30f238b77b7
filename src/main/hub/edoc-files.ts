import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { isAppError } from '../../shared/errors.ts';
import { fsyncDirectory, mapFsError } from '../files/durable-fs.ts';
import { Base64Error } from './base64-stream.ts';
import { hubRefused, hubUnreachable } from './hub-errors.ts';
import type { Call, HubExchange } from './hub-exchange.ts';
import { JsonBase64Field, MalformedResponse } from './json-base64-field.ts';
import { toTransportFailure } from './transport.ts';

// Packages fetched from the hub land on disk through a temporary file that is fsynced and then
// renamed: a half-downloaded package never sits under its final name.

export interface ReceivedFile {
  readonly size: number;
  readonly sha256: string;
}

export interface DownloadResult extends ReceivedFile {
  // Bytes kept from an earlier interrupted try (0 when the download started from scratch).
  readonly resumedFrom: number;
}

export interface DownloadProgress {
  readonly received: number;
  readonly total: number | null;
}

export interface DownloadOptions {
  readonly onProgress?: (progress: DownloadProgress) => void;
}

// The partial download of `destPath`: kept between tries, and between runs, to resume with Range.
export function partialPath(destPath: string): string {
  return `${destPath}.part`;
}

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

async function hashExisting(path: string, hash: ReturnType<typeof createHash>): Promise<void> {
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
}

async function writeAll(fh: FileHandle, bytes: Buffer, path: string): Promise<void> {
  try {
    await fh.write(bytes);
  } catch (e) {
    throw mapFsError(e, path);
  }
}

async function commit(fh: FileHandle, tempPath: string, destPath: string): Promise<void> {
  try {
    await fh.sync();
    await fh.close();
    await rename(tempPath, destPath);
    fsyncDirectory(dirname(destPath));
  } catch (e) {
    throw mapFsError(e, destPath);
  }
}

const CONTENT_RANGE = /^bytes (\d+)-(\d+)\/(\d+|\*)$/;

class RestartFromZero extends Error {}

export async function downloadEdoc(exchange: HubExchange, docId: string, destPath: string, options: DownloadOptions = {}): Promise<DownloadResult> {
  const part = partialPath(destPath);
  return exchange.retrying(async () => {
    try {
      return await downloadOnce(exchange, docId, destPath, part, options);
    } catch (e) {
      if (!(e instanceof RestartFromZero)) throw e;
      await rm(part, { force: true });
      return downloadOnce(exchange, docId, destPath, part, options);
    }
  });
}

async function downloadOnce(exchange: HubExchange, docId: string, destPath: string, part: string, options: DownloadOptions): Promise<DownloadResult> {
  const have = await sizeOf(part);
  const call: Call = {
    operation: 'downloadEdoc',
    method: 'GET',
    contentType: 'application/json',
    params: { docId },
    body: null,
    extraHeaders: have > 0 ? { Range: `bytes=${have}-` } : {},
  };
  const res = await exchange.open(call);
  if (res.status === 416 && have > 0) {
    res.body.resume();
    throw new RestartFromZero();
  }
  if (res.status >= 300) {
    const json = await exchange.readJson(call, res);
    exchange.checkEnvelope(call, res.status, json);
    throw hubRefused({ operation: call.operation, transient: false, httpStatus: res.status }, `HTTP ${res.status}`);
  }

  let offset = 0;
  let total: number | null = null;
  const length = res.headers['content-length'] === undefined ? null : Number(res.headers['content-length']);
  if (res.status === 206) {
    const range = CONTENT_RANGE.exec(res.headers['content-range'] ?? '');
    if (!range || Number(range[1]) !== have) {
      res.body.resume();
      throw new RestartFromZero();
    }
    offset = have;
    total = range[3] === '*' ? null : Number(range[3]);
  } else {
    // 200 to a Range request: the server ignored it, so the body is the whole package again.
    total = length;
  }

  const hash = createHash('sha256');
  if (offset > 0) await hashExisting(part, hash);
  let fh: FileHandle;
  try {
    fh = await open(part, offset > 0 ? 'a' : 'w');
  } catch (e) {
    res.body.resume();
    throw mapFsError(e, part);
  }
  let received = offset;
  let envelope: Buffer[] | null = null;
  try {
    await pipeline(res.body, async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) {
        if (envelope) {
          envelope.push(chunk);
          if (envelope.length > 64) throw new MalformedResponse('JSON answer too large');
          continue;
        }
        // An edXML package is XML; a JSON object at the start of a whole-body answer is the
        // hub's refusal sent with 200.
        if (received === 0 && chunk.toString('latin1', 0, 64).trimStart().startsWith('{')) {
          envelope = [chunk];
          continue;
        }
        hash.update(chunk);
        await writeAll(fh, chunk, part);
        received += chunk.length;
        options.onProgress?.({ received, total });
      }
    });
  } catch (e) {
    // The bytes already written stay for the next try to resume from.
    await fh.sync().catch(() => undefined);
    await fh.close().catch(() => undefined);
    throw classify(exchange, call, e, res.status);
  }
  if (envelope) {
    await fh.close();
    await rm(part, { force: true });
    exchange.checkEnvelope(call, res.status, parseJson(Buffer.concat(envelope)));
    throw hubRefused({ operation: call.operation, transient: false, httpStatus: res.status }, 'a JSON answer instead of the package');
  }
  const expected = total ?? (length === null ? null : offset + length);
  if (expected !== null && received !== expected) {
    await fh.sync().catch(() => undefined);
    await fh.close().catch(() => undefined);
    throw hubUnreachable({ operation: call.operation, transient: true, cause: 'SHORT_BODY' }, `received ${received} of ${expected} bytes`);
  }
  await commit(fh, part, destPath);
  return { size: received, sha256: hash.digest('hex'), resumedFrom: offset };
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

// A failure while streaming the body: ours (disk) as is, an unreadable answer as a refusal, the
// rest as the network's.
function classify(exchange: HubExchange, call: Call, e: unknown, status: number): unknown {
  if (isAppError(e)) return e;
  if (e instanceof MalformedResponse || e instanceof Base64Error) return exchange.malformed(call, e.message, status);
  return exchange.networkError(call, toTransportFailure(e, true));
}

export async function getEdoc(exchange: HubExchange, docId: string, destPath: string): Promise<ReceivedFile> {
  const call: Call = { operation: 'getEdoc', method: 'POST', contentType: 'application/json', params: { docId }, body: { kind: 'bytes', data: Buffer.from('{}') } };
  return exchange.retrying(async () => {
    const res = await exchange.open(call);
    if (res.status >= 300) {
      exchange.checkEnvelope(call, res.status, await exchange.readJson(call, res));
      throw hubRefused({ operation: call.operation, transient: false, httpStatus: res.status }, `HTTP ${res.status}`);
    }
    const temp = `${destPath}.${randomUUID()}.tmp`;
    let fh: FileHandle;
    try {
      fh = await open(temp, 'wx');
    } catch (e) {
      res.body.resume();
      throw mapFsError(e, temp);
    }
    const extractor = new JsonBase64Field('data');
    const hash = createHash('sha256');
    let size = 0;
    try {
      await pipeline(res.body, extractor, async (source: AsyncIterable<Buffer>) => {
        for await (const chunk of source) {
          hash.update(chunk);
          size += chunk.length;
          await writeAll(fh, chunk, temp);
        }
      });
      exchange.checkEnvelope(call, res.status, extractor.fields);
      if (!extractor.found) throw hubRefused({ operation: call.operation, transient: false, httpStatus: res.status }, 'no "data" in a successful answer');
      await commit(fh, temp, destPath);
      return { size, sha256: hash.digest('hex') };
    } catch (e) {
      await fh.close().catch(() => undefined);
      await rm(temp, { force: true });
      throw classify(exchange, call, e, res.status);
    }
  });
}
