import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, openDatabase } from '../../src/main/db/connection.ts';
import { agencyProfileInput } from '../../src/shared/api/schemas/profile.ts';
import { initProfile } from '../../src/main/profile/init-profile.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import type { Clock } from '../../src/main/registry/clock.ts';

export const SAMPLE_AGENCY = {
  name: 'Ủy ban nhân dân xã Hòa Tiến',
  parentName: 'Ủy ban nhân dân thành phố Đà Nẵng',
  organId: '000.46.24.H17',
  abbreviation: 'UBND',
  placeName: 'Xã Hòa Tiến',
  address: 'Thôn La Bông, xã Hòa Tiến, thành phố Đà Nẵng',
  units: [
    { name: 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân', abbreviation: 'VP' },
    { name: 'Phòng Kinh tế', abbreviation: 'KT' },
  ],
};

export function tempDir(prefix = 'vanthu-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

// A settable clock: tests stand on a given Vietnam date and move it.
export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => now, set: (next) => (now = new Date(next)) };
}

export function newProfile(clock?: Clock): { profile: Profile; dir: string; cleanup: () => void } {
  const t = tempDir();
  const profile = initProfile(join(t.dir, 'profile'), agencyProfileInput.parse(SAMPLE_AGENCY), { clock, actor: 'test' });
  return {
    profile,
    dir: join(t.dir, 'profile'),
    cleanup: () => {
      profile.close();
      t.cleanup();
    },
  };
}

// An empty database file in a temporary folder, for tests of one migration at a time.
export function tempDatabase(): { db: Db; cleanup: () => void } {
  const t = tempDir();
  const db = openDatabase(join(t.dir, 'v.db'));
  return {
    db,
    cleanup: () => {
      db.close();
      t.cleanup();
    },
  };
}
