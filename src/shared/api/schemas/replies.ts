import { z } from 'zod';
import { idSchema } from './common.ts';

// "Trả lời văn bản số …" (docs/processing.md, Replies): an outgoing document answering incoming
// ones. The reply is named by its register row (`outgoingId`) or, while it has none or is still
// in the issuance workflow, by its issuance (`issuanceId`): exactly one of the two.
export const replyLinkInput = z
  .strictObject({ incomingId: idSchema, outgoingId: idSchema.optional(), issuanceId: idSchema.optional() })
  .refine((v) => (v.outgoingId === undefined) !== (v.issuanceId === undefined), { error: 'ghi văn bản đi hoặc dự thảo, một trong hai', path: ['outgoingId'] });
export type ReplyLinkInput = z.input<typeof replyLinkInput>;

export const replyListInput = z
  .strictObject({ documentId: idSchema.optional(), issuanceId: idSchema.optional() })
  .refine((v) => (v.documentId === undefined) !== (v.issuanceId === undefined), { error: 'ghi văn bản hoặc dự thảo, một trong hai', path: ['documentId'] });

export const replyUnlinkInput = z.strictObject({ linkId: idSchema });

const incomingRef = z.object({
  id: z.int(),
  year: z.int(),
  arrivalNumber: z.int(),
  numberNotation: z.string().nullable(),
  documentDate: z.string(),
  documentTypeName: z.string(),
  issuingAgency: z.string().nullable(),
  subject: z.string(),
});

const replyRef = z.object({
  issuanceId: z.int().nullable(),
  // The register row: the outgoing document once numbered.
  documentId: z.int().nullable(),
  numberNotation: z.string().nullable(),
  documentDate: z.string().nullable(),
  documentTypeName: z.string(),
  subject: z.string(),
  // The workflow's state when the reply is an issuance (draft … distributed, void).
  issuanceState: z.string().nullable(),
});

export const replyLink = z.object({
  id: z.int(),
  incoming: incomingRef,
  reply: replyRef,
  createdAt: z.string(),
  removedAt: z.string().nullable(),
  // The 'reply' entry of the incoming document's history, once the reply closed it.
  closedEntryId: z.int().nullable(),
});
export type ReplyLink = z.infer<typeof replyLink>;

export const replyLinks = z.object({ links: z.array(replyLink) });
export type ReplyLinks = z.infer<typeof replyLinks>;
