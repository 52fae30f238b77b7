import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { agencyProfileInput } from '../../src/shared/api/schemas/profile.ts';
import { type Bridge, startBridge } from '../../src/dev/bridge-server.ts';
import { initProfile } from '../../src/main/profile/init-profile.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import type { Clock } from '../../src/main/registry/clock.ts';
import { SAMPLE_AGENCY, tempDir } from './temp-profile.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RENDERER_DIR = join(ROOT, 'dist', 'renderer');

// `npm test` and `npm run test:e2e` build the renderer first; a bare `vitest --project e2e` on a
// fresh clone builds it here once.
export function ensureRendererBuilt(): void {
  if (existsSync(join(RENDERER_DIR, 'index.html'))) return;
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build'], { cwd: ROOT, stdio: 'inherit' });
}

export interface TestBridge extends Bridge {
  readonly profileDir: string;
  cleanup(): Promise<void>;
}

interface TestBridgeOptions {
  readonly clock?: Clock;
  // Set up the agency (SAMPLE_AGENCY) before the bridge opens the profile; false for first run.
  readonly initialized?: boolean;
  // Writes straight into the registry before the bridge starts (bulk data for a scenario).
  readonly seed?: (profile: Profile) => void;
}

// The real services on a fresh temporary profile, served over loopback for one test file.
export async function startTestBridge(options: TestBridgeOptions = {}): Promise<TestBridge> {
  ensureRendererBuilt();
  const t = tempDir('vanthu-e2e-');
  const profileDir = join(t.dir, 'profile');
  if (options.initialized ?? true) {
    const profile = initProfile(profileDir, agencyProfileInput.parse(SAMPLE_AGENCY), { clock: options.clock, actor: 'test' });
    try {
      options.seed?.(profile);
    } finally {
      profile.close();
    }
  }
  const bridge = await startBridge({ profileDir, rendererDir: RENDERER_DIR, ...(options.clock ? { clock: options.clock } : {}) });
  return {
    ...bridge,
    profileDir,
    cleanup: async () => {
      await bridge.close();
      t.cleanup();
    },
  };
}
