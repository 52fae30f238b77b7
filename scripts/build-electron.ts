import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { BUNDLE_FILES } from '../src/main/app/bundle-layout.ts';

// Bundles the Electron side: the main process, the preload, the quick_check worker, the
// token (PKCS#11) worker and the OCR worker. The renderer is built by Vite into dist/renderer.
// Usage: node scripts/build-electron.ts [--out DIR]

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// Loaded from node_modules at run time, never bundled: Electron itself, native modules whose
// .node binaries electron-builder unpacks from the asar, and tesseract.js, whose worker script and
// WebAssembly core are files it loads itself (docs/ocr.md "In the packaged app").
export const RUNTIME_EXTERNALS = ['electron', 'better-sqlite3', 'pkcs11js', 'tesseract.js'];

// Electron 45 runs Node 24; node22 keeps the output valid on the Node the tests use too.
const NODE_TARGET = 'node22';

// Bundled CommonJS dependencies (graceful-fs and others) call require() for Node built-ins. An
// ESM bundle has no require() of its own, and esbuild's stand-in throws "Dynamic require of ...
// is not supported", so the bundle gets a real one.
const ESM_REQUIRE_SHIM = "import { createRequire as __vanthuCreateRequire } from 'node:module';\nconst require = __vanthuCreateRequire(import.meta.url);";


export type BundleName = 'main' | 'preload' | 'quickCheckWorker' | 'tokenWorker' | 'ocrWorker';

export function bundleOptions(outDir: string): Record<BundleName, BuildOptions> {
  const common: BuildOptions = { absWorkingDir: ROOT, bundle: true, metafile: true, logLevel: 'warning', legalComments: 'none' };
  return {
    // ESM, as package.json says "type": "module"; a single file, so everything before 'ready'
    // in main.ts runs synchronously before 'ready'.
    main: {
      ...common,
      entryPoints: ['src/main/app/main.ts'],
      outfile: join(outDir, BUNDLE_FILES.main),
      platform: 'node',
      format: 'esm',
      target: NODE_TARGET,
      external: RUNTIME_EXTERNALS,
      banner: { js: ESM_REQUIRE_SHIM },
    },
    // A sandboxed preload is a CommonJS script whose require() knows only 'electron' and a few
    // polyfills. Built for the browser platform so that importing a Node module by mistake fails
    // the build instead of the window.
    preload: {
      ...common,
      entryPoints: ['src/preload/preload.ts'],
      outfile: join(outDir, BUNDLE_FILES.preload),
      platform: 'browser',
      format: 'cjs',
      target: 'chrome140',
      external: ['electron'],
    },
    // CommonJS: worker_threads load CommonJS from inside app.asar on every Electron since 18.
    quickCheckWorker: {
      ...common,
      entryPoints: ['src/main/db/quick-check-worker.ts'],
      outfile: join(outDir, BUNDLE_FILES.quickCheckWorker),
      platform: 'node',
      format: 'cjs',
      target: NODE_TARGET,
      external: RUNTIME_EXTERNALS,
    },
    // The thread that owns pkcs11js (src/main/signing/pkcs11/token-worker.ts); CommonJS for the
    // same reason as the quick_check worker.
    tokenWorker: {
      ...common,
      entryPoints: ['src/main/signing/pkcs11/token-worker.ts'],
      outfile: join(outDir, BUNDLE_FILES.tokenWorker),
      platform: 'node',
      format: 'cjs',
      target: NODE_TARGET,
      external: RUNTIME_EXTERNALS,
    },
    // The thread tesseract.js recognises in (src/main/ocr/ocr-worker.ts): our few lines before
    // tesseract.js's own worker script, which stays in node_modules.
    ocrWorker: {
      ...common,
      entryPoints: ['src/main/ocr/ocr-worker.ts'],
      outfile: join(outDir, BUNDLE_FILES.ocrWorker),
      platform: 'node',
      format: 'cjs',
      target: NODE_TARGET,
      external: RUNTIME_EXTERNALS,
      // CommonJS has no import.meta: the worker's createRequire gets the file's URL instead.
      define: { 'import.meta.url': '__vanthuFileUrl' },
      banner: { js: "var __vanthuFileUrl = require('node:url').pathToFileURL(__filename).href;" },
    },
  };
}

export async function buildElectron(outDir: string): Promise<Record<BundleName, Metafile>> {
  mkdirSync(outDir, { recursive: true });
  const options = bundleOptions(outDir);
  const names = Object.keys(options) as BundleName[];
  const results = await Promise.all(names.map((name) => build(options[name])));
  return Object.fromEntries(names.map((name, i) => [name, results[i]?.metafile as Metafile])) as Record<BundleName, Metafile>;
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { out: { type: 'string', default: join(ROOT, 'dist') } } });
  const outDir = resolve(values.out);
  const metafiles = await buildElectron(outDir);
  for (const [name, metafile] of Object.entries(metafiles)) {
    for (const [file, output] of Object.entries(metafile.outputs)) {
      console.log(`${name.padEnd(17)} ${file} ${(output.bytes / 1024).toFixed(0)} KiB`);
    }
  }
}
