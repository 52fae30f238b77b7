import { z } from 'zod';
import { PRIORITIES } from '../../domain/priority.ts';
import { draftInput } from './draft.ts';
import { attachmentUpload } from './documents.ts';
import { idSchema, optionalMultiline, optionalText, organId, positiveInt, producedPriority, requiredText } from './common.ts';
import { placementInput, rect } from './signing.ts';

// The issuance workflow (docs/issuance.md): a document from its draft through approval,
// numbering and issuing into the outgoing register, then out to its recipients.
export const ISSUANCE_STATES = ['draft', 'submitted', 'approved', 'numbered', 'issued', 'registered', 'distributed', 'void'] as const;

export type IssuanceState = (typeof ISSUANCE_STATES)[number];

// The order of the workflow: each step moves a document from the state before it to its own.
export const ISSUANCE_STEPS: readonly Exclude<IssuanceState, 'void'>[] = ISSUANCE_STATES.filter((s): s is Exclude<IssuanceState, 'void'> => s !== 'void');

// What the clerk reads for each state, in the app and the CLI alike.
export const ISSUANCE_STATE_NAMES: Readonly<Record<IssuanceState, string>> = {
  draft: 'Dự thảo',
  submitted: 'Trình ký',
  approved: 'Đã ký duyệt',
  numbered: 'Đã cấp số',
  issued: 'Đã phát hành',
  registered: 'Đã vào sổ',
  distributed: 'Đã gửi',
  void: 'Đã hủy',
};

// Độ mật (nd30-rules §6). Anything but 'none' is a secret document.
export const SECRECY_LEVELS = ['none', 'mat', 'toi-mat', 'tuyet-mat'] as const;
export type Secrecy = (typeof SECRECY_LEVELS)[number];

// Văn bản sửa đổi, bổ sung / thay thế (content errors) and công văn đính chính (form errors),
// nd30-rules §5.
export const CORRECTION_RELATIONS = ['amends', 'replaces', 'corrects'] as const;
export type CorrectionRelation = (typeof CORRECTION_RELATIONS)[number];

// Where a rendered draft left room for the number, the date, the approval signature and the
// seal (the renderer's placeholders). `rect` is [x1, y1, x2, y2] in PDF points, page 0-based.
const textSlot = z.object({ page: z.int().min(0), rect, baseline: z.number(), size: z.number().positive() });
const boxSlot = z.object({ page: z.int().min(0), rect });
export const draftPlaceholders = z.object({
  number: textSlot.nullable().optional(),
  date: textSlot.nullable().optional(),
  signature: boxSlot.nullable().optional(),
  seal: boxSlot.nullable().optional(),
});
export type DraftPlaceholders = z.infer<typeof draftPlaceholders>;

export const recipientInput = z.strictObject({
  name: requiredText(300),
  // The recipient's agency identifier: with one, the document is queued for the hub.
  organId: organId.nullable().optional().transform((v) => v ?? null),
});

const issuanceFields = {
  documentType: requiredText(100),
  subject: requiredText(2000),
  unitAbbreviation: optionalText(20),
  signerName: requiredText(200),
  signerPosition: optionalText(200),
  signerCompetence: optionalText(200),
  priority: producedPriority.default('thuong'),
  secrecy: z.enum(SECRECY_LEVELS, { error: 'độ mật phải là none, mat, toi-mat hoặc tuyet-mat' }).default('none'),
  recipients: z.array(recipientInput).min(1, { error: 'chưa có nơi nhận nào' }).max(200),
  // "Lưu: VT, VP": the units that keep a copy (column 6 of the outgoing register).
  archive: optionalText(300),
  copies: positiveInt.optional().nullable().transform((v) => v ?? null),
  notes: optionalMultiline(4000),
  // The draft as a PDF made elsewhere (or rendered), and its separate attachment files (PDF).
  main: attachmentUpload,
  attachments: z.array(attachmentUpload).max(50).default([]),
  placeholders: draftPlaceholders.nullable().optional().transform((v) => v ?? null),
};

export const issuanceCreateInput = z.strictObject(issuanceFields);
export type IssuanceCreateInput = z.input<typeof issuanceCreateInput>;
export type IssuanceCreateData = z.output<typeof issuanceCreateInput>;

// A draft written in the app: the document's own fields come from the draft (type, unit,
// trích yếu, signer, urgency, secrecy), the PDF and its placeholders from the renderer; the
// recipients and archive units are what the register and the distribution need besides.
export const issuanceFromDraftInput = z.strictObject({
  draft: draftInput,
  recipients: issuanceFields.recipients,
  archive: issuanceFields.archive,
  copies: issuanceFields.copies,
  notes: issuanceFields.notes,
  attachments: issuanceFields.attachments,
});
export type IssuanceFromDraftData = z.output<typeof issuanceFromDraftInput>;

