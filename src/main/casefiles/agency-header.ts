import { AppError } from '../../shared/errors.ts';
import { getAgencyProfile } from '../registry/agency-repo.ts';
import type { RegistryContext } from '../registry/context.ts';

// The agency as the forms and the metadata name it.
export interface AgencyHeader {
  readonly organId: string;
  readonly name: string;
  readonly parentName: string | null;
  readonly placeName: string;
}

export function agencyHeader(ctx: RegistryContext): AgencyHeader {
  const a = getAgencyProfile(ctx);
  if (!a) throw new AppError('PROFILE_NOT_INITIALIZED', 'Chưa khai báo thông tin cơ quan.', 'no agency profile');
  return { organId: a.organId, name: a.name, parentName: a.parentName, placeName: a.placeName };
}
