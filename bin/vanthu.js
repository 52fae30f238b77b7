#!/usr/bin/env node
// Entry of the `vanthu` command. The services need Node 22+ (better-sqlite3 13, type stripping),
// the Node major Electron embeds; when started by an older system Node, re-run under the Node 24
// that `npm install` put in node_modules.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  const bundled = join(root, 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (!existsSync(bundled)) {
    console.error('vanthu needs Node.js 24 or newer. Run "npm install" in the project folder first.');
    process.exit(1);
  }
  const result = spawnSync(bundled, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
await import(pathToFileURL(join(root, 'src', 'main', 'cli', 'main.ts')).href);
