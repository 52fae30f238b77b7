import readExcelFile from 'read-excel-file/node';
import { AppError } from '../../../shared/errors.ts';
import type { RawCell, RawTable } from './raw-table.ts';
import { guardXlsxArchive } from './zip-guard.ts';

// Cells are read as values: a formula cell gives the result Excel saved with it, never the
// formula, and nothing is evaluated.
export async function readXlsx(data: Uint8Array): Promise<RawTable[]> {
  await guardXlsxArchive(data);
  try {
    const sheets = await readExcelFile(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { trim: false });
    return sheets.map((s) => ({ name: s.sheet, rows: s.data as unknown as RawCell[][] }));
  } catch (e) {
    throw new AppError(
      'INVALID_INPUT',
      'Tệp Excel bị hỏng hoặc không đọc được. Hãy mở tệp bằng Excel và lưu lại dưới dạng "Excel Workbook (.xlsx)".',
      `xlsx read failed: ${(e as Error).message}`,
    );
  }
}
