import { buildNotation } from './notation.ts';

// The "ký hiệu" a draft will carry once numbered: QĐ-UBND, or UBND-VP for a công văn. The number
// step writes "<số>/<ký hiệu>" into the draft's number slot (docs/drafting.md).
export function draftNotation(draft: { readonly documentType: string; readonly unitAbbreviation: string | null }, agencyAbbreviation: string): string {
  return buildNotation({ documentType: draft.documentType, agencyAbbreviation, unitAbbreviation: draft.unitAbbreviation });
}
