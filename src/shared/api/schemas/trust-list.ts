import { z } from 'zod';
import { base64Data } from './common.ts';

// The certificates the verifier trusts (signing.md "Trust list"): the program's list, the
// profile's additions, the administrator's folders.
export const TRUST_ROLES = ['root', 'intermediate', 'timestamping'] as const;

export const trustCertificate = z.object({
  sha256: z.string(),
  role: z.enum(TRUST_ROLES),
  subject: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  origin: z.enum(['program', 'profile', 'folder']),
});
export type TrustCertificate = z.infer<typeof trustCertificate>;

export const trustListView = z.object({
  // The program's list as shipped: its name and date, or refused (then nothing of it is trusted).
  program: z.object({ name: z.string().nullable(), published: z.string().nullable(), refused: z.boolean() }),
  counts: z.object({ root: z.int(), intermediate: z.int(), timestamping: z.int(), folder: z.int() }),
  // The most recently issued certificate of the list: how fresh the list is.
  newest: z.object({ subject: z.string(), notBefore: z.string() }).nullable(),
  expired: z.int(),
  certificates: z.array(trustCertificate),
  problems: z.array(z.string()),
});
export type TrustListView = z.infer<typeof trustListView>;

const MAX_BUNDLE_BYTES = 4 * 1024 * 1024;

export const trustImportInput = z.strictObject({
  files: z
    .array(z.strictObject({ name: z.string().min(1).max(255), dataBase64: base64Data.max(Math.ceil((MAX_BUNDLE_BYTES * 4) / 3) + 4, { error: 'tệp lớn quá 4 MB' }) }))
    .min(1, { error: 'chọn ít nhất một tệp chứng thư' })
    .max(20),
  // The files become the whole of the profile's list (a newer bundle), instead of being added.
  replace: z.boolean().default(false),
  // Only say what would change.
  dryRun: z.boolean().default(false),
});

const certificateSummary = trustCertificate.omit({ origin: true });

export const trustImportResult = z.object({
  added: z.array(certificateSummary),
  removed: z.array(certificateSummary),
  unchanged: z.int(),
  refused: z.array(z.object({ file: z.string(), subject: z.string().nullable(), messageVi: z.string(), detail: z.string() })),
  applied: z.boolean(),
});
export type TrustImportResult = z.infer<typeof trustImportResult>;

export const trustRemoveInput = z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'mã SHA-256 không hợp lệ' }) });
