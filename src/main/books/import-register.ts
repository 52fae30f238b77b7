import type { ImportReport } from '../../shared/api/schemas/books.ts';
import { AppError } from '../../shared/errors.ts';
import type { Profile } from '../profile/open-profile.ts';

export interface ImportRequest {
  readonly kind: 'incoming' | 'outgoing';
  readonly fileName: string;
  readonly data: Uint8Array;
  readonly dryRun: boolean;
}

// PLACEHOLDER until the register import lands in this change.
export async function importRegister(_profile: Profile, _req: ImportRequest): Promise<ImportReport> {
  throw new AppError('INTERNAL', 'Chưa hỗ trợ.', 'register import not built yet');
}
