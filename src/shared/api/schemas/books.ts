import { z } from 'zod';
import { base64Data, isoDate, year } from './common.ts';

// The register books of Appendix IV: incoming, outgoing, and the follow-up book of incoming
// documents (Sổ theo dõi giải quyết văn bản đến).
export const BOOK_KINDS = ['incoming', 'outgoing', 'followup'] as const;
export const bookKind = z.enum(BOOK_KINDS, { error: 'loại sổ phải là incoming, outgoing hoặc followup' });
export type BookKind = z.infer<typeof bookKind>;

export const EXPORT_FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
export const exportFormat = z.enum(EXPORT_FORMATS, { error: 'định dạng phải là json, csv, xlsx hoặc pdf' });
export type ExportFormat = z.infer<typeof exportFormat>;

export const exportInput = z
  .strictObject({
    kind: bookKind,
    year,
    seriesId: z.int().min(1).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    format: exportFormat,
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { error: '"Từ ngày" phải trước "Đến ngày"', path: ['to'] })
  .refine((v) => !v.from || v.from.startsWith(`${v.year}-`), { error: 'phải thuộc năm của sổ', path: ['from'] })
  .refine((v) => !v.to || v.to.startsWith(`${v.year}-`), { error: 'phải thuộc năm của sổ', path: ['to'] });
export type ExportInput = z.input<typeof exportInput>;

export const exportResult = z.object({
  fileName: z.string(),
  path: z.string(),
  rows: z.int(),
  bytes: z.int(),
});
export type ExportResult = z.infer<typeof exportResult>;

export const IMPORT_KINDS = ['incoming', 'outgoing'] as const;

export const importInput = z.strictObject({
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string().min(1).max(255),
  dataBase64: base64Data.max(70 * 1024 * 1024, { error: 'tệp lớn quá 50 MB' }),
  dryRun: z.boolean().default(true),
});

export const importRowError = z.object({
  row: z.int(),
  field: z.string().nullable(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowError>;

export const importReport = z.object({
  dryRun: z.boolean(),
  kind: z.enum(IMPORT_KINDS),
  totalRows: z.int(),
  validRows: z.int(),
  imported: z.int(),
  errors: z.array(importRowError),
  warnings: z.array(importRowError),
  years: z.array(z.int()),
});
export type ImportReport = z.infer<typeof importReport>;

export const backupRecord = z.object({
  fileName: z.string(),
  path: z.string(),
  bytes: z.int(),
  createdAt: z.string(),
  // Known for backups this profile made (from the audit log); null for a copied-in file.
  documents: z.int().nullable(),
  files: z.int().nullable(),
});
export type BackupRecord = z.infer<typeof backupRecord>;
