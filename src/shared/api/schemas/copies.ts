import { z } from 'zod';
import { COPY_FORMS, COPY_KINDS, PAPER_KINDS } from '../../domain/copy-rules.ts';
import { idSchema, isoDate, optionalText, organId, priority, requiredText } from './common.ts';
import { attachmentRecord, attachmentUpload } from './documents.ts';

// Copies (docs/copies.md): digitising a paper document, the copies the law allows of each file,
// making one (numbered in the copies series), sending an electronic one through the hub; and the
// separate register of secret incoming paper documents.
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const imageUpload = attachmentUpload;

export const digitiseInput = z
  .strictObject({
    documentId: idSchema,
    paperKind: z.enum(PAPER_KINDS, { error: 'phải là bản gốc/bản chính (original) hoặc bản sao y giấy (certified-copy)' }),
    // A scanned PDF, or page images (PNG/JPEG) in page order; exactly one of them.
    pdf: attachmentUpload.nullable().optional().transform((v) => v ?? null),
    images: z.array(imageUpload).max(500).default([]),
    name: optionalText(200),
  })
  .refine((v) => (v.pdf === null) !== (v.images.length === 0), { error: 'chọn một tệp PDF quét hoặc các ảnh trang, không cả hai', path: ['pdf'] });

export const scanVerdict = z.object({
  ok: z.boolean(),
  pdfVersion: z.string(),
  minDpi: z.int().nullable(),
  colour: z.boolean(),
  pages: z.array(z.object({ page: z.int(), dpi: z.int().nullable(), colour: z.boolean().nullable() })),
  problemsVi: z.array(z.string()),
});

export const digitisationRecord = z.object({
  documentId: z.int(),
  file: attachmentRecord,
  paperKind: z.enum(PAPER_KINDS),
  verdict: scanVerdict,
});

const answer = z.union([z.object({ allowed: z.literal(true), basis: z.string() }), z.object({ allowed: z.literal(false), reasonVi: z.string() })]);

export const copyRecord = z.object({
  id: z.int(),
  copyDocumentId: z.int(),
  sourceDocumentId: z.int(),
  sourceSha256: z.string(),
  kind: z.enum(COPY_KINDS),
  form: z.enum(COPY_FORMS),
  numberNotation: z.string(),
  copyDate: z.string(),
  file: attachmentRecord,
  basis: z.string(),
  status: z.enum(['active', 'void']),
  // Electronic recipients queued for the hub (none for a paper copy).
  queued: z.array(z.object({ name: z.string(), organId: z.string(), status: z.string() })),
});
export type CopyRecord = z.infer<typeof copyRecord>;

export const copyOptions = z.object({
  documentId: z.int(),
  files: z.array(
    z.object({
      sha256: z.string(),
      name: z.string(),
      digitised: z.enum(PAPER_KINDS).nullable(),
      options: z.array(z.object({ kind: z.enum(COPY_KINDS), form: z.enum(COPY_FORMS), answer })),
    }),
  ),
  copies: z.array(copyRecord),
  // Set when this document is itself a copy.
  copyOf: copyRecord.nullable(),
});
export type CopyOptions = z.infer<typeof copyOptions>;

const tokenFields = {
  modulePath: z.string().min(1).max(1000),
  tokenSerial: z.string().min(1).max(64),
  certificateId: z.string().regex(/^[0-9a-f]{0,256}$/),
  pin: z.string().min(1, { error: 'chưa nhập mã PIN' }).max(64).nullable(),
};

const copyCommon = {
  documentId: idSchema,
  sourceSha256: sha256,
  kind: z.enum(COPY_KINDS, { error: 'phải là sao-y, sao-luc hoặc trich-sao' }),
  // The trích sao made again in full format (Art. 25.3.b), as a PDF.
  excerpt: attachmentUpload.nullable().optional().transform((v) => v ?? null),
  subject: optionalText(2000),
};

export const makeElectronicCopyInput = z.strictObject({ ...copyCommon, ...tokenFields });

// The paper copy block of Mẫu 3.1: who signs it (by hand, with the seal) and Nơi nhận.
export const makePaperCopyInput = z.strictObject({
  ...copyCommon,
  signerCompetence: optionalText(200),
  signerPosition: requiredText(200),
  signerName: requiredText(200),
  recipients: z.array(requiredText(300)).min(1, { error: 'chưa có nơi nhận nào' }).max(100),
});

export const copyDistributeInput = z.strictObject({
  copyId: idSchema,
  recipients: z
    .array(z.strictObject({ name: requiredText(300), organId }))
    .min(1, { error: 'chưa có nơi nhận điện tử nào' })
    .max(200),
});

export const secretIncomingInput = z.strictObject({
  secrecy: z.enum(['mat', 'toi-mat', 'tuyet-mat'], { error: 'độ mật phải là mat, toi-mat hoặc tuyet-mat' }),
  issuingAgency: requiredText(300),
  codeNumber: requiredText(30),
  codeNotation: requiredText(100),
  documentDate: isoDate,
  documentType: requiredText(100),
  subject: requiredText(2000),
  priority: priority.default('thuong'),
  recipientUnit: optionalText(300),
  notes: optionalText(2000),
  arrivalDate: isoDate.optional().nullable().transform((v) => v ?? null),
});

export const secretIncomingRecord = z.object({
  id: z.int(),
  seriesName: z.string(),
  year: z.int(),
  number: z.int(),
  arrivalDate: z.string(),
  secrecy: z.enum(['mat', 'toi-mat', 'tuyet-mat']),
  issuingAgency: z.string(),
  codeNumber: z.string(),
  codeNotation: z.string(),
  documentDate: z.string(),
  documentTypeName: z.string(),
  subject: z.string(),
  recipientUnit: z.string().nullable(),
});
export type SecretIncomingRecord = z.infer<typeof secretIncomingRecord>;

