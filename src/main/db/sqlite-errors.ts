import { AppError } from '../../shared/errors.ts';

// better-sqlite3 throws SqliteError with the extended SQLite code in `code`. The clerk gets a
// message that says what to do; the English detail keeps SQLite's own words for the log.
export function mapSqliteError(e: unknown, dbPath: string): unknown {
  if (!(e instanceof Error) || typeof (e as { code?: unknown }).code !== 'string') return e;
  const code = (e as Error & { code: string }).code;
  const detail = `${code}: ${e.message} (${dbPath})`;
  if (code === 'SQLITE_FULL' || (code.startsWith('SQLITE_IOERR') && /full|space/i.test(e.message))) {
    return new AppError(
      'DISK_FULL',
      'Ổ đĩa đã đầy: thao tác chưa được lưu và dữ liệu cũ vẫn nguyên vẹn. Hãy giải phóng dung lượng ổ đĩa rồi thử lại.',
      detail,
    );
  }
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT_')) {
    return new AppError(
      'DB_CORRUPT',
      'Cơ sở dữ liệu bị hỏng. Đừng ghi thêm; hãy khôi phục từ bản sao lưu gần nhất (Sao lưu → Khôi phục, hoặc lệnh "vanthu restore").',
      detail,
    );
  }
  if (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_') || code === 'SQLITE_LOCKED') {
    return new AppError(
      'DB_BUSY',
      'Cơ sở dữ liệu đang được một chương trình khác sử dụng. Hãy thử lại sau ít giây.',
      detail,
    );
  }
  return e;
}
