import { AppError } from '../../shared/errors.ts';
import { fileLogger, type Logger } from '../log/logger.ts';
import { hasAgencyProfile } from '../registry/agency-repo.ts';
import { type OpenProfileOptions, openProfile, type Profile } from './open-profile.ts';
import { profilePaths } from './profile-paths.ts';

// The open profile behind the app or the bridge. Restoring a backup closes the database,
// swaps the folder and opens it again, so handlers always ask the session for the current one.
export class ProfileSession {
  readonly dir: string;
  readonly logger: Logger;
  private readonly options: OpenProfileOptions;
  private profile: Profile | null = null;

  constructor(dir: string, options: OpenProfileOptions = {}) {
    this.dir = profilePaths(dir).root;
    this.options = options;
    this.logger = fileLogger(profilePaths(dir).logs);
  }

  // The app opens (and creates) its profile folder on start; the first-run form fills it.
  current(): Profile {
    if (!this.profile) this.profile = openProfile(this.dir, { ...this.options, create: true });
    return this.profile;
  }

  close(): void {
    this.profile?.close();
    this.profile = null;
  }

  // Runs `swap` with the database closed, then reopens; on failure the session stays closed and
  // the next call reopens whatever is on disk.
  withClosed<T>(swap: () => T): T {
    this.close();
    try {
      return swap();
    } finally {
      this.profile = null;
    }
  }

  requireInitialized(): Profile {
    const p = this.current();
    if (!hasAgencyProfile(p)) {
      throw new AppError('PROFILE_NOT_INITIALIZED', 'Chưa khai báo thông tin cơ quan. Hãy điền mục "Thông tin cơ quan" trước.', 'agency profile missing');
    }
    return p;
  }
}
