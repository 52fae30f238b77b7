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

// The renderer names an export by file name only; anything that is not a plain name inside the
// exports folder is refused.
export function resolveExportPath(exportsDir: string, fileName: string): string {
  if (basename(fileName) !== fileName || fileName.startsWith('.')) {
    throw new AppError('INVALID_INPUT', 'Tên tệp không hợp lệ.', `export file name with path: ${fileName}`);
  }
  return join(exportsDir, fileName);
}
