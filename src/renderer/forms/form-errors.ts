import { fieldLabel } from '../../shared/api/field-labels.ts';
import { ApiError, errorMessage, type FieldIssue } from '../api/api-error.ts';
import { DATE_FORMAT_MESSAGE } from '../util/dates.ts';
import type { FieldErrors } from './use-form.ts';

// The server names fields by path ("subject", "units.0.abbreviation"); a form shows the message
// under the control of the first path segment it knows, or in the summary when it has none.
export function issuesToFieldErrors(issues: readonly FieldIssue[], fields: readonly string[]): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const segments = issue.path.split('.');
    const key = segments.length > 1 && fields.includes(issue.path) ? issue.path : segments[0];
    if (key && fields.includes(key) && !errors[key]) errors[key] = issue.message;
  }
  return errors;
}

// The summary above a form: the list of problems with their field labels, in the clerk's words.
export function summarise(issues: readonly FieldIssue[]): string[] {
  return issues.map((i) => (i.path ? `${fieldLabel(i.path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)))}: ${i.message}` : i.message));
}

export interface FormFailure {
  readonly message: string;
  readonly details: readonly string[];
  readonly fieldErrors: FieldErrors;
}

// Turns a failed save into what the form shows. Date boxes the form could not read keep the
// form's own message (dd/mm/yyyy), since the server speaks of the ISO dates it received.
export function formFailure(e: unknown, fields: readonly string[], badDates: readonly string[] = []): FormFailure {
  if (!(e instanceof ApiError)) return { message: errorMessage(e), details: [], fieldErrors: {} };
  const issues = e.issues.map((i) => (badDates.includes(i.path) ? { path: i.path, message: DATE_FORMAT_MESSAGE } : i));
  for (const path of badDates) if (!issues.some((i) => i.path === path)) issues.push({ path, message: DATE_FORMAT_MESSAGE });
  if (issues.length === 0) return { message: e.message, details: [], fieldErrors: {} };
  const message = e.code === 'INVALID_INPUT' ? 'Chưa lưu được. Kiểm tra các ô được đánh dấu:' : e.message;
  return { message, details: summarise(issues), fieldErrors: issuesToFieldErrors(issues, fields) };
}
