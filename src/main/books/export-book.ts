import { formatVietnameseDate, yearOf } from '../../shared/domain/dates.ts';
import { AppError } from '../../shared/errors.ts';
import type { Profile } from '../profile/open-profile.ts';
import type { ExportData } from './book-source.ts';
import { checkOutputTarget } from './output-target.ts';
import { writePdfBook } from './pdf/write-pdf.ts';
import { writeCsvBook } from './write-csv.ts';
import { writeJsonBook } from './write-json.ts';
import { writeXlsxBook } from './write-xlsx.ts';

export type { ExportData } from './book-source.ts';

export interface ExportOptions {
  // The packaged app keeps the fonts under process.resourcesPath; see book-fonts.ts.
  readonly fontsDir?: string;
}

// A book is one year: a range reaching into another would print a cover that contradicts itself
// ("Năm 2026", "Từ ngày 01/01/2025"). The input schema may say so too; the book does not rely on it.
function checkRangeInYear(input: ExportData): void {
  for (const [field, label] of [
    ['from', 'Từ ngày'],
    ['to', 'Đến ngày'],
  ] as const) {
    const value = input[field];
    if (value && yearOf(value) !== input.year) {
      throw new AppError(
        'INVALID_INPUT',
        `"${label}" ${formatVietnameseDate(value)} không thuộc năm ${input.year} của sổ.`,
        `${field} ${value} outside the year ${input.year}`,
        { issues: [{ path: field, message: `phải trong năm ${input.year}` }] },
      );
    }
  }
}

// Prints or exports one register book (incoming, outgoing, or the follow-up book of incoming
// documents) for a year, optionally one series and a range of register dates. The file appears
// at outPath complete or not at all.
export async function exportBook(
  profile: Profile,
  input: ExportData,
  outPath: string,
  options: ExportOptions = {},
): Promise<{ rows: number; bytes: number }> {
  checkRangeInYear(input);
  checkOutputTarget(outPath);
  switch (input.format) {
    case 'json':
      return writeJsonBook(profile, input, outPath);
    case 'csv':
      return writeCsvBook(profile, input, outPath);
    case 'xlsx':
      return writeXlsxBook(profile, input, outPath);
    case 'pdf':
      return writePdfBook(profile, input, outPath, options);
  }
}
