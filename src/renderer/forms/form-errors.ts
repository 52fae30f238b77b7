import { fieldLabel } from '../../shared/api/field-labels.ts';
import { ApiError, errorMessage, type FieldIssue } from '../api/api-error.ts';
import { DATE_FORMAT_MESSAGE, DATE_REQUIRED_MESSAGE, readDateInput } from '../util/dates.ts';
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

// Labels a form gives its own boxes, for fields the server's list does not name (the case
// files' forms), by the first segment of the path.
export type OwnLabels = Readonly<Record<string, string>>;

// The summary above a form: the list of problems with their field labels, in the clerk's words.
export function summarise(issues: readonly FieldIssue[], labels: OwnLabels = {}): string[] {
  return issues.map((i) => {
    if (!i.path) return i.message;
    const own = labels[i.path.split('.')[0] ?? ''];
    return `${own ?? fieldLabel(i.path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)))}: ${i.message}`;
  });
}

export interface FormFailure {
  readonly message: string;
  readonly details: readonly string[];
  readonly fieldErrors: FieldErrors;
}

// The server checks dates as ISO strings and says so ("phải là ngày dạng YYYY-MM-DD"), which is
// not what the clerk typed. An empty box can only be refused for being required; a box the form
// could not read gets the dd/mm/yyyy message; a readable date was sent as a valid ISO date, so
// the server's message is about the date itself ("không được sau hôm nay") and is kept.
function dateIssueMessage(typed: string, serverMessage: string): string {
  const read = readDateInput(typed);
  if (read === null) return DATE_REQUIRED_MESSAGE;
  if (read === 'invalid') return DATE_FORMAT_MESSAGE;
  return serverMessage;
}

// Turns a failed save into what the form shows. `dateBoxes` holds what the clerk typed in each
// date box that was sent (readDates), so messages about those boxes are worded for dd/mm/yyyy.
export function formFailure(e: unknown, fields: readonly string[], dateBoxes: Readonly<Record<string, string>> = {}, labels: OwnLabels = {}): FormFailure {
  if (!(e instanceof ApiError)) return { message: errorMessage(e), details: [], fieldErrors: {} };
  const typed = (path: string) => (Object.hasOwn(dateBoxes, path) ? dateBoxes[path] : undefined);
  const issues = e.issues.map((i) => {
    const text = typed(i.path);
    return text === undefined ? i : { path: i.path, message: dateIssueMessage(text, i.message) };
  });
  for (const [path, text] of Object.entries(dateBoxes)) {
    if (readDateInput(text) === 'invalid' && !issues.some((i) => i.path === path)) issues.push({ path, message: DATE_FORMAT_MESSAGE });
  }
  if (issues.length === 0) return { message: e.message, details: [], fieldErrors: {} };
  const message = e.code === 'INVALID_INPUT' ? 'Chưa lưu được. Kiểm tra các ô được đánh dấu:' : e.message;
  return { message, details: summarise(issues, labels), fieldErrors: issuesToFieldErrors(issues, fields) };
}
