import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startHub, type RunningHub } from '../../src/hub/main.ts';
import { createHubClient, type HubClient } from '../../src/main/hub/hub-client.ts';
import { initProfile } from '../../src/main/profile/init-profile.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { PACKAGE_BUILDERS } from '../../src/main/sync/package-builders.ts';
import { runSync, type SyncSummary } from '../../src/main/sync/run-sync.ts';
import { agencyProfileInput } from '../../src/shared/api/schemas/profile.ts';
import { SAMPLE_AGENCY, tempDir } from './temp-profile.ts';

export const AGENCY_B = { ...SAMPLE_AGENCY, name: 'Ủy ban nhân dân xã Hòa Phong', organId: '000.47.24.H17', address: 'Thôn Dương Sơn, xã Hòa Phong' };

// The two connected systems of the test hub, one per desk.
export const SYSTEMS = [
  { systemId: 'SYS-A', secret: 'c2VjcmV0LW9mLXN5c3RlbS1BLWZvci10ZXN0cy0wMDE=', agencies: [{ code: SAMPLE_AGENCY.organId, name: SAMPLE_AGENCY.name }] },
  { systemId: 'SYS-B', secret: 'c2VjcmV0LW9mLXN5c3RlbS1CLWZvci10ZXN0cy0wMDI=', agencies: [{ code: AGENCY_B.organId, name: AGENCY_B.name }] },
] as const;

export interface Desk {
  readonly profile: Profile;
  readonly client: HubClient;
  readonly profileDir: string;
  readonly system: { readonly systemId: string; readonly secret: string };
  sync(): Promise<SyncSummary>;
}

export interface TwoDesks {
  readonly hub: RunningHub;
  readonly a: Desk;
  readonly b: Desk;
  readonly dir: string;
  close(): Promise<void>;
}

// Two agencies' desktops (A: xã Hòa Tiến, B: xã Hòa Phong) on one reference hub over loopback,
// each with its own profile and its own hub system.
export async function twoDesks(): Promise<TwoDesks> {
  const t = tempDir('vanthu-sync-');
  const hubData = join(t.dir, 'hub');
  mkdirSync(hubData);
  const systemsFile = join(t.dir, 'systems.json');
  writeFileSync(systemsFile, JSON.stringify(SYSTEMS));
  const hub = await startHub({ dataDir: hubData, systems: systemsFile, onError: () => undefined });
  const desk = (dir: string, agency: typeof SAMPLE_AGENCY, system: (typeof SYSTEMS)[number]): Desk => {
    const profileDir = join(t.dir, dir);
    const profile = initProfile(profileDir, agencyProfileInput.parse(agency), { actor: 'test' });
    const client = createHubClient({ endpoint: hub.url, systemId: system.systemId, secret: system.secret, retry: { baseDelayMs: 10, maxDelayMs: 50 } });
    return { profile, client, profileDir, system, sync: () => runSync(profile, { client, builders: PACKAGE_BUILDERS, probeTimeoutMs: 2000 }) };
  };
  const a = desk('a', SAMPLE_AGENCY, SYSTEMS[0]);
  const b = desk('b', AGENCY_B, SYSTEMS[1]);
  return {
    hub,
    a,
    b,
    dir: t.dir,
    async close() {
      for (const d of [a, b]) {
        d.client.close();
        d.profile.close();
      }
      await hub.close();
      t.cleanup();
    },
  };
}
