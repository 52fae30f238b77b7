import { z } from 'zod';

export const auditEntry = z.object({
  seq: z.int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  details: z.unknown(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditListInput = z.strictObject({
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(50).optional(),
  beforeSeq: z.int().min(1).optional(),
  limit: z.int().min(1).max(500).default(100),
});

export const auditVerifyResult = z.object({
  ok: z.boolean(),
  entries: z.int(),
  headSeq: z.int().nullable(),
  headHash: z.string().nullable(),
  firstBrokenSeq: z.int().nullable(),
  problem: z.string().nullable(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyResult>;
