import { z } from 'zod';

// The verification report of a PDF's signatures (signing.md "Verification of incoming
// documents"): per signature, each check with what it looked at, and a verdict that is never a
// bare "valid".
export const CHECK_STATUSES = ['ok', 'warning', 'failed', 'unknown'] as const;

export const signatureCheck = z.object({
  status: z.enum(CHECK_STATUSES),
  // For the clerk.
  messageVi: z.string(),
  // For whoever reads logs or the JSON.
  detail: z.string(),
});
export type SignatureCheck = z.infer<typeof signatureCheck>;

export const certificateSummary = z.object({
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  keyAlgorithm: z.string(),
});

export const changeAfterSigning = z.object({
  object: z.string(),
  kind: z.string(),
  allowed: z.boolean(),
  description: z.string(),
});

export const VERDICTS = ['valid', 'invalid', 'indeterminate'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const signatureReport = z.object({
  index: z.number().int(),
  fieldName: z.string(),
  page: z.number().int().nullable(),
  subFilter: z.string().nullable(),
  // PAdES baseline level reached: B-LT with a timestamp and revocation data in the file's DSS,
  // B-T with a signature timestamp, B-B without; null when the signature is not a PAdES one
  // (adbe.pkcs7.detached, a signingTime attribute…).
  level: z.enum(['B-B', 'B-T', 'B-LT']).nullable(),
  signer: certificateSummary.nullable(),
  reason: z.string().nullable(),
  // /M, as the signer's computer claimed it (ISO, UTC).
  claimedTime: z.string().nullable(),
  // The signature timestamp's time, when there is one.
  timestampTime: z.string().nullable(),
  // The CMS signingTime attribute: another claim of the signer's computer (some tools write local
  // time there), shown beside the timestamp, never taken as proof. Absent in reports stored
  // before it was reported.
  cmsSigningTime: z.string().nullable().optional(),
  revisionEnd: z.number().int(),
  coversWholeFile: z.boolean(),
  checks: z.object({
    integrity: signatureCheck,
    coverage: signatureCheck,
    trust: signatureCheck,
    validity: signatureCheck,
    revocation: signatureCheck,
    format: signatureCheck,
    // SHA-1 or a short RSA key: a warning. Absent in reports stored before it was checked.
    algorithm: signatureCheck.optional(),
  }),
  changesAfter: z.array(changeAfterSigning),
  verdict: z.enum(VERDICTS),
  verdictVi: z.string(),
});
export type SignatureReport = z.infer<typeof signatureReport>;

export const verificationReport = z.object({
  fileName: z.string(),
  size: z.number().int(),
  signatures: z.array(signatureReport),
  verdict: z.enum([...VERDICTS, 'unsigned']),
  summaryVi: z.string(),
  // What the trust decision was based on: how many anchors, and files that could not be read.
  trustAnchors: z.number().int(),
  trustProblems: z.array(z.string()),
});
export type VerificationReport = z.infer<typeof verificationReport>;
