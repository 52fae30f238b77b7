import { z } from 'zod';
import { base64Data, requiredText } from './common.ts';
import { MAX_ATTACHMENT_BYTES } from './documents.ts';
import { proposeFieldsResult } from './prefill.ts';

// Recognising a scan on the registration form (docs/ocr.md "In the app"): the job runs on the
// privileged side, one page at a time; the form asks for its state while it runs, shows the
// pages with the words each proposal came from, and can cancel it. Nothing is registered by it:
// the clerk confirms the fields and registers as with any file.

export const ocrStartInput = z.strictObject({
  fileName: requiredText(255),
  // A scan is registered as an attachment afterwards: the same limit.
  dataBase64: base64Data.max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4, { error: 'tệp lớn quá 100 MB' }),
  // Also make the searchable PDF (the page images with the text under them), stored beside the
  // scan when it is registered.
  searchablePdf: z.boolean().default(false),
});
export type OcrStartInput = z.input<typeof ocrStartInput>;

export const ocrJobInput = z.strictObject({ jobId: z.uuid() });
export const ocrPageInput = z.strictObject({ jobId: z.uuid(), page: z.int().min(1).max(100_000) });

export const ocrPageInfo = z.object({
  page: z.int().min(1),
  status: z.enum(['recognised', 'no-image']),
  widthPx: z.int().min(0),
  heightPx: z.int().min(0),
  dpi: z.number().min(0),
  dpiAssumed: z.boolean(),
  confidence: z.number().min(0).max(100),
});
export type OcrPageInfo = z.infer<typeof ocrPageInfo>;

export const OCR_JOB_STATUSES = ['running', 'done', 'failed', 'cancelled'] as const;
export const ocrJobState = z.object({
  jobId: z.uuid(),
  fileName: z.string(),
  status: z.enum(OCR_JOB_STATUSES),
  // The page being recognised (1-based) of how many; 0 of 0 until the file is opened.
  page: z.int().min(0),
  pages: z.int().min(0),
  pageFraction: z.number().min(0).max(1),
  fraction: z.number().min(0).max(1),
  // Why it failed or was cancelled, for the clerk.
  messageVi: z.string().nullable(),
  pageInfo: z.array(ocrPageInfo),
  fields: proposeFieldsResult.nullable(),
  // The recognised text, pages apart by a form feed; null until done.
  text: z.string().nullable(),
  // Done and kept for the search index (and the searchable PDF, when asked), waiting for the scan
  // to be registered.
  recorded: z.boolean(),
  searchablePdf: z.boolean(),
});
export type OcrJobState = z.infer<typeof ocrJobState>;

export const ocrPageImage = z.object({
  page: z.int().min(1),
  mimeType: z.enum(['image/png', 'image/jpeg']),
  dataBase64: z.string(),
  // The size of the image the word boxes are measured in.
  widthPx: z.int().min(1),
  heightPx: z.int().min(1),
});
export type OcrPageImage = z.infer<typeof ocrPageImage>;
