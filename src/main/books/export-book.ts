import type { Profile } from '../profile/open-profile.ts';
import type { ExportData } from './book-source.ts';
import { writePdfBook } from './pdf/write-pdf.ts';
import { writeCsvBook } from './write-csv.ts';
import { writeJsonBook } from './write-json.ts';
import { writeXlsxBook } from './write-xlsx.ts';

export type { ExportData } from './book-source.ts';

export interface ExportOptions {
  // The packaged app keeps the fonts under process.resourcesPath; see book-fonts.ts.
  readonly fontsDir?: string;
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
