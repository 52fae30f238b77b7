import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../shared/errors.ts';

// Files we acknowledge must survive a crash or power cut: write to a temporary name in the same
// folder tree, fsync the data, rename over the final name, then fsync the folder so the rename
// itself is on disk. A reader sees the old file or the new one, never a half-written one.
export function fsyncDirectory(dir: string): void {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function writeFileDurably(target: string, data: Uint8Array, tempPath: string): void {
  try {
    const fd = openSync(tempPath, 'wx');
    try {
      let offset = 0;
      while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tempPath, target);
    fsyncDirectory(dirname(target));
  } catch (e) {
    rmSync(tempPath, { force: true });
    throw mapFsError(e, target);
  }
}

export function mapFsError(e: unknown, path: string): unknown {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new AppError(
      'DISK_FULL',
      'Ổ đĩa đã đầy: tệp chưa được lưu và dữ liệu cũ vẫn nguyên vẹn. Hãy giải phóng dung lượng ổ đĩa rồi thử lại.',
      `${code} writing ${path}`,
    );
  }
  if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') {
    return new AppError(
      'INVALID_INPUT',
      `Không ghi được vào ${path}: thư mục không tồn tại hoặc đường dẫn không phải một tệp. Hãy chọn nơi lưu khác.`,
      `${code} writing ${path}`,
    );
  }
  if (code === 'EBUSY') {
    return new AppError(
      'DB_BUSY',
      `Tệp ${path} đang bị một chương trình khác giữ (ví dụ phần mềm diệt virus). Hãy thử lại sau ít giây.`,
      `${code} on ${path}`,
    );
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new AppError(
      'FORBIDDEN',
      'Không có quyền ghi vào thư mục dữ liệu. Hãy kiểm tra quyền truy cập thư mục hoặc chọn thư mục khác.',
      `${code} writing ${path}`,
    );
  }
  return e;
}
