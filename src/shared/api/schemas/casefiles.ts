import { z } from 'zod';
import { abbreviation, idSchema, isoDate, optionalMultiline, optionalText, requiredText, year } from './common.ts';
import { direction } from './series.ts';

// Case files (hồ sơ, docs/case-files.md): the year's file plan (danh mục hồ sơ, Appendix V I–II)
// with its headings and files, the documents filed in them (Appendix VI III.4), closing, and the
// handover to the agency archive (Art. 30–31).

export const NUMBERINGS = ['plan', 'heading'] as const;
// Appendix V I.2: numbered across the whole plan, or within each top heading, each from 01.
export const numbering = z.enum(NUMBERINGS, { error: 'cách đánh số là "plan" (liên tục trong cả danh mục) hoặc "heading" (trong từng đề mục lớn)' });
export const caseFileStatus = z.enum(['open', 'closed', 'handed_over']);
export type CaseFileStatus = z.infer<typeof caseFileStatus>;

// Vĩnh viễn is null; a term is a number of years.
const retentionYears = z.int({ error: 'thời hạn bảo quản là số năm hoặc để trống (vĩnh viễn)' }).min(1, { error: 'phải lớn hơn 0' }).max(100, { error: 'quá 100 năm: chọn vĩnh viễn' }).nullable();
const position = z.int().min(1, { error: 'vị trí bắt đầu từ 1' });

export const planYearInput = z.strictObject({ year });

export const createPlanInput = z.strictObject({
  year,
  // 'defaults': the default headings of a commune People's Committee; 'previous': the headings
  // and files of last year's plan, without its documents.
  from: z.enum(['defaults', 'previous']).default('defaults'),
  // Absent: the previous plan's choice when copying it, else within each heading.
  numbering: numbering.optional(),
});
export type CreatePlanInput = z.input<typeof createPlanInput>;

export const setNumberingInput = z.strictObject({ year, numbering });

export const approvePlanInput = z.strictObject({
  year,
  decisionNumber: requiredText(50),
  decisionDate: isoDate,
  // "của …": who approved it (Art. 28: the head of the agency), e.g. "Chủ tịch UBND xã".
  decisionBy: requiredText(200),
});
export type ApprovePlanInput = z.input<typeof approvePlanInput>;

export const saveHeadingInput = z.strictObject({
  planId: idSchema,
  // Absent: a new heading.
  id: idSchema.optional(),
  // A new sub-heading names its top heading; absent or null: a top heading.
  parentId: idSchema.nullable().optional(),
  title: requiredText(300),
  // Top headings only, e.g. "VP", "TCCB".
  abbreviation: abbreviation.optional(),
  // The rank to move it to among its siblings (1 = first); absent: last when new, unchanged else.
  position: position.optional(),
});
export type SaveHeadingInput = z.input<typeof saveHeadingInput>;

export const saveFileInput = z.strictObject({
  id: idSchema.optional(),
  // Required for a new file; to move an existing one to another heading of the same plan.
  headingId: idSchema.optional(),
  title: requiredText(500),
  retentionYears,
  // Người lập hồ sơ.
  creator: requiredText(100),
  // Chế độ sử dụng (Appendix VI Part II III.4), e.g. "Công khai", "Hạn chế".
  rights: optionalText(30),
  language: optionalText(50),
  description: optionalMultiline(500),
  // Ghi chú of the plan's form.
  note: optionalText(300),
  position: position.optional(),
});
export type SaveFileInput = z.input<typeof saveFileInput>;

export const caseFileListInput = z.strictObject({
  year: year.optional(),
  status: caseFileStatus.optional(),
  headingId: idSchema.optional(),
  // Words of the title or the notation ("01.VP"), diacritics ignored.
  query: z.string().max(200).optional(),
});

export const fileDocumentInput = z.strictObject({ caseFileId: idSchema, documentId: idSchema });
export const reopenInput = z.strictObject({ id: idSchema, reason: requiredText(1000) });
export const ofDocumentInput = z.strictObject({ documentId: idSchema });

export const handOverInput = z.strictObject({
  // The year of the files' plan.
  year,
  fileIds: z.array(idSchema).min(1, { error: 'chọn ít nhất một hồ sơ' }).max(5000),
  giverName: requiredText(100),
  giverTitle: optionalText(200),
  giverUnit: optionalText(300),
  receiverName: requiredText(100),
  receiverTitle: optionalText(200),
  // "Căn cứ …" of the biên bản (Danh mục hồ sơ năm …, Kế hoạch thu thập tài liệu …).
  basis: optionalText(500),
  // "Tình trạng tài liệu giao nộp".
  condition: optionalText(500),
});
export type HandOverInput = z.input<typeof handOverInput>;

