import { comparisonKey, foldVietnamese } from './fold.ts';

// Agency names are written both in full and abbreviated ("UBND tỉnh Đồng Nai", "Ủy ban nhân dân
// tỉnh Đồng Nai"); the common abbreviations are expanded before comparing.
const AGENCY_ABBREVIATIONS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\btp\b\.?/g, 'thanh pho'],
];

export function agencyKey(issuingAgency: string): string {
  let folded = foldVietnamese(issuingAgency);
  for (const [pattern, expansion] of AGENCY_ABBREVIATIONS) folded = folded.replace(pattern, expansion);
  return comparisonKey(folded);
}

// Same number + notation + issuing agency names the same document (nd30-rules §4.2), whatever the
// spacing, case, diacritics, leading zeros or agency abbreviations the clerk or the sender used.
export function duplicateKey(issuingAgency: string, codeNumber: string, codeNotation: string): string {
  return `${comparisonKey(codeNumber).replace(/^0+(?=.)/, '')}|${comparisonKey(codeNotation)}|${agencyKey(issuingAgency)}`;
}
