import { createHash, randomUUID } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { fsyncDirectory, mapFsError, writeFileDurably } from './durable-fs.ts';

export interface StoredBlob {
  readonly sha256: string;
  readonly size: number;
}

// A stored file as the registers name it: what the clerk is told about when it is gone.
export interface NamedBlob extends StoredBlob {
  readonly name: string;
}

// Attachments are stored once by their SHA-256, in files/<first two hex>/<hash>. A file is
// written and fsynced before the database row that refers to it commits, so a committed
// registration never points at a missing file; a crash in between leaves at worst an unreferenced
// file, never a lost one. Stored files are never overwritten or deleted.
export class BlobStore {
  readonly root: string;
  private readonly tmp: string;

  constructor(root: string, tmp: string) {
    this.root = root;
    this.tmp = tmp;
  }

  pathOf(sha256: string): string {
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  // A file already stored under this hash is reused only if its content really has that hash;
  // a damaged copy is replaced by the good bytes the clerk is handing over now.
  put(data: Uint8Array): StoredBlob {
    const sha256 = createHash('sha256').update(data).digest('hex');
    const target = this.pathOf(sha256);
    if (this.check(sha256, data.length) === 'ok') return { sha256, size: data.length };
    const folder = join(this.root, sha256.slice(0, 2));
    if (!existsSync(folder)) {
      mkdirSync(folder, { recursive: true });
      fsyncDirectory(this.root);
    }
    writeFileDurably(target, data, join(this.tmp, `blob-${randomUUID()}`));
    return { sha256, size: data.length };
  }

  // Moves a file already written and fsynced in the profile (a signed PDF in tmp/) into the
  // store by rename, without reading it into memory; the file at `path` is gone afterwards.
  adopt(path: string): StoredBlob {
    const sha256 = hashFile(path);
    const size = statSync(path).size;
    if (this.check(sha256, size) === 'ok') {
      rmSync(path, { force: true });
      return { sha256, size };
    }
    const folder = join(this.root, sha256.slice(0, 2));
    if (!existsSync(folder)) {
      mkdirSync(folder, { recursive: true });
      fsyncDirectory(this.root);
    }
    renameSync(path, this.pathOf(sha256));
    fsyncDirectory(folder);
    return { sha256, size };
  }

  has(sha256: string): boolean {
    return existsSync(this.pathOf(sha256));
  }

  read(sha256: string): Buffer {
    return readFileSync(this.pathOf(sha256));
  }

  // The path of a stored file that a step is about to read, checked first: a missing or damaged
  // file stops the step before any token, number or package is used, with the way forward.
  pathOfIntact(file: NamedBlob): string {
    const state = this.check(file.sha256, file.size);
    if (state !== 'ok') {
      throw new AppError(
        'FILE_MISSING',
        `Tệp "${file.name}" ${state === 'missing' ? 'bị thiếu' : 'bị hỏng'} trong kho dữ liệu. Hãy khôi phục từ bản sao lưu gần nhất (mục Sao lưu); dữ liệu sổ không bị ảnh hưởng.`,
        `blob ${file.sha256} is ${state}`,
      );
    }
    return this.pathOf(file.sha256);
  }

  readIntact(file: NamedBlob): Buffer {
    return readFileSync(this.pathOfIntact(file));
  }

  // A fresh path for a file a step writes before adopting it: in the profile's tmp/, on the same
  // volume as the store, so that adopting it is a rename.
  scratchPath(prefix: string, extension = '.pdf'): string {
    return join(this.tmp, `${prefix}-${randomUUID()}${extension}`);
  }

  // A scratch file a failed step leaves behind.
  discardScratch(path: string): void {
    rmSync(path, { force: true });
  }

  // adopt() with a full disk or a locked file told to the clerk in Vietnamese.
  adoptFile(path: string): StoredBlob {
    try {
      return this.adopt(path);
    } catch (e) {
      throw mapFsError(e, this.root);
    }
  }

  // 'missing' and 'corrupt' are reported to the clerk with the way forward (restore a backup).
  check(sha256: string, size: number): 'ok' | 'missing' | 'corrupt' {
    const path = this.pathOf(sha256);
    if (!existsSync(path)) return 'missing';
    if (statSync(path).size !== size) return 'corrupt';
    return hashFile(path) === sha256 ? 'ok' : 'corrupt';
  }
}

export function hashFile(path: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}
