import { randomUUID, createHash } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { mapFsError } from '../main/files/durable-fs.ts';
import { HubFailure } from './envelope.ts';
import { HeaderScanner, type PackageHeader } from './header-scan.ts';
import type { TokenBucket } from './throttle.ts';

export interface ReceivedUpload {
  readonly tempPath: string;
  readonly size: number;
  readonly sha256: string;
  readonly header: PackageHeader;
}

const CRLF = Buffer.from('\r\n');

// The SDK's hash-file is hex without zero padding per byte (0x0a → "a"); normal hex is accepted too.
function hashForms(digest: Buffer): string[] {
  return [digest.toString('hex'), [...digest].map((b) => b.toString(16)).join('')];
}

// Streams a sendEdoc body to a temp file (fsynced) while hashing it and reading its header.
// The SDK writes the file then CRLF: when hash-file matches the body without those two bytes,
// they are not part of the package and are cut off. A refused body is still drained, so the
// client reads the FAIL envelope rather than a reset connection.
export async function receiveUpload(req: IncomingMessage, tempDir: string, bucket: TokenBucket, hashFile: string | undefined): Promise<ReceivedUpload> {
  const tempPath = join(tempDir, `${randomUUID()}.part`);
  const fh = await open(tempPath, 'wx').catch((e: unknown) => {
    throw mapFsError(e, tempPath);
  });
  const scanner = new HeaderScanner();
  const hash = createHash('sha256');
  let held = Buffer.alloc(0);
  let size = 0;
  let refused: HubFailure | undefined;
  try {
    for await (const c of req) {
      const chunk = c as Buffer;
      await bucket.take(chunk.length);
      if (refused) continue;
      size += chunk.length;
      // The last two bytes are held back: they may be the SDK's trailing CRLF.
      if (chunk.length >= 2) {
        hash.update(held);
        hash.update(chunk.subarray(0, chunk.length - 2));
        held = Buffer.from(chunk.subarray(chunk.length - 2));
      } else {
        const data = Buffer.concat([held, chunk]);
        hash.update(data.subarray(0, Math.max(0, data.length - 2)));
        held = Buffer.from(data.subarray(Math.max(0, data.length - 2)));
      }
      let written = 0;
      while (written < chunk.length) written += (await fh.write(chunk, written)).bytesWritten;
      try {
        scanner.write(chunk);
      } catch (e) {
        if (!(e instanceof HubFailure)) throw e;
        refused = e;
        await fh.close();
        await rm(tempPath, { force: true });
      }
    }
    if (refused) throw refused;
    const withoutTail = hash.copy().digest();
    const full = hash.update(held).digest();
    let finalSize = size;
    if (hashFile !== undefined) {
      const given = hashFile.trim().toLowerCase();
      if (held.equals(CRLF) && hashForms(withoutTail).includes(given) && !hashForms(full).includes(given)) finalSize = size - 2;
      else if (!hashForms(full).includes(given)) {
        throw new HubFailure('HASH_MISMATCH', 'Mã băm (hash-file) không khớp với nội dung gói tin nhận được.', `hash-file ${given} does not match the body`);
      }
    }
    if (finalSize !== size) await fh.truncate(finalSize);
    await fh.sync();
    await fh.close();
    const header = scanner.result();
    return { tempPath, size: finalSize, sha256: (finalSize === size ? full : withoutTail).toString('hex'), header };
  } catch (e) {
    if (!refused) await fh.close().catch(() => undefined);
    await rm(tempPath, { force: true });
    throw e;
  }
}
