import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src/hub/main.ts';
import { agencyDirectoryState, refreshAgencyDirectory, searchAgencies } from '../../src/main/hub/agency-directory.ts';
import type { HubClient } from '../../src/main/hub/hub-client.ts';
import { createHubClientFor } from '../../src/main/hub/hub-connection.ts';
import { saveHubSettings } from '../../src/main/hub/hub-settings.ts';
import { fileKeyCipher } from '../../src/main/hub/secret-cipher.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { expectAppErrorAsync } from '../support/app-error.ts';
import { B, CRED_C, SYS_B, testHubDir, type TestHubDir } from '../support/hub-fixtures.ts';
import { hubCall } from '../support/hub-request.ts';
import { fixedClock, newProfile } from '../support/temp-profile.ts';

// The agency directory cached from the reference hub (its systems file plus agencies registered
// through the API), searched offline without diacritics, and kept whole when a refresh fails.
describe('agency directory', () => {
  let dir: TestHubDir;
  let hub: RunningHub;
  let env: { profile: Profile; dir: string; cleanup: () => void };
  const clock = fixedClock('2025-03-10T09:00:00.000Z');
  let client: HubClient;
  const search = (query: string, limit = 50, offset = 0) => searchAgencies(env.profile, { query, limit, offset });

  beforeAll(async () => {
    dir = testHubDir();
    hub = await dir.start();
    env = newProfile(clock);
    saveHubSettings(env.profile, { endpoint: `${hub.url}/XrdAdapter/adapter`, systemId: SYS_B.systemId, secret: SYS_B.secret }, fileKeyCipher(env.dir));
    client = createHubClientFor(env.profile, fileKeyCipher(env.dir), { retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 20 } });
  });
  afterAll(async () => {
    client.close();
    await hub.close();
    env.cleanup();
    dir.remove();
  });
  beforeEach(() => Object.assign(hub.faults, { errorRate: 0 }));

  it('caches the directory of the hub and finds "binh minh" in "UBND xã Bình Minh"', async () => {
    expect(agencyDirectoryState(env.profile)).toEqual({ count: 0, refreshedAt: null });
    expect(search('binh minh')).toEqual({ items: [], total: 0, refreshedAt: null });

    const r = await refreshAgencyDirectory(env.profile, client);
    expect(r).toEqual({ total: 4, added: 4, removed: 0, refreshedAt: '2025-03-10T09:00:00.000Z' });
    expect(agencyDirectoryState(env.profile)).toEqual({ count: 4, refreshedAt: '2025-03-10T09:00:00.000Z' });

    const found = search('binh minh');
    expect(found.total).toBe(2);
    expect(found.items.map((a) => a.name)).toEqual(['UBND xã Bình Minh', 'Văn phòng UBND xã Bình Minh']);
    expect(found.items[0]).toEqual({ code: B, name: 'UBND xã Bình Minh', parentCode: null, mail: null });
    // The office's parent by the QCVN 102 code (the hub reports it as the parent's id).
    expect(found.items[1]).toMatchObject({ code: '000.02.02.H99', parentCode: B });
    expect(search('  BÌNH   minh ').total).toBe(2);
    expect(search('cam le').items.map((a) => a.name)).toEqual(['UBND xã Cẩm Lệ']);
    expect(search('000.00.03').items.map((a) => a.code)).toEqual(['000.00.03.H99']);
    expect(search('h99').total).toBe(4);
    expect(search('binh minh van phong').items.map((a) => a.code)).toEqual(['000.02.02.H99']);
    expect(search('%').total).toBe(0);
    expect(search('', 2, 0).items.map((a) => a.name)).toEqual(['UBND xã An Bình', 'UBND xã Bình Minh']);
    expect(search('', 2, 2)).toMatchObject({ total: 4, items: [{ name: 'UBND xã Cẩm Lệ' }, { name: 'Văn phòng UBND xã Bình Minh' }] });
  });

  it('adds agencies registered on the hub (with their parent) and drops those it deleted', async () => {
    const agency = { code: '000.01.03.H99', name: 'Công an xã Cẩm Lệ', pcode: '000.00.03.H99', mail: 'ca.camle@example.vn' };
    expect((await hubCall(hub.url, 'registerAgency', CRED_C, { body: JSON.stringify(agency) })).status).toBe(200);
    clock.set('2025-03-11T09:00:00.000Z');
    expect(await refreshAgencyDirectory(env.profile, client)).toEqual({ total: 5, added: 1, removed: 0, refreshedAt: '2025-03-11T09:00:00.000Z' });
    expect(search('cong an').items).toEqual([{ code: agency.code, name: agency.name, parentCode: '000.00.03.H99', mail: agency.mail }]);

    expect((await hubCall(hub.url, 'deleteAgency', CRED_C, { headers: { AgencyCode: agency.code } })).status).toBe(200);
    clock.set('2025-03-12T09:00:00.000Z');
    expect(await refreshAgencyDirectory(env.profile, client)).toMatchObject({ total: 4, added: 0, removed: 1 });
    expect(search('cong an').total).toBe(0);
  });

  it('keeps the cached directory when the hub fails or cannot be reached', async () => {
    const before = search('');
    const state = agencyDirectoryState(env.profile);
    clock.set('2025-03-13T09:00:00.000Z');
    hub.faults.errorRate = 1;
    await expectAppErrorAsync(() => refreshAgencyDirectory(env.profile, client), 'HUB_UNREACHABLE');
    expect(search('')).toEqual(before);
    expect(agencyDirectoryState(env.profile)).toEqual(state);

    hub.faults.errorRate = 0;
    await hub.close();
    await expectAppErrorAsync(() => refreshAgencyDirectory(env.profile, client), 'HUB_UNREACHABLE');
    expect(search('binh minh').total).toBe(2);
    expect(agencyDirectoryState(env.profile)).toEqual(state);
    hub = await dir.start();
  });

  it('keeps the cached directory when the hub answers with an empty one', async () => {
    const state = agencyDirectoryState(env.profile);
    const empty = { getAgenciesList: async () => [], getSynchronizeUnit: async () => [] };
    await expectAppErrorAsync(() => refreshAgencyDirectory(env.profile, empty), 'HUB_REFUSED', /danh bạ cơ quan rỗng/);
    expect(agencyDirectoryState(env.profile)).toEqual(state);
  });
});
