#!/usr/bin/env node
// Entry of the `vanthu` command (docs/cli.md "How the command runs"). It runs the bundle that
// `npm run build:cli` writes to dist/cli when that bundle was built from this folder and none of
// the files it was built from has changed since; otherwise the TypeScript sources, so an edited
// source is never shadowed by an older bundle. VANTHU_CLI=source or VANTHU_CLI=bundle forces one
// (bundle: even if a source changed, with a warning; an error when there is none);
// VANTHU_CLI_BUNDLE=DIR names another bundle folder. The bundle needs Node 22+ (better-sqlite3
// 13), the sources Node 24 (type stripping; the Node major Electron embeds). Started by an older
// system Node, this file runs again under the Node 24 that `npm install` put in node_modules: one
// more process start, ~65 ms of CPU with Node 20.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The names scripts/build-cli.ts writes (CLI_FILES there; the bundle test checks they agree).
const BUNDLE_ENTRY = 'vanthu.mjs';
const BUNDLE_MANIFEST = 'vanthu-inputs.json';
const SOURCE = { entry: join(root, 'src', 'main', 'cli', 'main.ts'), node: 24 };

// The bundle's manifest, or why there is none to use: missing, or built from another folder.
function readManifest(dir) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, BUNDLE_MANIFEST), 'utf8'));
  } catch {
    return { problem: `there is no bundle in ${dir}` };
  }
  const builtFrom = resolve(dir, manifest.root);
  return builtFrom === root ? { manifest } : { problem: `the bundle in ${dir} was built from ${builtFrom}` };
}

// The first file the bundle was built from that changed (or went away) since, or null. One stat
// per file (~460, about 3 ms: no path.join, no exception per file): dates rather than contents,
// since writing a file gives it a new date.
function changedInput(manifest) {
  for (const input of manifest.inputs) {
    const stat = statSync(`${root}/${input}`, { throwIfNoEntry: false });
    if (!stat) return `${input}, which the bundle was built from, is gone`;
    if (stat.mtimeMs > manifest.builtAtMs) return `${input} changed after the bundle was built`;
  }
  return null;
}

function chooseEntry() {
  const mode = process.env.VANTHU_CLI || 'auto';
  if (mode === 'source') return SOURCE;
  if (mode !== 'auto' && mode !== 'bundle') {
    console.error(`Lỗi: VANTHU_CLI chỉ nhận source hoặc bundle.\nError: VANTHU_CLI must be source or bundle (or unset), not "${mode}".`);
    process.exit(2);
  }
  const dir = process.env.VANTHU_CLI_BUNDLE ? resolve(process.env.VANTHU_CLI_BUNDLE) : join(root, 'dist', 'cli');
  const bundle = { entry: join(dir, BUNDLE_ENTRY), node: 22 };
  const { manifest, problem } = readManifest(dir);
  if (problem) {
    if (mode === 'auto') return SOURCE;
    console.error(`Lỗi: không có bản đóng gói của lệnh vanthu; hãy chạy "npm run build:cli".\nError: VANTHU_CLI=bundle, but ${problem}.`);
    process.exit(1);
  }
  const changed = changedInput(manifest);
  if (changed === null) return bundle;
  if (mode === 'auto') return SOURCE;
  // Forced, the bundle runs even though a source changed since (a benchmark while others edit).
  console.error(`vanthu: VANTHU_CLI=bundle: ${changed}; running the bundle anyway.`);
  return bundle;
}

function runUnderBundledNode() {
  const bundled = join(root, 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (!existsSync(bundled)) {
    console.error('vanthu needs Node.js 24 or newer. Run "npm install" in the project folder first.');
    process.exit(1);
  }
  const result = spawnSync(bundled, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

const major = Number(process.versions.node.split('.')[0]);
// Neither the bundle nor the sources run below 22: no need to look at the bundle first.
if (major < 22) runUnderBundledNode();
const { entry, node } = chooseEntry();
if (major < node) runUnderBundledNode();
// V8's compiled code (and, for the sources, the stripped TypeScript) of every module is kept and
// reused while the file is unchanged: ~15 ms less for a search from the bundle, ~170 ms from
// the sources. Kept in node_modules/.cache beside the program rather than the system's
// temporary folder, which commands use for their own scratch files. NODE_COMPILE_CACHE=DIR puts it
// elsewhere, NODE_DISABLE_COMPILE_CACHE=1 turns it off. (Node 22.1+; a namespace import, since
// Node 20 has no such export and reaches this file too.)
nodeModule.enableCompileCache?.(process.env.NODE_COMPILE_CACHE ? undefined : join(root, 'node_modules', '.cache', 'vanthu-compile-cache'));
await import(pathToFileURL(entry).href);
