import type { z } from 'zod';
import type { exportInput } from '../../shared/api/schemas/books.ts';
import { AppError } from '../../shared/errors.ts';
import type { Profile } from '../profile/open-profile.ts';

export type ExportData = z.output<typeof exportInput>;

// PLACEHOLDER until the register-book export lands in this change.
export async function exportBook(_profile: Profile, _input: ExportData, _outPath: string): Promise<{ rows: number; bytes: number }> {
  throw new AppError('INTERNAL', 'Chưa hỗ trợ.', 'register book export not built yet');
}
