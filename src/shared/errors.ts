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
  // A PDF we cannot sign or read safely: encrypted, broken, or a structure we do not support.
  'PDF_UNSUPPORTED',
  // The PKCS#11 module or token: not found, not loadable, removed, or refused an operation.
  'TOKEN_UNAVAILABLE',
  // The token refused the PIN, or the PIN is locked; `data` tells the tries left when known.
  'PIN_REJECTED',
  // A signature could not be made or completed (key refused, CMS too large for its room…).
  'SIGNING_FAILED',
  // An edXML package refused as hostile or unreadable (DOCTYPE, bad base64, unsafe names…).
  'EDXML_REFUSED',
  // The hub could not be reached, or did not answer in time: the network, not the request.
  'HUB_UNREACHABLE',
  // The hub answered and refused the request (FAIL envelope, bad signature, unknown document).
  'HUB_REFUSED',
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
  'PDF_UNSUPPORTED',
  'PIN_REJECTED',
  'EDXML_REFUSED',
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
