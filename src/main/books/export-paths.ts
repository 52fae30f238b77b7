import { basename, join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import type { ExportData } from './export-book.ts';
import { vietnamFileStamp } from '../../shared/domain/dates.ts';

const KIND_NAMES = { incoming: 'so-van-ban-den', outgoing: 'so-van-ban-di', followup: 'so-theo-doi-giai-quyet' } as const;

// e.g. so-van-ban-den-2026-20261121-093000.pdf: what, which year, when exported.
export function exportFileName(input: ExportData, now: Date): string {
  const stamp = vietnamFileStamp(now);
  return `${KIND_NAMES[input.kind]}-${input.year}-${stamp}.${input.format}`;
}

// What an export can be; only these are ever handed to the system to open.
const EXPORT_EXTENSION = /\.(pdf|xlsx|csv|json)$/;

// The renderer names an export by file name only; anything that is not a plain name of an
// exported book inside the exports folder is refused.
export function resolveExportPath(exportsDir: string, fileName: string): string {
  if (basename(fileName) !== fileName || fileName.startsWith('.') || !EXPORT_EXTENSION.test(fileName)) {
    throw new AppError('INVALID_INPUT', 'Tên tệp không hợp lệ.', `not an export file name: ${fileName}`);
  }
  return join(exportsDir, fileName);
}
