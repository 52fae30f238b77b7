import { randomInt } from 'node:crypto';
import type { PDFDocument } from 'pdf-lib';
import { embedFonts } from '../../fonts/embed-fonts.ts';
import type { FontFace } from '../../fonts/font-face.ts';

// The three styles a register book uses.
const BOOK_STYLES = ['regular', 'bold', 'italic'] as const;

export type FontStyle = (typeof BOOK_STYLES)[number];
export type BookFonts = Readonly<Record<FontStyle, FontFace>>;

// A book is printed once: a random subset tag is enough.
function subsetTag(): string {
  return Array.from({ length: 6 }, () => String.fromCharCode(65 + randomInt(26))).join('');
}

export function embedBookFonts(doc: PDFDocument, fontsDir?: string): Promise<BookFonts> {
  return embedFonts(doc, BOOK_STYLES, subsetTag, fontsDir);
}
