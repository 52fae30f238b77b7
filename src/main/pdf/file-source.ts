import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { AppError } from '../../shared/errors.ts';

// Random access to a PDF through a file descriptor: the reader only ever holds the pieces it is
// parsing, so a 200 MB file is read in small windows, never loaded whole.
export class FileSource {
  readonly path: string;
  readonly size: number;
  private fd: number;

  private constructor(path: string, fd: number, size: number) {
    this.path = path;
    this.fd = fd;
    this.size = size;
  }

  // With `limit`, the file is seen as if it ended there: a signed revision is read from the
  // bytes its signature covers and nothing an attacker appended later.
  static open(path: string, limit?: number): FileSource {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') {
        throw new AppError('FILE_MISSING', `Không tìm thấy tệp ${path}.`, `${code} opening ${path}`);
      }
      throw new AppError('INVALID_INPUT', `Không mở được tệp ${path} để đọc.`, `${code ?? String(e)} opening ${path}`);
    }
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      closeSync(fd);
      throw new AppError('INVALID_INPUT', `${path} không phải là một tệp.`, `${path} is not a regular file`);
    }
    return new FileSource(path, fd, limit === undefined ? stat.size : Math.min(stat.size, Math.max(0, limit)));
  }

  // Reads up to `length` bytes at `position`; shorter only at the end of the file.
  read(position: number, length: number): Buffer {
    const start = Math.max(0, Math.min(position, this.size));
    const n = Math.max(0, Math.min(length, this.size - start));
    const buffer = Buffer.allocUnsafe(n);
    let done = 0;
    while (done < n) {
      const got = readSync(this.fd, buffer, done, n - done, start + done);
      if (got === 0) break;
      done += got;
    }
    return done === n ? buffer : buffer.subarray(0, done);
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}
