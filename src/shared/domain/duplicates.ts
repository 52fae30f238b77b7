import { comparisonKey } from './fold.ts';

// Same number + notation + issuing agency names the same document (nd30-rules §4.2), whatever the
// spacing, case, diacritics or leading zeros the clerk or the sender used.
export function duplicateKey(issuingAgency: string, codeNumber: string, codeNotation: string): string {
  return `${comparisonKey(codeNumber).replace(/^0+(?=.)/, '')}|${comparisonKey(codeNotation)}|${comparisonKey(issuingAgency)}`;
}
