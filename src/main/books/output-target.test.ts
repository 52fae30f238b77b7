import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors.ts';
import { outputError } from './output-target.ts';

const fsError = (code: string): NodeJS.ErrnoException => Object.assign(new Error(`${code}: failed`), { code });

describe('errors writing an exported book', () => {
  it('names the path for what the clerk can fix', () => {
    const missing = outputError(fsError('ENOENT'), '/home/lan/Sổ/so-den.csv') as AppError;
    expect(missing).toBeInstanceOf(AppError);
    expect(missing.code).toBe('INVALID_INPUT');
    expect(missing.messageVi).toBe('Không có thư mục "/home/lan/Sổ" để lưu tệp "so-den.csv". Hãy chọn một thư mục có sẵn.');
    expect((outputError(fsError('ENOTDIR'), '/a/b.txt/c.csv') as AppError).messageVi).toMatch(/^Không lưu được tệp vào "\/a\/b\.txt\/c\.csv"/);
    expect((outputError(fsError('EISDIR'), '/a/b') as AppError).messageVi).toMatch(/^"\/a\/b" là một thư mục/);
  });

  it('leaves the rest to the common file-system mapping, and our own errors as they are', () => {
    expect((outputError(fsError('ENOSPC'), '/a/b.csv') as AppError).code).toBe('DISK_FULL');
    const ours = new AppError('FILE_MISSING', 'Thiếu phông chữ.', 'font missing');
    expect(outputError(ours, '/a/b.pdf')).toBe(ours);
    const other = fsError('EIO');
    expect(outputError(other, '/a/b.csv')).toBe(other);
  });
});