export const dueHandoversInput = z.strictObject({ withinDays: z.int().min(0).max(366).default(30) });

export const planHeading = z.object({
  id: z.int(),
  parentId: z.int().nullable(),
  ordinal: z.int(),
  // "I", "II" for a top heading; "1", "2" for a sub-heading.
  numeral: z.string(),
  title: z.string(),
  abbreviation: z.string().nullable(),
  position: z.int(),
});
export type PlanHeading = z.infer<typeof planHeading>;

export const caseFileRecord = z.object({
  id: z.int(),
  planId: z.int(),
  year: z.int(),
  headingId: z.int(),
  // The top heading whose abbreviation makes the notation (the heading itself or its parent).
  topHeadingId: z.int(),
  position: z.int(),
  number: z.int(),
  notation: z.string(),
  fileCode: z.string(),
  title: z.string(),
  retentionYears: z.int().nullable(),
  retentionLabel: z.string(),
  creator: z.string(),
  rights: z.string().nullable(),
  language: z.string().nullable(),
  description: z.string().nullable(),
  note: z.string().nullable(),
  status: caseFileStatus,
  // The documents filed now (not withdrawn).
  documentCount: z.int(),
  // Set when closed (kết thúc hồ sơ).
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  docTotal: z.int().nullable(),
  pageTotal: z.int().nullable(),
  closedAt: z.string().nullable(),
  // When a closed file is due at the agency archive (Art. 30.2.b).
  handoverDueDate: z.string().nullable(),
  handoverId: z.int().nullable(),
  handedOverAt: z.string().nullable(),
  createdAt: z.string(),
});
export type CaseFileRecord = z.infer<typeof caseFileRecord>;

export const planRecord = z.object({
  id: z.int(),
  year: z.int(),
  numbering,
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  decisionBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  createdAt: z.string(),
  // In the plan's order: each top heading, then its sub-headings.
  headings: z.array(planHeading),
  // In the plan's order.
  files: z.array(caseFileRecord),
  // "Danh mục hồ sơ này có … hồ sơ, bao gồm: … vĩnh viễn; … có thời hạn."
  counts: z.object({ total: z.int(), permanent: z.int(), term: z.int() }),
});
export type PlanRecord = z.infer<typeof planRecord>;

// A document of a file, in DocOrdinal order (its date, then its registration).
export const filedDocument = z.object({
  docOrdinal: z.int(),
  documentId: z.int(),
  direction,
  year: z.int(),
  // Số đến of an incoming document, the register number of an outgoing one.
  number: z.int(),
  numberNotation: z.string(),
  documentDate: z.string(),
  documentTypeName: z.string(),
  subject: z.string(),
  // Tác giả: the issuing agency.
  issuingAgency: z.string(),
  status: z.enum(['active', 'void']),
  // Pages counted from its PDFs, or the register's page count when it has none (else 0).
  pages: z.int(),
  // "Tờ số / Trang số" of the mục lục: its pages within the file.
  pageFrom: z.int().nullable(),
  pageTo: z.int().nullable(),
  addedAt: z.string(),
});
export type FiledDocument = z.infer<typeof filedDocument>;

export const caseFileDetail = caseFileRecord.extend({
  headingTitle: z.string(),
  documents: z.array(filedDocument),
});
export type CaseFileDetail = z.infer<typeof caseFileDetail>;

export const handoverRecord = z.object({
  id: z.int(),
  year: z.int(),
  createdAt: z.string(),
  giverName: z.string(),
  giverTitle: z.string().nullable(),
  giverUnit: z.string().nullable(),
  receiverName: z.string(),
  receiverTitle: z.string().nullable(),
  basis: z.string().nullable(),
  condition: z.string().nullable(),
  packageSha256: z.string().nullable(),
  files: z.array(caseFileRecord),
});
export type HandoverRecord = z.infer<typeof handoverRecord>;

export const dueHandover = z.object({
  file: caseFileRecord,
  dueDate: z.string(),
  // Negative when overdue.
  daysLeft: z.int(),
});
export const dueHandovers = z.object({ today: z.string(), withinDays: z.int(), files: z.array(dueHandover) });
export type DueHandovers = z.infer<typeof dueHandovers>;
