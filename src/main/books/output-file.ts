import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fsyncDirectory } from '../files/durable-fs.ts';
import { outputError } from './output-target.ts';

// An export appears under its final name complete or not at all: it is written to a temporary
// file in the same folder, synced, then renamed (as durable-fs.ts does). A half-written book that
// the clerk prints would be worse than an error. File-system errors come out as outputError says:
// a missing folder is the clerk's to fix, not an unexpected error.
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

// For the formats built whole in memory (XLSX, PDF).
export function writeWholeFile(target: string, data: Uint8Array): number {
  const file = openStreamedFile(target);
  file.writeBytes(data);
  return file.commit();
}

// For the formats written row by row (CSV, JSON): chunks are gathered into blocks of about
// 64 KiB and go to the temporary file as they fill, so memory stays flat however long the book.
const BLOCK_CHARS = 64 * 1024;

export interface StreamedFile {
  write(chunk: string): void;
  writeBytes(data: Uint8Array): void;
  commit(): number;
  abort(): void;
}

export function openStreamedFile(target: string): StreamedFile {
  const temp = tempPathFor(target);
  let fd: number | null = null;
  let bytes = 0;
  let pending: string[] = [];
  let pendingChars = 0;
  let created = false;
  const fail = (e: unknown): never => {
    try {
      abort();
    } catch {
      // Cleaning up failed as well; the error worth reporting is the one that stopped the write.
    }
    throw outputError(e, target);
  };
  function abort(): void {
    if (fd !== null) closeSync(fd);
    fd = null;
    if (created) rmSync(temp, { force: true });
    created = false;
  }
  try {
    fd = openSync(temp, 'wx');
    created = true;
  } catch (e) {
    fail(e);
  }
  function writeBytes(data: Uint8Array): void {
    try {
      let offset = 0;
      while (offset < data.length) offset += writeSync(fd as number, data, offset, data.length - offset);
    } catch (e) {
      fail(e);
    }
    bytes += data.length;
  }
  function flush(): void {
    const data = Buffer.from(pending.join(''), 'utf8');
    pending = [];
    pendingChars = 0;
    writeBytes(data);
  }
  return {
    write(chunk) {
      pending.push(chunk);
      pendingChars += chunk.length;
      if (pendingChars >= BLOCK_CHARS) flush();
    },
    writeBytes(data) {
      flush();
      writeBytes(data);
    },
    commit() {
      flush();
      try {
        fsyncSync(fd as number);
        closeSync(fd as number);
        fd = null;
        renameSync(temp, target);
        created = false;
        fsyncDirectory(dirname(target));
      } catch (e) {
        fail(e);
      }
      return bytes;
    },
    abort,
  };
}
