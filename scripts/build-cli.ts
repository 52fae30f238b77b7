import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, type Metafile, type Plugin } from 'esbuild';
import { bundleOptions } from './build-electron.ts';

// Bundles the `vanthu` command the way the app bundles its main process (the same esbuild
// options: ESM, node22, RUNTIME_EXTERNALS, the require shim), into dist/cli: the entry (19 KiB;
// with three small chunks, all that `vanthu help` loads), one chunk per command module, loaded
// when that command runs, and the worker threads the commands start, bundled as the app's are.
// bin/vanthu.js runs it while it is newer than every source it was built from (docs/cli.md "How
// the command runs").
// Usage: node scripts/build-cli.ts [--out DIR]

const ROOT = fileURLToPath(new URL('..', import.meta.url));

// Names bin/vanthu.js looks for (it is plain JavaScript and cannot import this file; the bundle
// test checks both agree).
export const CLI_FILES = { entry: 'vanthu.mjs', manifest: 'vanthu-inputs.json' } as const;

export interface CliManifest {
  // Date.now() before the build read any source: a source written later makes the bundle stale.
  readonly builtAtMs: number;
  // The repository the bundle was built from, relative to the bundle's folder.
  readonly root: string;
  // Every file of the repository the bundle depends on, relative to the root (posix separators).
  readonly inputs: readonly string[];
}

type WorkerName = 'tokenWorker' | 'quickCheckWorker' | 'ocrWorker';

// Where the services start a worker thread from their own address (new URL('./x-worker.ts',
// import.meta.url)): in the bundle they start the bundled worker beside the entry instead. A
// reference that is no longer written this way fails the build rather than leaving the bundle
// starting workers from the .ts sources.
const WORKER_REFERENCES: ReadonlyArray<{ source: string; reference: string; worker: WorkerName; file: string }> = [
  { source: 'src/main/signing/pkcs11/token-client.ts', reference: "new URL('./token-worker.ts', import.meta.url)", worker: 'tokenWorker', file: 'token-worker.cjs' },
  { source: 'src/main/db/integrity-monitor.ts', reference: "new URL('./quick-check-worker.ts', import.meta.url)", worker: 'quickCheckWorker', file: 'quick-check-worker.cjs' },
  { source: 'src/main/ocr/ocr-engine.ts', reference: "new URL('./ocr-worker.ts', import.meta.url)", worker: 'ocrWorker', file: 'ocr-worker.cjs' },
];

const posix = (path: string): string => path.split(sep).join('/');

// In one bundle every module's import.meta.url is the bundle's. The sources find the program's
// files from their own address (resources/ with the fonts, the trust list and the OCR model;
// tesseract.js in node_modules), so each module that reads import.meta.url gets the address of
// its source file instead, computed at run time from the bundle's own: the bundle works wherever
// the repository is, as long as it stays inside it. Worker references become the bundled workers.
function sourceAddresses(outDir: string, workersUsed: Set<WorkerName>): Plugin {
  const srcDir = join(ROOT, 'src') + sep;
  return {
    name: 'vanthu-source-addresses',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        if (!args.path.startsWith(srcDir)) return undefined;
        const text = readFileSync(args.path, 'utf8');
        const source = posix(relative(ROOT, args.path));
        const worker = WORKER_REFERENCES.find((w) => w.source === source);
        if (!text.includes('import.meta.url') && !worker) return undefined;
        let contents = text.replaceAll('import.meta.url', '__vanthuModuleUrl');
        if (worker) {
          const moved = worker.reference.replace('import.meta.url', '__vanthuModuleUrl');
          if (!contents.includes(moved)) throw new Error(`${source} no longer starts its worker with ${worker.reference}: update WORKER_REFERENCES in scripts/build-cli.ts`);
          contents = contents.replace(moved, `new URL('./${worker.file}', import.meta.url)`);
          workersUsed.add(worker.worker);
        }
        const address = `const __vanthuModuleUrl = new URL(${JSON.stringify(posix(relative(outDir, args.path)))}, import.meta.url).href; `;
        return { contents: address + contents, loader: 'ts' };
      });
    },
  };
}

function repositoryInputs(metafiles: readonly Metafile[]): string[] {
  const inputs = new Set<string>(['scripts/build-cli.ts', 'scripts/build-electron.ts']);
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) if (!input.startsWith('node_modules/')) inputs.add(input);
  }
  // npm rewrites its hidden lockfile on every install; the packages' own files keep the dates of
  // their tarballs, which say nothing about when they were installed.
  if (existsSync(join(ROOT, 'node_modules', '.package-lock.json'))) inputs.add('node_modules/.package-lock.json');
  return [...inputs].sort();
}

// Builds into a fresh folder beside outDir, then puts it in place: chunks of an older build
// (other hashes) never mix with the new ones.
export async function buildCli(outDir: string): Promise<CliManifest> {
  const target = resolve(outDir);
  if (existsSync(target) && !existsSync(join(target, CLI_FILES.manifest)) && readdirSync(target).length > 0) {
    throw new Error(`${target} exists and is not a CLI bundle: choose another --out`);
  }
  const staging = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const builtAtMs = Date.now();
    const options = bundleOptions(staging);
    const workersUsed = new Set<WorkerName>();
    const { outfile: _outfile, ...main } = options.main;
    const entry = await build({
      ...main,
      entryPoints: { [basename(CLI_FILES.entry, '.mjs')]: 'src/main/cli/main.ts' },
      outdir: staging,
      outExtension: { '.js': '.mjs' },
      // One chunk per dynamically imported command module, in the same folder as the entry so
      // that './token-worker.cjs' means the same file from every chunk.
      splitting: true,
      chunkNames: '[name]-[hash]',
      // The addresses are computed for the final folder, which has the same parent as staging.
      plugins: [sourceAddresses(target, workersUsed)],
    });
    const workers = await Promise.all(
      WORKER_REFERENCES.filter((w) => workersUsed.has(w.worker)).map((w) => build({ ...options[w.worker], outfile: join(staging, w.file) })),
    );
    const manifest: CliManifest = {
      builtAtMs,
      root: posix(relative(target, ROOT)),
      inputs: repositoryInputs([entry, ...workers].map((r) => r.metafile as Metafile)),
    };
    writeFileSync(join(staging, CLI_FILES.manifest), `${JSON.stringify(manifest, null, 1)}\n`);
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
    return manifest;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { out: { type: 'string', default: join(ROOT, 'dist', 'cli') } } });
  const manifest = await buildCli(values.out);
  console.log(`cli ${resolve(values.out)}: ${manifest.inputs.length} source files`);
}
