import { z } from 'zod';
import { PRIORITIES } from '../../domain/priority.ts';
import { PROCESSING_STATUSES } from '../../domain/processing.ts';
import {
  base64Data,
  idSchema,
  isoDate,
  optionalMultiline,
  optionalText,
  patchMultiline,
  patchText,
  positiveInt,
  priority,
  producedPriority,
  requiredText,
  year,
} from './common.ts';
import { direction } from './series.ts';

export const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024;

// A file handed over by the UI (content inline) when registering or later.
export const attachmentUpload = z.strictObject({
  name: requiredText(255),
  dataBase64: base64Data.max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4, { error: 'tệp lớn quá 100 MB' }),
});

// Sổ văn bản đến: the fields of Appendix IV plus what the handling needs. Field names follow
// docs/glossary.md; `documentType` takes a type name ("Quyết định"), abbreviation ("QĐ") or key.
export const incomingInput = z.strictObject({
  issuingAgency: requiredText(300),
  codeNumber: requiredText(30),
  codeNotation: requiredText(100),
  documentDate: isoDate,
  documentType: requiredText(100),
  subject: requiredText(2000),
  priority: priority.default('thuong'),
  dueDate: isoDate.optional().nullable().transform((v) => v ?? null),
  recipientUnit: optionalText(300),
  notes: optionalMultiline(4000),
  signerName: optionalText(200),
  signerPosition: optionalText(200),
  arrivalDate: isoDate.optional().nullable().transform((v) => v ?? null),
  documentIdentifier: optionalText(200),
  pageCount: positiveInt.optional().nullable().transform((v) => v ?? null),
  copies: positiveInt.optional().nullable().transform((v) => v ?? null),
  transferDate: isoDate.optional().nullable().transform((v) => v ?? null),
  receivedBy: optionalText(200),
  attachments: z.array(attachmentUpload).max(50).default([]),
  // Set when the clerk has seen the suspected duplicates and registers anyway.
  allowDuplicate: z.boolean().default(false),
});
export type IncomingInput = z.input<typeof incomingInput>;
export type IncomingData = z.output<typeof incomingInput>;

// Sổ văn bản đi. The number and notation are not inputs: the series assigns them when the
// registration commits.
export const outgoingInput = z.strictObject({
  documentType: requiredText(100),
  subject: requiredText(2000),
  documentDate: isoDate.optional().nullable().transform((v) => v ?? null),
  unitAbbreviation: optionalText(20),
  signerName: requiredText(200),
  signerPosition: optionalText(200),
  signerCompetence: optionalText(200),
  recipientsText: optionalMultiline(4000),
  recipientUnit: optionalText(300),
  copies: positiveInt.optional().nullable().transform((v) => v ?? null),
  pageCount: positiveInt.optional().nullable().transform((v) => v ?? null),
  transferDate: isoDate.optional().nullable().transform((v) => v ?? null),
  receivedBy: optionalText(200),
  notes: optionalMultiline(4000),
  priority: producedPriority.default('thuong'),
  dueDate: isoDate.optional().nullable().transform((v) => v ?? null),
  attachments: z.array(attachmentUpload).max(50).default([]),
});
export type OutgoingInput = z.input<typeof outgoingInput>;
export type OutgoingData = z.output<typeof outgoingInput>;

export const documentStatus = z.enum(['active', 'void']);
export const processingStatus = z.enum(PROCESSING_STATUSES);

export const attachmentRecord = z.object({
  sha256: z.string(),
  name: z.string(),
  size: z.int(),
  addedAt: z.string(),
  present: z.boolean(),
  // A signed or numbered PDF: the file it was made from, and which signing step made it.
  revisionOf: z.string().nullable(),
  revisionKind: z.enum(['approval', 'number', 'agency', 'attachment', 'copy']).nullable(),
});
export type AttachmentRecord = z.infer<typeof attachmentRecord>;

