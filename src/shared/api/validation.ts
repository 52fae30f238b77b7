import type { z } from 'zod';
import { AppError, type FieldIssue } from '../errors.ts';
import { fieldLabel } from './field-labels.ts';

// Turns zod issues into one INVALID_INPUT error: a Vietnamese sentence naming each field for the
// clerk, the field paths for the form to highlight, and zod's English for the log.
export function toValidationError(error: z.ZodError, what: string): AppError {
  const issues: FieldIssue[] = error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const vi = error.issues
    .slice(0, 8)
    .map((i) => (i.path.length ? `${fieldLabel(i.path)}: ${i.message}` : i.message))
    .join('; ');
  const en = error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`).join('; ');
  return new AppError('INVALID_INPUT', `Dữ liệu chưa hợp lệ — ${vi}.`, `invalid ${what}: ${en}`, { issues });
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw toValidationError(result.error, what);
  return result.data;
}
