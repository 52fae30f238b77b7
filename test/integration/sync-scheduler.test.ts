import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src/hub/main.ts';
import { createHubClientFor } from '../../src/main/hub/hub-connection.ts';
import { saveHubSettings } from '../../src/main/hub/hub-settings.ts';
import { fileKeyCipher } from '../../src/main/hub/secret-cipher.ts';
import { initProfile } from '../../src/main/profile/init-profile.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { startSyncScheduler, type SyncScheduler } from '../../src/main/sync/sync-scheduler.ts';
import { createSyncService, type SyncService } from '../../src/main/sync/sync-service.ts';
import type { SyncTrigger } from '../../src/shared/api/schemas/sync.ts';
import { agencyProfileInput } from '../../src/shared/api/schemas/profile.ts';
import { B, SYS_B, testHubDir, type TestHubDir } from '../support/hub-fixtures.ts';
import { fixedClock, SAMPLE_AGENCY, tempDir } from '../support/temp-profile.ts';

const MINUTE = 60_000;

// The automatic syncs on a real profile against the reference hub, with the profile's clock
// moved by the test and the scheduler's look called directly (or its timer at 20 ms): no test
// waits for real minutes.
describe('sync scheduler', () => {
  let dir: TestHubDir;
  let hub: RunningHub;
  const open: Array<{ profile: Profile; scheduler: SyncScheduler; cleanup: () => void }> = [];

  beforeAll(async () => {
    dir = testHubDir();
    hub = await dir.start();
  });
  afterAll(async () => {
    await hub?.close();
    dir?.remove();
  });
  afterEach(async () => {
    hub.faults.dropAfterBytes = null;
    for (const o of open.splice(0)) {
      o.scheduler.dispose();
      o.profile.close();
      o.cleanup();
    }
  });

  // A desk of agency B with its hub settings, a service whose starts are recorded, and a
  // scheduler on it. The clock starts at `at`.
  function desk(at: string, settings: { scheduleTime: string | null; enabled: boolean }, tickMs = 24 * 60 * MINUTE) {
    const t = tempDir('vanthu-scheduler-');
    const clock = fixedClock(at);
    const profile = initProfile(join(t.dir, 'profile'), agencyProfileInput.parse({ ...SAMPLE_AGENCY, organId: B }), { clock, actor: 'test' });
    const cipher = fileKeyCipher(profile.paths.root);
    saveHubSettings(profile, { endpoint: hub.url, systemId: SYS_B.systemId, secret: SYS_B.secret, ...settings }, cipher);
    const real = createSyncService({ clientFor: (p) => createHubClientFor(p, cipher, { retry: { baseDelayMs: 10, maxDelayMs: 20 } }), probeTimeoutMs: 1000 });
    const triggers: SyncTrigger[] = [];
    const service: SyncService = {
      ...real,
      start: (p, trigger) => {
        triggers.push(trigger);
        return real.start(p, trigger);
      },
    };
    const scheduler = startSyncScheduler(service, () => profile, { tickMs, probeIntervalMs: 5 * MINUTE });
    open.push({ profile, scheduler, cleanup: t.cleanup });
    const advance = (ms: number) => clock.set(new Date(clock.now().getTime() + ms).toISOString());
    const runs = () => profile.db.prepare('SELECT outcome FROM hub_sync_runs ORDER BY id').pluck().all();
    return { profile, service: real, scheduler, triggers, clock, advance, runs };
  }

  it('runs at the end-of-day time, and at start when that time passed while the app was closed', async () => {
    // 15:00 in Vietnam: yesterday's 17:00 passed with no sync at all, so the first look catches up.
    const d = desk('2026-03-05T08:00:00Z', { scheduleTime: '17:00', enabled: true });
    await d.scheduler.tick();
    expect(d.triggers).toEqual(['schedule']);
    expect(d.runs()).toEqual(['ok']);
    d.advance(MINUTE);
    await d.scheduler.tick();
    d.clock.set('2026-03-05T09:59:00Z');
    await d.scheduler.tick();
    expect(d.triggers).toEqual(['schedule']);
    // 17:00 passes: one run, and only one however often the scheduler looks afterwards.
    d.clock.set('2026-03-05T10:00:30Z');
    await d.scheduler.tick();
    expect(d.triggers).toEqual(['schedule', 'schedule']);
    d.advance(10 * MINUTE);
    await d.scheduler.tick();
    expect(d.triggers).toEqual(['schedule', 'schedule']);
    expect(d.runs()).toEqual(['ok', 'ok']);
  });

  it('does not run again at the time when a sync by hand already succeeded after it', async () => {
    const d = desk('2026-03-05T10:30:00Z', { scheduleTime: '17:00', enabled: true });
    await d.service.start(d.profile, 'manual').done;
    await d.scheduler.tick();
    expect(d.triggers).toEqual([]);
    expect(d.runs()).toEqual(['ok']);
  });

  it('runs when the hub answers again after a probe found it down, probing every 5 minutes only', async () => {
    const d = desk('2026-03-05T03:00:00Z', { scheduleTime: null, enabled: true });
    hub.faults.dropAfterBytes = 0;
    hub.faults.dropMode = 'always';
    await d.scheduler.tick();
    expect(d.service.network(d.profile)).toMatchObject({ reachable: false });
    hub.faults.dropAfterBytes = null;
    // Four minutes later the probe is not due yet: nothing learns that the hub is back.
    d.advance(4 * MINUTE);
    await d.scheduler.tick();
    expect(d.service.network(d.profile)).toMatchObject({ reachable: false });
    expect(d.triggers).toEqual([]);
    d.advance(MINUTE);
    await d.scheduler.tick();
    expect(d.triggers).toEqual(['network-back']);
    expect(d.runs()).toEqual(['ok']);
    // Up and still up: no further run.
    d.advance(5 * MINUTE);
    await d.scheduler.tick();
    expect(d.triggers).toEqual(['network-back']);
  });

  it('does nothing automatic when the settings turn it off: no run, no probe', async () => {
    const d = desk('2026-03-05T10:30:00Z', { scheduleTime: '17:00', enabled: false });
    await d.scheduler.tick();
    d.advance(10 * MINUTE);
    await d.scheduler.tick();
    expect(d.triggers).toEqual([]);
    expect(d.service.network(d.profile)).toBeNull();
    expect(d.runs()).toEqual([]);
  });

  it('looks on its own timer, and dispose stops it', async () => {
    const d = desk('2026-03-05T10:30:00Z', { scheduleTime: '17:00', enabled: true }, 20);
    await expect.poll(() => d.runs(), { timeout: 10_000, interval: 20 }).toEqual(['ok']);
    d.scheduler.dispose();
    // The next day's time has passed: a live timer would run again.
    d.advance(24 * 60 * MINUTE);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(d.triggers).toEqual(['schedule']);
    expect(d.runs()).toEqual(['ok']);
  });
});
