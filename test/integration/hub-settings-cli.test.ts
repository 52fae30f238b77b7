import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHub } from '../../src/hub/main.ts';
import { FILE_KEY_CIPHER } from '../../src/main/hub/secret-cipher.ts';
import { initProfile } from '../../src/main/profile/init-profile.ts';
import { agencyProfileInput } from '../../src/shared/api/schemas/profile.ts';
import { vanthu, vanthuAsync } from '../support/cli.ts';
import { SYS_B, testHubDir, type TestHubDir } from '../support/hub-fixtures.ts';
import { SAMPLE_AGENCY, tempDir } from '../support/temp-profile.ts';

// `vanthu hub-config` and `vanthu agencies` through the real command, against the reference hub
// on loopback (run without blocking: the hub answers from this process).
describe('vanthu hub-config and vanthu agencies', () => {
  let dir: TestHubDir;
  let hub: RunningHub;
  let work: { dir: string; cleanup: () => void };
  let profile: string;

  beforeAll(async () => {
    dir = testHubDir();
    hub = await dir.start();
    work = tempDir();
    profile = join(work.dir, 'profile');
    initProfile(profile, agencyProfileInput.parse(SAMPLE_AGENCY), { actor: 'test' }).close();
  });
  afterAll(async () => {
    await hub.close();
    dir.remove();
    work.cleanup();
  });

  it('saves the hub settings with the secret from stdin, never echoing it', async () => {
    const endpoint = `${hub.url}/XrdAdapter/adapter`;
    const missing = vanthu(['hub-config', '--profile', profile, '--endpoint', endpoint, '--system-id', SYS_B.systemId, '--json']);
    expect(missing.status).toBe(2);
    expect(JSON.parse(missing.stderr)).toMatchObject({ code: 'INVALID_INPUT' });
    const empty = vanthu(['hub-config', '--profile', profile, '--endpoint', endpoint, '--system-id', SYS_B.systemId, '--secret-stdin'], { input: '\n' });
    expect(empty.status).toBe(2);

    const saved = await vanthuAsync(['hub-config', '--profile', profile, '--endpoint', endpoint, '--system-id', SYS_B.systemId, '--secret-stdin', '--schedule', '16:30', '--json'], {
      input: `${SYS_B.secret}\n`,
    });
    expect(saved.status, saved.stderr).toBe(0);
    expect(saved.json()).toEqual({
      endpoint,
      systemId: 'SYS-B',
      caCertificatePaths: [],
      scheduleTime: '16:30',
      enabled: true,
      hasSecret: true,
      secretCipher: FILE_KEY_CIPHER,
      organId: SAMPLE_AGENCY.organId,
    });
    const shown = vanthu(['hub-config', '--profile', profile]);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain('Khóa bí mật: đã lưu');
    expect(shown.stdout).toContain('16:30');
    // A change of one option keeps the others and the secret.
    const changed = vanthu(['hub-config', '--profile', profile, '--schedule', 'none', '--json']);
    expect(changed.json()).toMatchObject({ endpoint, scheduleTime: null, hasSecret: true });
    for (const run of [saved, shown, changed]) expect(run.stdout + run.stderr).not.toContain(SYS_B.secret);

    const badCa = vanthu(['hub-config', '--profile', profile, '--ca', join(work.dir, 'nope.pem'), '--json']);
    expect(badCa.status).toBe(2);
    expect(JSON.parse(badCa.stderr)).toMatchObject({ code: 'INVALID_INPUT', data: { issues: [{ path: 'caCertificatePaths.0' }] } });
  });

  it('refreshes the directory from the hub and searches it offline', async () => {
    const refreshed = await vanthuAsync(['agencies', 'refresh', '--profile', profile, '--json']);
    expect(refreshed.status, refreshed.stderr).toBe(0);
    expect(refreshed.json()).toMatchObject({ total: 4, added: 4, removed: 0 });

    const found = vanthu(['agencies', 'search', '--profile', profile, 'binh', 'minh', '--json']);
    expect(found.status).toBe(0);
    expect(found.json<{ items: Array<{ name: string }>; total: number }>().items.map((a) => a.name)).toEqual(['UBND xã Bình Minh', 'Văn phòng UBND xã Bình Minh']);
    const text = vanthu(['agencies', 'search', '--profile', profile, 'cẩm lệ']);
    expect(text.stdout).toContain('000.00.03.H99\tUBND xã Cẩm Lệ');

    await hub.close();
    try {
      const failed = await vanthuAsync(['agencies', 'refresh', '--profile', profile, '--json']);
      expect(failed.status).toBe(1);
      expect(JSON.parse(failed.stderr)).toMatchObject({ code: 'HUB_UNREACHABLE' });
      expect(vanthu(['agencies', 'search', '--profile', profile, 'binh minh', '--json']).json()).toMatchObject({ total: 2 });
    } finally {
      hub = await dir.start();
    }
  });

  it('left no trace of the secret in the database or the logs', () => {
    const secret = Buffer.from(SYS_B.secret);
    for (const name of readdirSync(profile).filter((n) => n.startsWith('vanthu.db'))) expect(readFileSync(join(profile, name)).includes(secret), name).toBe(false);
    for (const name of readdirSync(join(profile, 'logs'))) expect(readFileSync(join(profile, 'logs', name)).includes(secret), name).toBe(false);
  });
});
