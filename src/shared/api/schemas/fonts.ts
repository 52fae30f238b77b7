import { z } from 'zod';

// The font drafts, text stamps and register books are set in (docs/drafting.md "Font"): Times New
// Roman from Windows, or the bundled Liberation Serif with the reason Times New Roman was not used.
export const legalFontInfo = z.object({
  family: z.enum(['Times New Roman', 'Liberation Serif']),
  source: z.enum(['windows', 'bundled']),
  // "Times New Roman của Windows" or "Liberation Serif (thay thế, cùng kích thước chữ)".
  labelVi: z.string(),
  // Why not Times New Roman, for the clerk; null when it is used.
  fallbackVi: z.string().nullable(),
  // The folder the font files are read from.
  folder: z.string(),
});

export type LegalFontInfo = z.infer<typeof legalFontInfo>;
