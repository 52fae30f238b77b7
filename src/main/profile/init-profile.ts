import type { AgencyProfile } from '../../shared/api/schemas/profile.ts';
import { AppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { getAgencyProfile, saveAgencyProfile } from '../registry/agency-repo.ts';
import { createDefaultSeries } from '../registry/series-repo.ts';
import { type OpenProfileOptions, openProfile, type Profile } from './open-profile.ts';

// A new profile: the database, the agency and the default registers in one transaction, so a
// profile is either fully set up or not at all.
export function initProfile(dir: string, agency: AgencyProfile, options: Omit<OpenProfileOptions, 'create'> = {}): Profile {
  const profile = openProfile(dir, { ...options, create: true });
  try {
    if (getAgencyProfile(profile)) {
      throw new AppError(
        'PROFILE_EXISTS',
        `Thư mục ${profile.paths.root} đã có dữ liệu của một cơ quan; không khởi tạo lại để tránh mất dữ liệu.`,
        `profile already initialized at ${profile.paths.root}`,
      );
    }
    writeTransaction(profile.db, () => {
      saveAgencyProfile(profile, agency);
      createDefaultSeries(profile);
    });
    return profile;
  } catch (e) {
    profile.close();
    throw e;
  }
}

// The UI's first-run form saves the agency into a profile that is open but empty.
export function ensureDefaultSeries(profile: Profile): void {
  writeTransaction(profile.db, () => {
    const count = (profile.db.prepare('SELECT count(*) AS n FROM series').get() as { n: number }).n;
    if (count === 0) createDefaultSeries(profile);
  });
}
