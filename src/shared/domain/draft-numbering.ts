// Numbering inside a decision (Appendix I, II.6.đ): "Điều 1.", clauses "1.", points "a)" in the
// order of the Vietnamese alphabet as the decree's models use it (no ă, â, ê, ô, ơ, ư; đ after d).
const POINT_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];

// Past "y" the letters double (aa, bb…): rare enough that any clear order will do.
export function pointLabel(index: number): string {
  const n = POINT_LETTERS.length;
  const letter = POINT_LETTERS[index % n] as string;
  return `${letter.repeat(Math.floor(index / n) + 1)})`;
}

export function articleLabel(index: number): string {
  return `Điều ${index + 1}.`;
}

export function clauseLabel(index: number): string {
  return `${index + 1}.`;
}

// The line under a quyết định's căn cứ, and a nghị quyết's.
export function enactingWord(documentType: string): string | null {
  if (documentType === 'quyet-dinh') return 'QUYẾT ĐỊNH:';
  if (documentType === 'nghi-quyet') return 'QUYẾT NGHỊ:';
  return null;
}
