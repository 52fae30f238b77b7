import { AppError } from '../../shared/errors.ts';

// Why a package was refused, stable for the UI and for tests; the message is for the clerk.
export type RefusalReason =
  | 'DOCTYPE'
  | 'NOT_XML'
  | 'TRUNCATED'
  | 'WRONG_ROOT'
  | 'OVERSIZED'
  | 'BAD_BASE64'
  | 'UNSAFE_NAME'
  | 'MISSING_ATTACHMENT'
  | 'DUPLICATE_ATTACHMENT'
  | 'TOO_MANY_ATTACHMENTS'
  | 'ZIP_BOMB'
  | 'BAD_ZIP'
  | 'BAD_HEADER';

export interface RefusalData {
  readonly reason: RefusalReason;
}

export function refusal(reason: RefusalReason, messageVi: string, detailEn: string): AppError {
  const data: RefusalData = { reason };
  return new AppError('EDXML_REFUSED', `Gói tin edXML bị từ chối: ${messageVi}`, detailEn, data);
}
