import { createHash, randomUUID, type Hash } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fsyncDirectory, mapFsError } from '../files/durable-fs.ts';

// A file written in pieces under a temporary name in its final folder, hashed on the way, then
// fsynced and renamed: nothing half-written is ever seen under the final name. Writes are
// buffered so that many small pieces make few system calls.
const BUFFER_SIZE = 256 * 1024;

export class DurableOutput {
  readonly target: string;
  readonly tempPath: string;
  private readonly handle: FileHandle;
  private readonly hash: Hash = createHash('sha256');
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private written = 0;
  private closed = false;

  private constructor(target: string, tempPath: string, handle: FileHandle) {
    this.target = target;
    this.tempPath = tempPath;
    this.handle = handle;
  }

  static async create(target: string): Promise<DurableOutput> {
    const tempPath = join(dirname(target), `.${basename(target)}.${randomUUID()}.tmp`);
    try {
      return new DurableOutput(target, tempPath, await open(tempPath, 'wx'));
    } catch (e) {
      throw mapFsError(e, target);
    }
  }

  get bytes(): number {
    return this.written + this.pendingBytes;
  }

  async write(data: string | Buffer): Promise<void> {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    if (buf.length === 0) return;
    this.pending.push(buf);
    this.pendingBytes += buf.length;
    if (this.pendingBytes >= BUFFER_SIZE) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const buf = this.pending.length === 1 ? (this.pending[0] as Buffer) : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    this.hash.update(buf);
    try {
      let offset = 0;
      while (offset < buf.length) offset += (await this.handle.write(buf, offset, buf.length - offset)).bytesWritten;
    } catch (e) {
      throw mapFsError(e, this.target);
    }
    this.written += buf.length;
  }

  // Makes the file durable under its final name; returns its size and SHA-256 (hex).
  async commit(): Promise<{ bytes: number; sha256: string }> {
    try {
      await this.flush();
      await this.handle.sync();
      this.closed = true;
      await this.handle.close();
      await rename(this.tempPath, this.target);
      fsyncDirectory(dirname(this.target));
    } catch (e) {
      await this.abort();
      throw mapFsError(e, this.target);
    }
    return { bytes: this.written, sha256: this.hash.digest('hex') };
  }

  // Closes and removes the temporary file; safe to call more than once.
  async abort(): Promise<void> {
    if (!this.closed) {
      this.closed = true;
      await this.handle.close().catch(() => undefined);
    }
    await rm(this.tempPath, { force: true });
  }
}
