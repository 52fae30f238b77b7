import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InputOf, OperationName, OutputOf } from '../../src/shared/api/contract.ts';
import type { Envelope } from '../../src/shared/api/envelope.ts';
import { agencyProfileInput } from '../../src/shared/api/schemas/profile.ts';
import { type Bridge, startBridge } from '../../src/dev/bridge-server.ts';
import { initProfile } from '../../src/main/profile/init-profile.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import type { Clock } from '../../src/main/registry/clock.ts';
import { SAMPLE_AGENCY, tempDir } from './temp-profile.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RENDERER_DIR = join(ROOT, 'dist', 'renderer');

// Newest modification time of any file under `dir`, in ms.
function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

// `npm test` and `npm run test:e2e` build the renderer first; a bare `vitest --project e2e` (one
// file after an edit, or a fresh clone) builds it here when dist/renderer is missing or older than
// any source it is built from, so a test never drives an old bundle.
export function ensureRendererBuilt(): void {
  const built = join(RENDERER_DIR, 'index.html');
  const sources = [join(ROOT, 'src', 'renderer'), join(ROOT, 'src', 'shared'), join(ROOT, 'resources', 'drafts', 'examples')];
  if (existsSync(built) && sources.every((dir) => newestChange(dir) <= statSync(built).mtimeMs)) return;
  // vitest sets NODE_ENV=test, which would give a development build of React (StrictMode's double
  // effects, dev warnings): the tests drive the bundle the app ships.
  execFileSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
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
  // Environment for the PKCS#11 modules (the SoftHSM tokens of a signing test).
  readonly tokenEnv?: Readonly<Record<string, string>>;
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
  const bridge = await startBridge({
    profileDir,
    rendererDir: RENDERER_DIR,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.tokenEnv ? { tokenEnv: options.tokenEnv } : {}),
  });
  return {
    ...bridge,
    profileDir,
    cleanup: async () => {
      await bridge.close();
      t.cleanup();
    },
  };
}

// A contract call straight to the test's bridge (what the page would see), to check the data
// behind the UI without going through it.
export async function bridgeCall<K extends OperationName>(bridge: Bridge, name: K, input: InputOf<K>): Promise<OutputOf<K>> {
  const response = await fetch(`${bridge.url}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-vanthu-token': bridge.token },
    body: JSON.stringify(input),
  });
  const envelope = (await response.json()) as Envelope<OutputOf<K>>;
  if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value;
}

// The envelope itself, for tests of refusals.
export async function bridgeEnvelope<K extends OperationName>(bridge: Bridge, name: K, input: unknown): Promise<Envelope<OutputOf<K>>> {
  const response = await fetch(`${bridge.url}/api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-vanthu-token': bridge.token },
    body: JSON.stringify(input),
  });
  return (await response.json()) as Envelope<OutputOf<K>>;
}