export const draftPreviewInput = z.strictObject({ draft: draftInput });
export const draftPreview = z.object({
  pdfBase64: z.string(),
  pages: z.int(),
  placeholders: draftPlaceholders,
});

export const issuanceCorrectInput = z.strictObject({
  ...issuanceFields,
  originalDocumentId: idSchema,
  relation: z.enum(CORRECTION_RELATIONS),
});
export type IssuanceCorrectData = z.output<typeof issuanceCorrectInput>;

export const issuanceId = z.strictObject({ id: idSchema });
// One of the files of an issuance (any step, before or after numbering).
export const issuanceFileRef = z.strictObject({ id: idSchema, sha256: z.string().regex(/^[0-9a-f]{64}$/) });

// The signing CLI's and signing.sign's token fields. The PIN is held only for the login.
const tokenFields = {
  modulePath: z.string().min(1).max(1000),
  tokenSerial: z.string().min(1).max(64),
  certificateId: z.string().regex(/^[0-9a-f]{0,256}$/),
  pin: z.string().min(1, { error: 'chưa nhập mã PIN' }).max(64).nullable(),
};

export const issuanceApproveInput = z.strictObject({ id: idSchema, ...tokenFields, placement: placementInput.nullable().optional() });
export const issuanceIssueInput = z.strictObject({ id: idSchema, ...tokenFields, placement: placementInput.nullable().optional() });
export const issuanceVoidInput = z.strictObject({ id: idSchema, reason: requiredText(1000) });

export const issuanceListInput = z.strictObject({
  state: z.enum(ISSUANCE_STATES).optional(),
  offset: z.int().min(0).default(0),
  limit: z.int().min(1).max(500).default(50),
});

export const issuanceFile = z.object({
  id: z.int(),
  sha256: z.string(),
  name: z.string(),
  size: z.int(),
  role: z.enum(['main', 'attachment']),
  step: z.enum(['draft', 'approved', 'numbered', 'issued']),
  revisionOf: z.int().nullable(),
  present: z.boolean(),
});

export const issuanceRecipient = z.object({
  name: z.string(),
  organId: z.string().nullable(),
  // Electronic when it has an organId and the document is not secret; paper otherwise.
  channel: z.enum(['electronic', 'paper']),
});

export const outboxRecord = z.object({
  id: z.int(),
  recipientName: z.string(),
  organId: z.string(),
  status: z.enum(['pending', 'sent', 'failed', 'cancelled']),
  // The last status the recipient reported through the hub (01 Đã đến … 06 Hoàn thành, 15/16),
  // the time it gave, and its description (the reason of a refusal); null until one arrives.
  receiveStatus: z.string().nullable(),
  receiveStatusAt: z.string().nullable(),
  receiveDescription: z.string().nullable(),
});

export const issuanceSummary = z.object({
  id: z.int(),
  state: z.enum(ISSUANCE_STATES),
  source: z.enum(['import', 'render']),
  documentType: z.string(),
  documentTypeName: z.string(),
  subject: z.string(),
  unitAbbreviation: z.string().nullable(),
  signerName: z.string(),
  signerPosition: z.string().nullable(),
  signerCompetence: z.string().nullable(),
  priority: z.enum(PRIORITIES),
  secrecy: z.enum(SECRECY_LEVELS),
  archive: z.string().nullable(),
  copies: z.int().nullable(),
  notes: z.string().nullable(),
  documentId: z.int().nullable(),
  codeNumber: z.string().nullable(),
  codeNotation: z.string().nullable(),
  documentDate: z.string().nullable(),
  relatedDocumentId: z.int().nullable(),
  relation: z.enum(CORRECTION_RELATIONS).nullable(),
  voidReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type IssuanceSummary = z.infer<typeof issuanceSummary>;

export const issuanceRecord = issuanceSummary.extend({
  hasDraftJson: z.boolean(),
  placeholders: draftPlaceholders.nullable(),
  recipients: z.array(issuanceRecipient),
  files: z.array(issuanceFile),
  outbox: z.array(outboxRecord),
});
export type IssuanceRecord = z.infer<typeof issuanceRecord>;

export const issuanceListResult = z.object({ rows: z.array(issuanceSummary), total: z.int() });

export const issuanceSettings = z.object({
  // The profile runs on a machine cleared for secret documents (off the network): only then
  // may a document marked Mật or above be drafted here.
  allowSecretDrafts: z.boolean(),
});
export const issuanceSettingsInput = z.strictObject({ allowSecretDrafts: z.boolean() });
