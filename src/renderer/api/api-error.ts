import type { DuplicateMatch } from '../../shared/api/schemas/documents.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import { FileReadError } from '../util/files.ts';

export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

// A failed call as the UI sees it: the stable code to react to, the server's Vietnamese message
// to show, and the data some codes carry (field issues, suspected duplicates).
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly data: unknown;

  constructor(code: ErrorCode, message: string, data?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.data = data;
  }

  get issues(): readonly FieldIssue[] {
    const issues = (this.data as { issues?: unknown } | undefined)?.issues;
    return Array.isArray(issues) ? (issues as FieldIssue[]) : [];
  }

  get duplicates(): readonly DuplicateMatch[] {
    const duplicates = (this.data as { duplicates?: unknown } | undefined)?.duplicates;
    return Array.isArray(duplicates) ? (duplicates as DuplicateMatch[]) : [];
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

// What to tell the clerk about any failure, including a network or programming error.
export function errorMessage(e: unknown): string {
  if (isApiError(e) || e instanceof FileReadError) return e.message;
  return 'Không kết nối được với phần xử lý dữ liệu của chương trình. Hãy thử lại.';
}
