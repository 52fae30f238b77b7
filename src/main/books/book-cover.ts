import { formatVietnameseDate } from '../../shared/domain/dates.ts';
import { formatDocumentNumber } from '../../shared/domain/notation.ts';
import { BOOK_TITLES } from './book-columns.ts';
import type { BookHeader, RegisterPart } from './book-source.ts';

// What the cover of a register says (nd30-rules §3). Where the rules leave a value open we
// decide here (see docs/register-books.md): the dates are the requested range, else those of the
// first and last entry, else the whole year; "Quyển số" is 01 for a whole year, and left for the
// clerk to write by hand when only part of the year is printed.
export interface BookCover {
  readonly parentAgency: string | null;
  readonly agency: string;
  readonly title: string;
  readonly yearLine: string;
  readonly dateLine: string;
  readonly numberLines: readonly string[];
  readonly volumeLine: string;
  readonly from: string;
  readonly to: string;
}

const upper = (s: string): string => s.normalize('NFC').toLocaleUpperCase('vi');

function firstOf(values: ReadonlyArray<string | null>): string | null {
  return values.filter((v): v is string => v !== null).sort()[0] ?? null;
}

function lastOf(values: ReadonlyArray<string | null>): string | null {
  return values.filter((v): v is string => v !== null).sort().at(-1) ?? null;
}

export function effectiveRange(header: BookHeader): { from: string; to: string } {
  return {
    from: header.from ?? firstOf(header.registers.map((r) => r.firstDate)) ?? `${header.year}-01-01`,
    to: header.to ?? lastOf(header.registers.map((r) => r.lastDate)) ?? `${header.year}-12-31`,
  };
}

// Outgoing numbers are printed as issued (01…09 with a leading zero); số đến as plain numbers.
function numberText(header: BookHeader, n: number | null): string {
  if (n === null) return '…';
  return header.kind === 'outgoing' ? formatDocumentNumber(n) : String(n);
}

function numberRange(header: BookHeader, part: RegisterPart | undefined): string {
  return `số ${numberText(header, part?.firstNumber ?? null)} đến số ${numberText(header, part?.lastNumber ?? null)}`;
}

export function bookCover(header: BookHeader): BookCover {
  const { from, to } = effectiveRange(header);
  // Several outgoing series (e.g. a separate one for copies) each have their own numbers.
  const numberLines =
    header.registers.length > 1
      ? header.registers.map((r) => `${r.seriesName}: từ ${numberRange(header, r)}`)
      : [`Từ ${numberRange(header, header.registers[0])}`];
  const wholeYear = header.from === null && header.to === null;
  return {
    parentAgency: header.parentAgencyName ? upper(header.parentAgencyName) : null,
    agency: upper(header.agencyName),
    title: BOOK_TITLES[header.kind],
    yearLine: `Năm ${header.year}`,
    dateLine: `Từ ngày ${formatVietnameseDate(from)} đến ngày ${formatVietnameseDate(to)}`,
    numberLines,
    volumeLine: wholeYear ? 'Quyển số: 01' : 'Quyển số: ……',
    from,
    to,
  };
}
