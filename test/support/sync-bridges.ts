import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Bridge, startBridge } from '../../src/dev/bridge-server.ts';
import { startHub, type RunningHub } from '../../src/hub/main.ts';
import { initProfile } from '../../src/main/profile/init-profile.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import type { OutputOf } from '../../src/shared/api/contract.ts';
import { agencyProfileInput } from '../../src/shared/api/schemas/profile.ts';
import { bridgeCall, RENDERER_DIR } from './bridge.ts';
import { AGENCY_B, SYSTEMS } from './sync-desks.ts';
import { SAMPLE_AGENCY, tempDir } from './temp-profile.ts';

export interface BridgeDesks {
  readonly hub: RunningHub;
  // A: xã Hòa Tiến (sends), B: xã Hòa Phong (receives), each behind its own loopback bridge.
  readonly a: Bridge;
  readonly b: Bridge;
  readonly dir: string;
  close(): Promise<void>;
}

export interface BridgeDesksOptions {
  // Work on A's profile before its bridge opens it (issuing documents to B): one writer at a time.
  readonly prepareA?: (a: Profile, scratch: string) => Promise<void>;
  readonly probeTimeoutMs?: number;
  // Desk B's token (a SoftHSM's environment), for work that signs with the agency key there.
  readonly tokenEnvB?: Readonly<Record<string, string>>;
}

// The two desks of sync-desks.ts, but each desk is the app's services behind the loopback bridge,
// with its hub connection saved through hub.saveSettings as the clerk would.
export async function bridgeDesks(options: BridgeDesksOptions = {}): Promise<BridgeDesks> {
  const t = tempDir('vanthu-sync-api-');
  const hubData = join(t.dir, 'hub');
  mkdirSync(hubData);
  const systemsFile = join(t.dir, 'systems.json');
  writeFileSync(systemsFile, JSON.stringify(SYSTEMS));
  const hub = await startHub({ dataDir: hubData, systems: systemsFile, onError: () => undefined });
  const desk = async (name: string, agency: typeof SAMPLE_AGENCY, system: (typeof SYSTEMS)[number], prepare?: BridgeDesksOptions['prepareA'], tokenEnv?: BridgeDesksOptions['tokenEnvB']) => {
    const profileDir = join(t.dir, name);
    const profile = initProfile(profileDir, agencyProfileInput.parse(agency), { actor: 'test' });
    try {
      await prepare?.(profile, t.dir);
    } finally {
      profile.close();
    }
    const bridge = await startBridge({
      profileDir,
      rendererDir: RENDERER_DIR,
      ...(options.probeTimeoutMs ? { probeTimeoutMs: options.probeTimeoutMs } : {}),
      ...(tokenEnv ? { tokenEnv } : {}),
    });
    await bridgeCall(bridge, 'hub.saveSettings', { endpoint: hub.url, systemId: system.systemId, secret: system.secret });
    return bridge;
  };
  const a = await desk('a', SAMPLE_AGENCY, SYSTEMS[0], options.prepareA);
  const b = await desk('b', AGENCY_B, SYSTEMS[1], undefined, options.tokenEnvB);
  return {
    hub,
    a,
    b,
    dir: t.dir,
    async close() {
      await a.close();
      await b.close();
      await hub.close();
      t.cleanup();
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// sync.run, then sync.state every 100 ms until the run is over, as the screen does: the state of
// each poll and the final one.
export async function syncThroughApi(bridge: Bridge, timeoutMs = 60_000): Promise<{ started: OutputOf<'sync.run'>; polls: OutputOf<'sync.state'>[]; final: OutputOf<'sync.state'> }> {
  const started = await bridgeCall(bridge, 'sync.run', {});
  const polls: OutputOf<'sync.state'>[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await bridgeCall(bridge, 'sync.state', {});
    polls.push(state);
    if (!state.running) return { started, polls, final: state };
    if (Date.now() > deadline) throw new Error('sync did not finish in time');
    await sleep(100);
  }
}
