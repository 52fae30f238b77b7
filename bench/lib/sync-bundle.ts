import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { bundleOptions } from '../../scripts/build-electron.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface SyncChildScript {
  readonly script: string;
  readonly env: Record<string, string>;
}

// better-sqlite3 stays external, as in the app; the bundle lives in a temporary folder with no
// node_modules above it, so the import names the repository's copy by its absolute path.
const sqliteFromRepo: Plugin = {
  name: 'better-sqlite3-from-repo',
  setup(b) {
    const path = createRequire(import.meta.url).resolve('better-sqlite3');
    b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path, external: true }));
  },
};

// sync-child.ts bundled with the app's main-process esbuild options: the app runs one bundled
// JavaScript file, while running the .ts sources makes Node load its TypeScript stripper (about
// 40 MB of RSS the app does not have; see bench:sign).
export async function bundleSyncChild(outDir: string): Promise<SyncChildScript> {
  const script = join(outDir, 'sync-child.mjs');
  await build({ ...bundleOptions(outDir).main, entryPoints: [fileURLToPath(new URL('./sync-child.ts', import.meta.url))], outfile: script, metafile: false, plugins: [sqliteFromRepo] });
  return { script, env: {} };
}

// The .ts sources as they are.
export function sourceSyncChild(): SyncChildScript {
  return { script: fileURLToPath(new URL('./sync-child.ts', import.meta.url)), env: {} };
}

// What the app passes as resourcesDir (the trust anchors shipped with it).
export const RESOURCES_DIR = join(REPO, 'resources');
