import { z } from 'zod';
import { isValidIsoDate } from '../../domain/dates.ts';
import { comparisonKey } from '../../domain/fold.ts';
import { isValidOrganId } from '../../domain/organ-id.ts';
import { PRIORITIES, PRODUCIBLE_PRIORITIES, priorityLabel, type Priority } from '../../domain/priority.ts';

// zod's own messages (unknown keys, wrong types not covered by our field messages) in
// Vietnamese too: they reach the clerk through the validation error.
z.config(z.locales.vi());

// Text as the clerk typed it, stored NFC with whitespace collapsed; empty strings are refused
// with a message naming the field (the field label comes from the form or the CLI).
// A missing field and a field of the wrong type read differently to the clerk.
const textError = (issue: { input?: unknown }) => (issue.input === undefined ? 'bắt buộc phải có' : 'phải là chữ');

export function requiredText(max: number) {
  return z
    .string({ error: textError })
    .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, { error: 'không được để trống' }).max(max, { error: `dài quá ${max} ký tự` }));
}

function cleanText(max: number) {
  return z
    .string({ error: 'phải là chữ' })
    .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
    .pipe(z.string().max(max, { error: `dài quá ${max} ký tự` }));
}

function cleanMultiline(max: number) {
  return z
    .string({ error: 'phải là chữ' })
    .transform((s) =>
      s
        .normalize('NFC')
        .split(/\r?\n/)
        .map((line) => line.replace(/[ \t]+/g, ' ').trim())
        .join('\n')
        .trim(),
    )
    .pipe(z.string().max(max, { error: `dài quá ${max} ký tự` }));
}

const emptyToNull = (s: string | null | undefined): string | null => (s === undefined || s === null || s === '' ? null : s);
const emptyToNullKeepAbsent = (s: string | null | undefined): string | null | undefined =>
  s === undefined ? undefined : emptyToNull(s);

// Optional on create: absent, null and "" all mean "none".
export function optionalText(max: number) {
  return cleanText(max).nullable().optional().transform(emptyToNull);
}

export function optionalMultiline(max: number) {
  return cleanMultiline(max).nullable().optional().transform(emptyToNull);
}

// In a patch, absent means "unchanged" while null or "" clears the field.
export function patchText(max: number) {
  return cleanText(max).nullable().optional().transform(emptyToNullKeepAbsent);
}

export function patchMultiline(max: number) {
  return cleanMultiline(max).nullable().optional().transform(emptyToNullKeepAbsent);
}

export const isoDate = z
  .string({ error: (issue) => (issue.input === undefined ? 'bắt buộc phải có' : 'phải là ngày dạng YYYY-MM-DD') })
  .refine(isValidIsoDate, { error: 'không phải ngày hợp lệ (YYYY-MM-DD)' });

export const isoDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, {
  error: 'không phải thời điểm hợp lệ',
});

export const organId = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isValidOrganId, { error: 'mã định danh chỉ gồm chữ in hoa, số và dấu chấm, tối đa 35 ký tự (ví dụ 000.46.24.H44)' });

export const abbreviation = z
  .string()
  .transform((s) => s.normalize('NFC').replace(/\s+/g, ''))
  .pipe(
    z
      .string()
      .min(1, { error: 'không được để trống' })
      .max(20, { error: 'dài quá 20 ký tự' })
      .regex(/^[\p{L}\p{N}]+$/u, { error: 'chỉ gồm chữ và số, không có dấu "-" hay "/"' }),
  );

// Accepts the code (`thuong`), the Vietnamese label in any case or without diacritics
// ("Thượng khẩn", "thuong khan") or the edXML number (0–4).
function readPriority(value: unknown): unknown {
  if (typeof value === 'number' && Number.isInteger(value)) return PRIORITIES[value] ?? value;
  if (typeof value !== 'string') return value;
  const key = comparisonKey(value);
  const match = PRIORITIES.find((p) => comparisonKey(p) === key || comparisonKey(priorityLabel(p)) === key);
  return match ?? value;
}

const PRIORITY_MESSAGE = 'độ khẩn phải là Thường, Khẩn, Thượng khẩn hoặc Hỏa tốc';

export const priority = z.preprocess(readPriority, z.enum(PRIORITIES, { error: PRIORITY_MESSAGE })) as z.ZodType<Priority, unknown>;

// What we issue ourselves: "Hỏa tốc hẹn giờ" (4) is accepted from others but never produced.
export const producedPriority = z.preprocess(
  readPriority,
  z.enum(PRODUCIBLE_PRIORITIES as unknown as [Priority, ...Priority[]], { error: PRIORITY_MESSAGE }),
) as z.ZodType<Priority, unknown>;

export const positiveInt = z.int({ error: 'phải là số nguyên' }).min(1, { error: 'phải lớn hơn 0' });

export const idSchema = z.int().min(1);

export const year = z.int({ error: 'năm phải là số' }).min(1900, { error: 'năm không hợp lệ' }).max(2200, { error: 'năm không hợp lệ' });

export const base64Data = z.base64({ error: 'dữ liệu tệp không hợp lệ' });
