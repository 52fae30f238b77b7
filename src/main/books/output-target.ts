import { statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { AppError, isAppError } from '../../shared/errors.ts';
import { mapFsError } from '../files/durable-fs.ts';

// What the clerk can put right about where a book goes: a folder that does not exist, a path
// through something that is not a folder, or a folder named where the file's name belongs. These
// are bad input naming the path, not an "unexpected error"; the rest (disk full, no permission)
// is mapped by durable-fs.ts.
function badTarget(code: string | undefined, target: string): AppError | null {
  const detail = `${code} writing ${target}`;
  switch (code) {
    case 'ENOENT':
      return new AppError('INVALID_INPUT', `Không có thư mục "${dirname(target)}" để lưu tệp "${basename(target)}". Hãy chọn một thư mục có sẵn.`, detail);
    case 'ENOTDIR':
      return new AppError('INVALID_INPUT', `Không lưu được tệp vào "${target}": trong đường dẫn có một phần không phải là thư mục.`, detail);
    case 'EISDIR':
      return new AppError('INVALID_INPUT', `"${target}" là một thư mục. Hãy ghi cả tên tệp cần lưu vào thư mục đó.`, detail);
    default:
      return null;
  }
}

export function outputError(e: unknown, target: string): unknown {
  if (isAppError(e)) return e;
  return badTarget((e as NodeJS.ErrnoException | undefined)?.code, target) ?? mapFsError(e, target);
}

// Checked before a book is built, since a long PDF takes a minute to find out at the end. Writing
// maps the same errors (outputError), for a folder removed in the meantime.
export function checkOutputTarget(target: string): void {
  try {
    if (!statSync(dirname(target)).isDirectory()) throw badTarget('ENOTDIR', target);
    if (statSync(target, { throwIfNoEntry: false })?.isDirectory()) throw badTarget('EISDIR', target);
  } catch (e) {
    throw outputError(e, target);
  }
}
