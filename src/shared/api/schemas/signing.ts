import { z } from 'zod';
import { SIGNATURE_KINDS } from '../../domain/signature-kinds.ts';
import { EVIDENCE_GRADES, MODULE_SOURCES, OWNER_KINDS } from '../../domain/token-module-origin.ts';
import { idSchema } from './common.ts';
import { attachmentRecord } from './documents.ts';

// Signing through the API: the token list, one batch signing, the number and date step, the
// placement the preview starts from, and the settings that outlive a session.
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const path = z.string().min(1).max(1000);
const png = z.string().regex(/^[A-Za-z0-9+/=]*$/, { error: 'không phải dữ liệu base64' }).max(2_800_000, { error: 'ảnh lớn quá 2 MB' });

export const rect = z.tuple([z.number(), z.number(), z.number(), z.number()]);
export const placementInput = z.strictObject({ page: z.int().min(0).max(10_000), rect });

export const signingSettings = z.object({
  modulePaths: z.array(z.string()),
  tsaUrl: z.string().nullable(),
  trustAnchorDirs: z.array(z.string()),
  sealMm: z.number(),
  hasSignatureImage: z.boolean(),
  hasSealImage: z.boolean(),
});
export type SigningSettings = z.infer<typeof signingSettings>;

export const signingSettingsInput = z.strictObject({
  modulePaths: z.array(path).max(20).optional(),
  tsaUrl: z
    .string()
    .max(500)
    .regex(/^https?:\/\/\S+$/, { error: 'phải là địa chỉ http:// hoặc https://' })
    .nullable()
    .optional(),
  trustAnchorDirs: z.array(path).max(20).optional(),
  sealMm: z.number().min(10, { error: 'con dấu nhỏ nhất 10 mm' }).max(80, { error: 'con dấu lớn nhất 80 mm' }).optional(),
  // PNG with a transparent background; null removes it.
  signatureImageBase64: png.nullable().optional(),
  sealImageBase64: png.nullable().optional(),
});

const certificate = z.object({
  id: z.string(),
  label: z.string(),
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  keyUsage: z.array(z.string()),
  keyAlgorithm: z.string(),
  keySize: z.number(),
});

// Whose module it is, from its file name (src/shared/domain/token-module-origin.ts); null when
// the name is not in the table or the clerk gave the path.
const moduleOwner = z.object({ name: z.string(), kind: z.enum(OWNER_KINDS), grade: z.enum(EVIDENCE_GRADES) });

export const tokenModule = z.object({
  path: z.string(),
  source: z.enum(MODULE_SOURCES),
  // The CSP or KSP name Windows registered the driver under, for a module found that way.
  provider: z.string().nullable(),
  owner: moduleOwner.nullable(),
  status: z.enum(['loaded', 'failed', 'missing']),
  description: z.string().nullable(),
  reasonVi: z.string().nullable(),
  tokens: z.array(
    z.object({
      label: z.string(),
      serialNumber: z.string(),
      manufacturer: z.string(),
      model: z.string(),
      pinStatus: z.object({ state: z.string(), messageVi: z.string(), pinPad: z.boolean() }),
      certificates: z.array(certificate),
    }),
  ),
});
export type TokenModule = z.infer<typeof tokenModule>;

export const signItem = z.strictObject({
  documentId: idSchema,
  sha256,
  placement: placementInput.nullable().optional(),
});

export const signInput = z.strictObject({
  modulePath: path,
  tokenSerial: z.string().min(1).max(64),
  certificateId: z.string().regex(/^[0-9a-f]{0,256}$/),
  // Held only for the login; never stored or logged. null for a PIN-pad token.
  pin: z.string().min(1, { error: 'chưa nhập mã PIN' }).max(64).nullable(),
  kind: z.enum(SIGNATURE_KINDS),
  items: z.array(signItem).min(1, { error: 'chưa chọn tệp nào' }).max(200),
});

export const signItemResult = z.object({
  documentId: z.int(),
  sha256: z.string(),
  status: z.enum(['signed', 'failed', 'not-attempted']),
  file: attachmentRecord.nullable(),
  level: z.enum(['B-B', 'B-T', 'B-LT']).nullable(),
  messageVi: z.string().nullable(),
});

export const signResult = z.object({
  results: z.array(signItemResult),
  signed: z.int(),
  failed: z.int(),
  // Why the batch stopped early (token removed…), for the clerk.
  stoppedVi: z.string().nullable(),
});
export type SignResult = z.infer<typeof signResult>;

export const placementQuery = z.strictObject({ documentId: idSchema, sha256, kind: z.enum(SIGNATURE_KINDS) });
export const placementAnswer = z.object({
  page: z.int(),
  rect,
  basis: z.string(),
  pages: z.array(z.object({ width: z.number(), height: z.number() })),
});

export const numberInput = z.strictObject({
  documentId: idSchema,
  sha256,
  numberAt: z.strictObject({ page: z.int().min(0), x: z.number(), y: z.number() }).nullable().optional(),
  dateAt: z.strictObject({ page: z.int().min(0), x: z.number(), y: z.number() }).nullable().optional(),
});

export const fileRef = z.strictObject({ documentId: idSchema, sha256 });
