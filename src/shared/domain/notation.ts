import { isCopyType, typeAbbreviation } from './document-types.ts';

// "Số" below 10 gets a leading zero (Decree 30 Appendix I): 01…09, then 10, 11, …
export function formatDocumentNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`document number must be a positive integer, got ${n}`);
  return n < 10 ? `0${n}` : String(n);
}

export interface NotationParts {
  readonly documentType: string;
  readonly agencyAbbreviation: string;
  readonly unitAbbreviation?: string | null;
}

// Ký hiệu (Decree 30 Art. 8.3, Appendix III): type abbreviation - issuing agency abbreviation
// (QĐ-UBND); công văn (and thư công, which has no abbreviation either) use the agency
// abbreviation - drafting unit or field abbreviation (UBND-VP). No spaces; "-" between groups.
export function buildNotation(parts: NotationParts): string {
  const agency = compact(parts.agencyAbbreviation);
  if (!agency) throw new RangeError('agency abbreviation is required for a notation');
  const typeAbbr = typeAbbreviation(parts.documentType);
  if (typeAbbr) return `${typeAbbr}-${agency}`;
  if (isCopyType(parts.documentType)) throw new RangeError(`copy type ${parts.documentType} has an abbreviation`);
  const unit = compact(parts.unitAbbreviation ?? '');
  return unit ? `${agency}-${unit}` : agency;
}

function compact(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, '');
}

// "Số, ký hiệu" as written on the document and in the registers: 12/QĐ-UBND (Appendix I, II.4).
// An issuance not numbered yet has no number and gives null.
export function numberNotation(d: { readonly codeNumber: string; readonly codeNotation: string }): string;
export function numberNotation(d: { readonly codeNumber: string | null; readonly codeNotation: string | null }): string | null;
export function numberNotation(d: { readonly codeNumber: string | null; readonly codeNotation: string | null }): string | null {
  return d.codeNumber !== null && d.codeNotation !== null ? `${d.codeNumber}/${d.codeNotation}` : null;
}
