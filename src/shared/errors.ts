// Errors are values that carry a Vietnamese message for the clerk and an English detail for the
// log. `code` is stable: the CLI maps it to an exit code and the UI may react to it.
export const ERROR_CODES = [
  'INVALID_INPUT',
  'DUPLICATE_SUSPECTED',
  'CONFLICT',
  'NOT_FOUND',
  'IMPORT_INVALID',
  'PROFILE_NOT_INITIALIZED',
  'PROFILE_EXISTS',
  'DB_NEWER_VERSION',
  'DB_CORRUPT',
  'DB_BUSY',
  'DISK_FULL',
  'FILE_MISSING',
  'BACKUP_INVALID',
  'FORBIDDEN',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const BAD_INPUT: ReadonlySet<ErrorCode> = new Set([
  'INVALID_INPUT',
  'DUPLICATE_SUSPECTED',
  'CONFLICT',
  'NOT_FOUND',
  'IMPORT_INVALID',
  'PROFILE_EXISTS',
  'PROFILE_NOT_INITIALIZED',
  'BACKUP_INVALID',
]);

export function isBadInput(code: ErrorCode): boolean {
  return BAD_INPUT.has(code);
}

export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageVi: string;
  readonly data: unknown;

  constructor(code: ErrorCode, messageVi: string, detailEn: string, data?: unknown) {
    super(detailEn);
    this.name = 'AppError';
    this.code = code;
    this.messageVi = messageVi;
    this.data = data;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
