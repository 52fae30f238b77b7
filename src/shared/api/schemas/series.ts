import { z } from 'zod';
import { isIssuableType } from '../../domain/document-types.ts';
import { abbreviation, idSchema, requiredText } from './common.ts';

export const DIRECTIONS = ['incoming', 'outgoing'] as const;
export const direction = z.enum(DIRECTIONS, { error: 'phải là văn bản đến (incoming) hoặc đi (outgoing)' });
export type Direction = z.infer<typeof direction>;

// A number series (sổ) as configured by the head of the agency (nd30-rules §2). An outgoing
// series with no document types takes every type no other series claims. A secret series takes
// every secret document (Mật and above), whatever its type, and no other.
export const seriesInput = z.strictObject({
  id: idSchema.optional(),
  name: requiredText(200),
  direction,
  documentTypes: z
    .array(z.string().refine(isIssuableType, { error: 'loại văn bản không thuộc danh mục Nghị định 30' }))
    .max(40)
    .default([]),
  issuerAbbreviation: abbreviation.nullable().default(null),
  secret: z.boolean().default(false),
  active: z.boolean().default(true),
});
export type SeriesInput = z.input<typeof seriesInput>;

export const seriesRecord = z.object({
  id: z.int(),
  name: z.string(),
  direction,
  documentTypes: z.array(z.string()),
  issuerAbbreviation: z.string().nullable(),
  secret: z.boolean(),
  active: z.boolean(),
});
export type SeriesRecord = z.infer<typeof seriesRecord>;

export const registerRecord = z.object({
  id: z.int(),
  seriesId: z.int(),
  seriesName: z.string(),
  direction,
  year: z.int(),
  documentCount: z.int(),
  firstNumber: z.int().nullable(),
  lastNumber: z.int().nullable(),
  firstDate: z.string().nullable(),
  lastDate: z.string().nullable(),
});
export type RegisterRecord = z.infer<typeof registerRecord>;