export const documentRecord = z.object({
  id: z.int(),
  direction,
  registerId: z.int(),
  seriesName: z.string(),
  year: z.int(),
  number: z.int(),
  registerDate: z.string(),
  arrivalAt: z.string().nullable(),
  codeNumber: z.string(),
  codeNotation: z.string(),
  documentDate: z.string(),
  documentType: z.string(),
  documentTypeName: z.string(),
  subject: z.string(),
  issuingAgency: z.string(),
  signerName: z.string().nullable(),
  signerPosition: z.string().nullable(),
  signerCompetence: z.string().nullable(),
  recipientsText: z.string().nullable(),
  recipientUnit: z.string().nullable(),
  copies: z.int().nullable(),
  pageCount: z.int().nullable(),
  transferDate: z.string().nullable(),
  receivedBy: z.string().nullable(),
  notes: z.string().nullable(),
  priority: z.enum(PRIORITIES),
  dueDate: z.string().nullable(),
  documentIdentifier: z.string().nullable(),
  status: documentStatus,
  voidReason: z.string().nullable(),
  processingStatus: processingStatus.nullable(),
  assigneeUnit: z.string().nullable(),
  assigneePerson: z.string().nullable(),
  replyNotation: z.string().nullable(),
  overdue: z.boolean(),
  attachmentCount: z.int(),
  // The notations of the case files it is filed in ("Số và ký hiệu HS", docs/case-files.md).
  caseFiles: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DocumentRecord = z.infer<typeof documentRecord>;

export const documentDetail = documentRecord.extend({
  attachments: z.array(attachmentRecord),
});
export type DocumentDetail = z.infer<typeof documentDetail>;

export const LIST_SORTS = ['number', 'documentDate', 'dueDate'] as const;

export const listQuery = z.strictObject({
  direction,
  query: z.string().max(200).optional(),
  year: year.optional(),
  registerId: idSchema.optional(),
  documentType: z.string().max(100).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  status: z.enum(['active', 'void', 'all']).default('all'),
  processingStatus: processingStatus.optional(),
  priority: z.enum(PRIORITIES).optional(),
  urgentOnly: z.boolean().default(false),
  // The documents of a case file: its id, or its notation ("01.VP", in any year's plan).
  caseFile: z.union([idSchema, z.string().trim().min(1).max(30)]).optional(),
  sort: z.enum(LIST_SORTS).default('number'),
  order: z.enum(['asc', 'desc']).default('desc'),
  offset: z.int().min(0).max(10_000_000).default(0),
  limit: z.int().min(1).max(500).default(50),
  withTotal: z.boolean().default(true),
});
export type ListQuery = z.input<typeof listQuery>;
export type ListQueryData = z.output<typeof listQuery>;

export const listResult = z.object({
  rows: z.array(documentRecord),
  total: z.int().nullable(),
});
export type ListResult = z.infer<typeof listResult>;

export const duplicateMatch = z.object({
  id: z.int(),
  year: z.int(),
  number: z.int(),
  codeNumber: z.string(),
  codeNotation: z.string(),
  issuingAgency: z.string(),
  documentDate: z.string(),
  subject: z.string(),
  reason: z.enum(['same-number-notation-agency', 'same-document-identifier']),
  status: documentStatus,
});
export type DuplicateMatch = z.infer<typeof duplicateMatch>;

export const documentPatch = z.strictObject({
  id: idSchema,
  subject: requiredText(2000).optional(),
  issuingAgency: requiredText(300).optional(),
  codeNumber: requiredText(30).optional(),
  codeNotation: requiredText(100).optional(),
  documentDate: isoDate.optional(),
  documentType: requiredText(100).optional(),
  signerName: patchText(200),
  signerPosition: patchText(200),
  recipientsText: patchMultiline(4000),
  recipientUnit: patchText(300),
  copies: positiveInt.nullable().optional(),
  pageCount: positiveInt.nullable().optional(),
  transferDate: isoDate.nullable().optional(),
  receivedBy: patchText(200),
  notes: patchMultiline(4000),
  priority: priority.optional(),
  documentIdentifier: patchText(200),
});
export type DocumentPatch = z.input<typeof documentPatch>;

export const voidInput = z.strictObject({
  id: idSchema,
  reason: requiredText(1000),
});

export const processingInput = z.strictObject({
  id: idSchema,
  status: processingStatus.optional(),
  assigneeUnit: patchText(300),
  assigneePerson: patchText(200),
  dueDate: isoDate.nullable().optional(),
  replyNotation: patchText(200),
});
export type ProcessingInput = z.input<typeof processingInput>;

export const addAttachmentInput = attachmentUpload.extend({ documentId: idSchema });

export const attachmentContent = z.object({
  name: z.string(),
  size: z.int(),
  dataBase64: z.string(),
});
