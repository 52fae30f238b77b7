import { createHash } from 'node:crypto';
import type { PDFDocument } from 'pdf-lib';
import { embedFonts } from '../fonts/embed-fonts.ts';
import type { FontFace } from '../fonts/font-face.ts';

// The four styles a draft uses: bold italic is "Nơi nhận:".
export const DRAFT_STYLES = ['regular', 'bold', 'italic', 'boldItalic'] as const;

export type DraftStyle = (typeof DRAFT_STYLES)[number];
export type DraftFonts = Readonly<Record<DraftStyle, FontFace>>;

// A draft's subset tags come from its content, so the same draft gives the same bytes.
function subsetTag(seed: string, style: DraftStyle): string {
  const digest = createHash('sha256').update(`${seed}\u0000${style}`).digest();
  return Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('');
}

export function embedDraftFonts(doc: PDFDocument, seed: string, fontsDir?: string): Promise<DraftFonts> {
  return embedFonts(doc, DRAFT_STYLES, (style) => subsetTag(seed, style), fontsDir);
}
