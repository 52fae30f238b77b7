import type { AgencyProfile } from '../../shared/api/schemas/profile.ts';
import { writeTransaction } from '../db/connection.ts';
import { timestamp } from './clock.ts';
import type { RegistryContext } from './context.ts';

interface ProfileRow {
  name: string;
  parent_name: string | null;
  organ_id: string;
  abbreviation: string;
  place_name: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
}

// The first-run form has been filled in: what every register operation needs first.
export function hasAgencyProfile(ctx: RegistryContext): boolean {
  return ctx.db.prepare('SELECT 1 FROM agency_profile WHERE id = 1').get() !== undefined;
}

export function getAgencyProfile(ctx: RegistryContext): AgencyProfile | null {
  const row = ctx.db.prepare('SELECT * FROM agency_profile WHERE id = 1').get() as ProfileRow | undefined;
  if (!row) return null;
  const units = ctx.db.prepare('SELECT name, abbreviation FROM units ORDER BY position').all() as AgencyProfile['units'];
  return {
    name: row.name,
    parentName: row.parent_name,
    organId: row.organ_id,
    abbreviation: row.abbreviation,
    placeName: row.place_name,
    address: row.address,
    phone: row.phone,
    email: row.email,
    website: row.website,
    units,
  };
}

// Nested inside another write transaction (profile creation) this becomes a savepoint.
export function saveAgencyProfile(ctx: RegistryContext, profile: AgencyProfile): AgencyProfile {
  return writeTransaction(ctx.db, () => {
    const before = getAgencyProfile(ctx);
    ctx.db
      .prepare(
        `INSERT INTO agency_profile (id, name, parent_name, organ_id, abbreviation, place_name, address, phone, email, website, updated_at)
         VALUES (1, @name, @parentName, @organId, @abbreviation, @placeName, @address, @phone, @email, @website, @updatedAt)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, parent_name = excluded.parent_name,
           organ_id = excluded.organ_id, abbreviation = excluded.abbreviation, place_name = excluded.place_name,
           address = excluded.address, phone = excluded.phone, email = excluded.email, website = excluded.website,
           updated_at = excluded.updated_at`,
      )
      .run({ ...profile, updatedAt: timestamp(ctx.clock) });
    ctx.db.prepare('DELETE FROM units').run();
    const insertUnit = ctx.db.prepare('INSERT INTO units (name, abbreviation, position) VALUES (?, ?, ?)');
    profile.units.forEach((u, i) => insertUnit.run(u.name, u.abbreviation, i));
    ctx.audit.append({
      action: before ? 'profile.update' : 'profile.create',
      entityType: 'profile',
      entityId: 1,
      details: { before, after: profile },
    });
    return profile;
  });
}
