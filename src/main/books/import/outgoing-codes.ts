import type { ImportRowError } from '../../../shared/api/schemas/books.ts';
import type { RegistryContext } from '../../registry/context.ts';
import type { ImportRow } from './parse-row.ts';
import { rowIssue } from './row-reader.ts';
import { numberNotation } from '../../../shared/domain/notation.ts';

// "1/QĐ-UBND" and "01/QĐ-UBND" are one outgoing code: the number part is compared without its
// leading zeros (registers imported before numbers were stored as 01…09 may hold either).
function codeKey(year: number, codeNumber: string, codeNotation: string): string {
  return `${year}|${codeNumber.replace(/^0+(?=.)/, '')}|${codeNotation}`;
}

// An outgoing number+notation is issued once per year (nd30-rules §2): a row is refused when an
// earlier row of the file or a document already registered has it. The codes already issued are
// read once per year the file touches: the unique index compares code numbers as written, so it
// cannot answer "with or without leading zeros".
export function outgoingCodeChecker(ctx: RegistryContext): (row: ImportRow) => ImportRowError | null {
  const inFile = new Map<string, number>();
  const issuedByYear = new Map<number, Set<string>>();
  const query = ctx.db.prepare("SELECT code_number, code_notation FROM documents WHERE direction = 'outgoing' AND year = ?");
  const issued = (year: number): ReadonlySet<string> => {
    let codes = issuedByYear.get(year);
    if (!codes) {
      const rows = query.all(year) as Array<{ code_number: string; code_notation: string }>;
      codes = new Set(rows.map((r) => codeKey(year, r.code_number, r.code_notation)));
      issuedByYear.set(year, codes);
    }
    return codes;
  };
  return (row) => {
    const key = codeKey(row.year, row.codeNumber, row.codeNotation);
    const code = numberNotation(row);
    const earlier = inFile.get(key);
    if (earlier !== undefined) return rowIssue(row.row, 'numberAndNotation', `"${code}" năm ${row.year} trùng với dòng ${earlier}`);
    inFile.set(key, row.row);
    if (issued(row.year).has(key)) return rowIssue(row.row, 'numberAndNotation', `"${code}" năm ${row.year} đã được cấp trong sổ văn bản đi`);
    return null;
  };
}
