import { createHash, randomBytes, type Hash } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { copyFile, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { fsyncDirectory, mapFsError } from '../files/durable-fs.ts';

const CHUNK = 4 * 1024 * 1024;

export interface UpdatedCopyOptions {
  readonly input: string;
  // The size the update was built for: if the input changed since, nothing is written.
  readonly inputSize: number;
  readonly output: string;
  readonly appended: Uint8Array;
  // For a signature: the absolute byte range [start, end) left out of the digest (the /Contents
  // hex string), and what to do with the digest before the file is made durable.
  readonly signature?: {
    readonly gapStart: number;
    readonly gapEnd: number;
    readonly complete: (digest: Uint8Array, file: FileHandle) => Promise<void>;
  };
}

// SHA-256 of the whole input, read in chunks while the next chunk is being read.
async function hashFile(path: string): Promise<{ hash: Hash; bytes: number }> {
  const file = await open(path, 'r');
  try {
    const hash = createHash('sha256');
    const buffers = [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)];
    let position = 0;
    let which = 0;
    let pending = file.read(buffers[0] as Buffer, 0, CHUNK, 0);
    for (;;) {
      const { bytesRead }: { bytesRead: number } = await pending;
      if (bytesRead === 0) return { hash, bytes: position };
      const chunk = (buffers[which] as Buffer).subarray(0, bytesRead);
      position += bytesRead;
      which = 1 - which;
      pending = file.read(buffers[which] as Buffer, 0, CHUNK, position);
      hash.update(chunk);
    }
  } finally {
    await file.close();
  }
}

async function sameFile(path: string, before: Stats): Promise<boolean> {
  const now = await stat(path);
  return now.size === before.size && now.mtimeMs === before.mtimeMs && now.ino === before.ino;
}

// Writes input + appended to a temporary file beside the output, then fsync, rename over the
// output and fsync the folder. The input is copied by the kernel (copy_file_range) while this
// thread hashes it, which makes signing a large file cost little more than hashing it once; the
// input's size, inode and mtime are checked around both so a file changed meanwhile is refused.
// On any failure the temporary file is removed and the input and any existing output are untouched.
export async function writeUpdatedCopy(options: UpdatedCopyOptions): Promise<void> {
  const temp = join(dirname(options.output), `.${basename(options.output)}.${randomBytes(6).toString('hex')}.tmp`);
  let out: FileHandle | undefined;
  try {
    const before = await stat(options.input);
    const sign = options.signature;
    const [, hashed] = await Promise.all([copyFile(options.input, temp, constants.COPYFILE_EXCL), sign ? hashFile(options.input) : undefined]);
    if (before.size !== options.inputSize || !(await sameFile(options.input, before)) || (hashed && hashed.bytes !== options.inputSize)) {
      throw new AppError('INVALID_INPUT', 'Tệp PDF vừa bị thay đổi trong lúc ký. Hãy đóng chương trình đang sửa tệp rồi thử lại.', `input ${options.input} changed while it was being copied`);
    }
    out = await open(temp, 'r+');
    const position = options.inputSize;
    const appended = Buffer.from(options.appended.buffer, options.appended.byteOffset, options.appended.byteLength);
    await out.write(appended, 0, appended.length, position);
    if (sign && hashed) {
      hashed.hash.update(appended.subarray(0, sign.gapStart - position));
      hashed.hash.update(appended.subarray(sign.gapEnd - position));
      await sign.complete(hashed.hash.digest(), out);
    }
    await out.sync();
    await out.close();
    out = undefined;
    await rename(temp, options.output);
    fsyncDirectory(dirname(options.output));
  } catch (e) {
    await out?.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw mapFsError(e, options.output);
  }
}
