import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBridgeServices, startBridge } from '../../src/dev/bridge-server.ts';
import { createShellServices } from '../../src/main/app/shell-services.ts';
import { openProfile } from '../../src/main/profile/open-profile.ts';
import { SHUTDOWN_STEPS } from '../../src/main/services/create-services.ts';
import { contract } from '../../src/shared/api/contract.ts';
import { bridgeCall, RENDERER_DIR } from '../support/bridge.ts';
import { ROOT } from '../support/cli.ts';
import { issueDocument } from '../support/issued-document.ts';
import { type BridgeDesks, bridgeDesks } from '../support/sync-bridges.ts';
import { AGENCY_B } from '../support/sync-desks.ts';
import { tempDir } from '../support/temp-profile.ts';
import { createTestPki } from '../support/test-pki.ts';

// The steps the services' close() logged, in order, from the profile's log.
function shutdownSteps(profileDir: string): string[] {
  return readFileSync(join(profileDir, 'logs', 'vanthu.log'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { event: string; step?: string })
    .filter((entry) => entry.event === 'shutdown')
    .map((entry) => entry.step ?? '');
}

describe('one wiring for the shell and the bridge', () => {
  it('builds the same operations and closes in the same order, database last', async () => {
    const t = tempDir('vanthu-wiring-');
    try {
      const shell = createShellServices({
        isPackaged: false,
        resourcesPath: join(t.dir, 'not-packaged'),
        appPath: ROOT,
        profileDir: join(t.dir, 'shell'),
        osCipher: () => null,
        openPath: async () => 'no desktop in tests',
        paths: {
          tokenWorker: new URL('../../src/main/signing/pkcs11/token-worker.ts', import.meta.url),
          quickCheckWorker: new URL('../../src/main/db/quick-check-worker.ts', import.meta.url),
          ocrWorker: fileURLToPath(new URL('../../src/main/ocr/ocr-worker.ts', import.meta.url)),
        },
      });
      const bridge = createBridgeServices({ profileDir: join(t.dir, 'bridge') });
      const operations = Object.keys(contract).sort();
      expect(Object.keys(shell.handlers).sort()).toEqual(operations);
      expect(Object.keys(bridge.handlers).sort()).toEqual(operations);
      // Both answer through the dispatcher on their own profile.
      for (const services of [shell, bridge]) {
        const info = await services.dispatch('app.info', {});
        expect(info).toMatchObject({ ok: true, value: { initialized: false, profileDir: services.session.dir } });
      }
      await shell.close();
      await bridge.close();
      expect(shutdownSteps(join(t.dir, 'shell'))).toEqual([...SHUTDOWN_STEPS]);
      expect(shutdownSteps(join(t.dir, 'bridge'))).toEqual(['scheduler', 'sync', 'tokens', 'ocr', 'database']);
    } finally {
      t.cleanup();
    }
  });
});

describe('quitting during a sync', () => {
  let env: BridgeDesks;

  beforeAll(async () => {
    const pki = await createTestPki();
    env = await bridgeDesks({
      probeTimeoutMs: 1000,
      prepareA: async (a, scratch) => {
        for (const subject of ['Về việc quyết toán năm', 'Về việc kiểm kê tài sản']) {
          await issueDocument(a, pki, scratch, { subject, recipients: [{ name: AGENCY_B.name, organId: AGENCY_B.organId }] });
        }
      },
    });
  }, 120_000);
  afterAll(() => env?.close());

  it('waits for the running sync: its last commit is in the database after a restart', async () => {
    const started = await bridgeCall(env.a, 'sync.run', {});
    expect(started).toMatchObject({ running: true, joined: false });
    // The clerk closes the window while the packages are going out.
    await env.a.close();
    const profile = openProfile(join(env.dir, 'a'));
    try {
      const run = profile.db.prepare('SELECT outcome, finished_at FROM hub_sync_runs ORDER BY id DESC LIMIT 1').get() as { outcome: string | null; finished_at: string | null };
      expect(run.outcome).toBe('ok');
      expect(run.finished_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      const sends = profile.db.prepare("SELECT state, count(*) AS n FROM hub_sends WHERE kind = 'edoc' GROUP BY state").all();
      expect(sends).toEqual([{ state: 'sent', n: 2 }]);
    } finally {
      profile.close();
    }
    // Reopened the way the app does, the sync screen shows the finished run.
    const reopened = await startBridge({ profileDir: join(env.dir, 'a'), rendererDir: RENDERER_DIR });
    try {
      const state = await bridgeCall(reopened, 'sync.state', {});
      expect(state).toMatchObject({ running: false, lastRun: { outcome: 'ok', sent: 2 }, pending: { documents: 0 } });
    } finally {
      await reopened.close();
    }
  }, 120_000);
});
