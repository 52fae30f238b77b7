import { mkdtempSync, rmSync, symlinkSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../../scripts/build-cli.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

export interface TempCliBundle {
  // The folder to pass as VANTHU_CLI_BUNDLE.
  readonly dir: string;
  readonly buildMs: number;
  remove(): void;
}

// What `npm run build:cli` writes, built into a temporary folder so the benchmark neither needs
// nor overwrites dist/cli. The bundle imports its runtime externals (better-sqlite3, pkcs11js,
// tesseract.js) by name, so a node_modules link beside it stands for the repository's.
export async function buildTempCliBundle(): Promise<TempCliBundle> {
  const base = mkdtempSync(join(tmpdir(), 'vanthu-cli-bundle-'));
  symlinkSync(join(REPO, 'node_modules'), join(base, 'node_modules'), 'junction');
  const dir = join(base, 'cli');
  const started = performance.now();
  await buildCli(dir);
  const remove = (): void => {
    unlinkSync(join(base, 'node_modules'));
    rmSync(base, { recursive: true, force: true });
  };
  return { dir, buildMs: performance.now() - started, remove };
}
