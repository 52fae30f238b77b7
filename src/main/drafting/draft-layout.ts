// Page geometry and type sizes of a draft (Decree 30 Appendix I; nd30-rules §8), in PDF points.
// Where the decree gives a range we take one value and docs/drafting.md says which.
export const MM = 72 / 25.4;

export const PAGE = { width: 595.28, height: 841.89 } as const; // A4 portrait
export const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM } as const;
export const CONTENT = {
  left: MARGIN.left,
  right: PAGE.width - MARGIN.right,
  width: PAGE.width - MARGIN.left - MARGIN.right,
  top: PAGE.height - MARGIN.top,
  bottom: MARGIN.bottom,
} as const;

// The header's left column (agency, number) takes 44% of the text width, the right the rest.
export const HEADER_LEFT_SHARE = 0.44;

export const SIZE = {
  agency: 12,
  nation: 12,
  motto: 13,
  number: 13,
  placeDate: 13,
  congVanSubject: 12,
  title: 14,
  body: 14,
  signer: 14,
  toPlacesLabel: 12,
  toPlaces: 11,
  pageNumber: 13,
  stamp: 13,
} as const;

// Liberation Serif's ascent and descent per unit of size (hhea): where a baseline sits in a line.
// They are Times New Roman's too; fonts/truetype-check.ts does not choose a Windows face whose differ.
export const ASCENT = 0.891;
export const DESCENT = 0.216;

// Line spacing 1.2 (between the decree's single and 1.5 lines), 6 pt between paragraphs, first-
// line indent 1 cm.
export const LINE = 1.2;
export const PARAGRAPH_GAP = 6;
export const INDENT = 10 * MM;

// Underlines: the agency's and the trích yếu's 40% of their text (the decree's 1/3 to 1/2).
export const SHORT_RULE = 0.4;
export const RULE_WIDTH = 0.5;

// Room left for the signature image between the position line and the signer's name, and the
// slot the image is fitted into (signing.md's default approval box is 150 × 70).
export const SIGNATURE_GAP = 80;
export const SIGNATURE_WIDTH = 150;
export const SEAL_MM = 36;

export const STAMP_HEIGHT = 8 * MM;
export const RED = '1 0 0';

export const lineHeight = (size: number): number => size * LINE;
