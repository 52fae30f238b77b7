import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import type { StoredBlob } from '../files/blob-store.ts';
import { mapFsError } from '../files/durable-fs.ts';
import type { Profile } from '../profile/open-profile.ts';
import type { IssuanceFileRow } from './issuance-repo.ts';

// The path of a stored file a step reads, checked before any token or number is used.
export function storedPath(p: Profile, file: IssuanceFileRow): string {
  const state = p.blobs.check(file.sha256, file.size);
  if (state !== 'ok') {
    throw new AppError('FILE_MISSING', `Tệp "${file.name}" ${state === 'missing' ? 'bị thiếu' : 'bị hỏng'} trong kho dữ liệu: hãy khôi phục từ bản sao lưu.`, `blob ${file.sha256} is ${state}`);
  }
  return p.blobs.pathOf(file.sha256);
}

export function tempPdf(p: Profile, what: string): string {
  return join(p.paths.tmp, `${what}-${randomUUID()}.pdf`);
}

// A PDF a step wrote (fsynced, in the profile's tmp/) moves into the store by rename: durable
// before the step's transaction refers to it. A crash after this leaves an unreferenced file.
export function adoptOutput(p: Profile, path: string): StoredBlob {
  try {
    return p.blobs.adopt(path);
  } catch (e) {
    throw mapFsError(e, p.blobs.root);
  }
}
