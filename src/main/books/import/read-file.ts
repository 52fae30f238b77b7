import { AppError } from '../../../shared/errors.ts';
import type { RawTable } from './raw-table.ts';
import { readCsv } from './read-csv.ts';
import { readXlsx } from './read-xlsx.ts';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
// Excel 97–2003 (.xls) and other OLE2 compound files.
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(data: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => data[i] === b);
}

export function emptyFile(): AppError {
  return new AppError('INVALID_INPUT', 'Tệp rỗng: không có dòng nào để nhập.', 'import file has no rows');
}

// The kind of file is told by its content, not its name: clerks rename files, and a .csv that is
// really a workbook (or the reverse) should still import or fail with a clear reason.
export async function readTables(data: Uint8Array): Promise<RawTable[]> {
  if (data.length === 0) throw emptyFile();
  if (startsWith(data, OLE2)) {
    throw new AppError(
      'INVALID_INPUT',
      'Tệp Excel 97-2003 (.xls) chưa được hỗ trợ. Hãy mở bằng Excel và lưu lại dưới dạng "Excel Workbook (.xlsx)".',
      'legacy .xls (OLE2) file',
    );
  }
  return startsWith(data, ZIP) ? readXlsx(data) : [readCsv(data)];
}
