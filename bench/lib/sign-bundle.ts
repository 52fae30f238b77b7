import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { bundleOptions } from '../../scripts/build-electron.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface BundledChild {
  readonly script: string;
  readonly workerUrl: string;
  // What the bundles need from the repository at run time: pkcs11js (left external, as in the
  // app) and the signature font.
  readonly env: Record<string, string>;
}

// sign-child.ts bundled the way the app bundles its main process, and the token worker exactly as
// the app ships it: the app runs bundled JavaScript, while running the .ts sources makes Node load
// its TypeScript stripper in the process and again in the worker (about 40 MB of RSS that the app
// does not have).
export async function bundleSignChild(outDir: string): Promise<BundledChild> {
  const options = bundleOptions(outDir);
  const script = join(outDir, 'sign-child.mjs');
  const worker = join(outDir, 'token-worker.cjs');
  await build({ ...options.main, entryPoints: [fileURLToPath(new URL('./sign-child.ts', import.meta.url))], outfile: script, metafile: false });
  await build({ ...options.tokenWorker, outfile: worker, metafile: false });
  return {
    script,
    workerUrl: pathToFileURL(worker).href,
    env: { NODE_PATH: join(REPO, 'node_modules'), BENCH_FONTS_DIR: join(REPO, 'resources', 'fonts') },
  };
}
