import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fsyncDirectory, mapFsError, writeFileDurably } from '../files/durable-fs.ts';

// An export appears under its final name complete or not at all: it is written to a temporary
// file in the same folder, synced, then renamed (see durable-fs.ts). A half-written book that
// the clerk prints would be worse than an error.
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

export function writeWholeFile(target: string, data: Uint8Array): number {
  writeFileDurably(target, data, tempPathFor(target));
  return data.length;
}

// For the formats written row by row (CSV, JSON): chunks are gathered into blocks of about
// 64 KiB and go to the temporary file as they fill, so memory stays flat however long the book.
const BLOCK_CHARS = 64 * 1024;

export interface StreamedFile {
  write(chunk: string): void;
  commit(): number;
  abort(): void;
}

export function openStreamedFile(target: string): StreamedFile {
  const temp = tempPathFor(target);
  let fd: number | null = null;
  let bytes = 0;
  let pending: string[] = [];
  let pendingChars = 0;
  const fail = (e: unknown): never => {
    abort();
    throw mapFsError(e, target);
  };
  function abort(): void {
    if (fd !== null) closeSync(fd);
    fd = null;
    rmSync(temp, { force: true });
  }
  try {
    fd = openSync(temp, 'wx');
  } catch (e) {
    fail(e);
  }
  function flush(): void {
    const data = Buffer.from(pending.join(''), 'utf8');
    pending = [];
    pendingChars = 0;
    try {
      let offset = 0;
      while (offset < data.length) offset += writeSync(fd as number, data, offset, data.length - offset);
    } catch (e) {
      fail(e);
    }
    bytes += data.length;
  }
  return {
    write(chunk) {
      pending.push(chunk);
      pendingChars += chunk.length;
      if (pendingChars >= BLOCK_CHARS) flush();
    },
    commit() {
      flush();
      try {
        fsyncSync(fd as number);
        closeSync(fd as number);
        fd = null;
        renameSync(temp, target);
        fsyncDirectory(dirname(target));
      } catch (e) {
        fail(e);
      }
      return bytes;
    },
    abort,
  };
}
