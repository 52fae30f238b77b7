import { z } from 'zod';
import { base64Data } from './common.ts';

// Fields proposed from the text of a PDF for the clerk to confirm (docs/prefill.md): never filled
// in silently. The names are the incoming register's (docs/glossary.md).
export const PREFILL_FIELDS = ['issuingAgency', 'codeNumber', 'codeNotation', 'documentDate', 'documentType', 'subject', 'signerName', 'signerPosition'] as const;
export type PrefillField = (typeof PREFILL_FIELDS)[number];

// Reading the text of a larger file is not worth the wait: a PDF with a text layer from an office
// is well under this; a bigger one is mostly a scan, which has no text to read.
export const MAX_PREFILL_BYTES = 20 * 1024 * 1024;

export const proposeFieldsInput = z.strictObject({
  fileName: z.string().max(255).default(''),
  dataBase64: base64Data.max(Math.ceil((MAX_PREFILL_BYTES * 4) / 3) + 4, { error: 'tệp lớn quá 20 MB' }),
});

// A word of a scan the value was read from: its page and its box in the page image's pixels,
// origin top left (docs/ocr.md), for the form to highlight.
export const wordBox = z.object({ page: z.int().min(1), x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() });
export type WordBox = z.infer<typeof wordBox>;

export const fieldProposal = z.object({
  value: z.string(),
  // The line of the document the value was read from, shown to the clerk beside the proposal.
  source: z.string(),
  page: z.int().min(1),
  // Only from a scan: a PDF's text has no image to point at.
  boxes: z.array(wordBox).optional(),
});
export type FieldProposal = z.infer<typeof fieldProposal>;

// 'read': the text was read (some fields may have no proposal); 'no-text': a PDF without a text
// layer (a scan); 'unreadable': not a PDF pdf.js can open. The message is for the clerk.
export const proposeFieldsResult = z.object({
  status: z.enum(['read', 'no-text', 'unreadable']),
  messageVi: z.string().nullable(),
  pages: z.int().min(0),
  proposals: z.object(Object.fromEntries(PREFILL_FIELDS.map((f) => [f, fieldProposal.nullable()])) as Record<PrefillField, z.ZodNullable<typeof fieldProposal>>),
});
export type ProposeFieldsResult = z.infer<typeof proposeFieldsResult>;
export type FieldProposals = ProposeFieldsResult['proposals'];
