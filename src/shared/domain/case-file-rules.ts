// The rules of case files (hồ sơ) that need nothing but their inputs: the file's number and
// notation (Decree 30 Appendix V I.2), its retention as written (I.4), its FileCode (Appendix VI
// Part II III.1) and the day it is due at the agency archive (Art. 30.2.b). docs/case-files.md.

// "Số và ký hiệu hồ sơ": the number, at least two digits from 01, a dot, the abbreviation of the
// top heading (01.VP, 12.TCCB), as in the form of Appendix V II.
export function fileNotation(number: number, headingAbbreviation: string): string {
  if (!Number.isInteger(number) || number < 1) throw new RangeError(`file number must be a positive integer, got ${number}`);
  return `${String(number).padStart(2, '0')}.${headingAbbreviation}`;
}

// "Vĩnh viễn" or "N năm" (Appendix V I.4; the Maintenance field of Appendix VI Part II III.3).
export function retentionLabel(years: number | null): string {
  return years === null ? 'Vĩnh viễn' : `${years} năm`;
}

// FileCode = OrganId, FileCatalog (the year the file was formed) and FileNotation, written as one
// string with dots between the parts: 000.46.24.H17.2026.01.VP (docs/handover-package.md).
export function fileCode(organId: string, year: number, notation: string): string {
  return `${organId}.${year}.${notation}`;
}

// Art. 30.2.b: "trong thời hạn 01 năm kể từ ngày công việc kết thúc". The work ends when the
// file is closed (Art. 29.4.a), so a file closed on D is due at the archive on the same day a
// year later; 29 February gives 28 February. This is never later than the end of the next year,
// the shorter reading "files closed in a year go the next year".
export function handoverDueDate(closedOn: string): string {
  const year = Number(closedOn.slice(0, 4)) + 1;
  const monthDay = closedOn.slice(5, 10);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}

// Days from `from` to `to` (both YYYY-MM-DD), negative when `to` is earlier.
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

// A file notation as the clerk types it in a search box or a filter: digits, a dot, letters.
export const FILE_NOTATION_PATTERN = /^\d{1,4}\.[\p{L}\p{N}]{1,20}$/u;
