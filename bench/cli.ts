import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { buildTempCliBundle } from './lib/cli-bundle.ts';
import { parseCliBenchArgs } from './lib/cli-args.ts';
import { cachedProfileDir, ensureCliProfile, pruneCachedProfiles } from './lib/cli-profile.ts';
import { nodeVersion, type Run, type Starter, summarise, systemNode, systemPath, timedRun, type Timings } from './lib/cli-runs.ts';
import { describeMachine } from './lib/machine.ts';
import { SEARCH_TEXTS } from './lib/query-mix.ts';

// `npm run bench:cli [-- --quick | --documents N --runs N --profile DIR --baseline DIR]`: the real
// `vanthu help` and `vanthu search --profile P "…"` as new processes, started the way a terminal
// starts bin/vanthu.js (the system's Node on PATH), through the bundle and from the sources, run
// after run in turn so that the machine's load falls on both alike. stdout: one JSON object
// (bench/README.md explains each figure).
const options = parseCliBenchArgs(process.argv.slice(2));
const log = (message: string): void => void process.stderr.write(`[bench:cli] ${message}\n`);
const REPO = fileURLToPath(new URL('../', import.meta.url));

if (!options.profile) pruneCachedProfiles(log);
const profile = ensureCliProfile(options.profile ?? cachedProfileDir(options.documents), options.documents, log);
log('building the CLI bundle (scripts/build-cli.ts) into a temporary folder');
const bundle = await buildTempCliBundle();
try {
  const path = systemPath();
  const node = systemNode(path);
  const { VANTHU_CLI: _mode, VANTHU_CLI_BUNDLE: _dir, ...inherited } = process.env;
  const env = { ...inherited, PATH: path };
  const bin = join(REPO, 'bin', 'vanthu.js');
  const node24 = process.execPath;
  const starters: Record<string, Starter> = {
    bundle: { node, bin, env: { ...env, VANTHU_CLI: 'bundle', VANTHU_CLI_BUNDLE: bundle.dir } },
    source: { node, bin, env: { ...env, VANTHU_CLI: 'source' } },
    bundleNode24: { node: node24, bin, env: { ...env, VANTHU_CLI: 'bundle', VANTHU_CLI_BUNDLE: bundle.dir } },
    ...(options.baseline ? { baseline: { node, bin: join(options.baseline, 'bin', 'vanthu.js'), env } } : {}),
  };
  const names = Object.keys(starters);
  const help = (s: Starter) => timedRun(s, ['help'], (out) => out.includes('vanthu search --profile DIR QUERY'));
  const search = (s: Starter, query: string) => timedRun(s, ['search', '--profile', profile.dir, query], (out) => /\d+ văn bản/.test(out));

  log(`starting bin/vanthu.js with ${node} (${nodeVersion(node)}); one untimed run of each first`);
  for (const name of names) {
    help(starters[name] as Starter);
    search(starters[name] as Starter, SEARCH_TEXTS[0]);
  }
  const samples = Object.fromEntries(names.map((n) => [n, { help: [] as Run[], search: [] as Run[] }]));
  for (let i = 0; i < options.runs; i++) {
    const query = SEARCH_TEXTS[i % SEARCH_TEXTS.length] as string;
    for (const name of names) {
      const s = starters[name] as Starter;
      samples[name]?.help.push(help(s));
      samples[name]?.search.push(search(s, query));
    }
    if ((i + 1) % 10 === 0) log(`${i + 1}/${options.runs} rounds`);
  }
  const of = (name: string): { help: Timings; search: Timings } => ({ help: summarise(samples[name]?.help ?? []), search: summarise(samples[name]?.search ?? []) });
  const [b, s, b24] = [of('bundle'), of('source'), of('bundleNode24')];
  const base = options.baseline ? of('baseline') : null;
  const db = new Database(':memory:');
  const sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  db.close();
  const result = {
    documents: options.documents,
    runs: options.runs,
    helpMedianMs: b.help.medianMs,
    helpP95Ms: b.help.p95Ms,
    searchMedianMs: b.search.medianMs,
    searchP95Ms: b.search.p95Ms,
    helpSourceMedianMs: s.help.medianMs,
    helpSourceP95Ms: s.help.p95Ms,
    searchSourceMedianMs: s.search.medianMs,
    searchSourceP95Ms: s.search.p95Ms,
    ...(base ? { baseline: { dir: options.baseline, helpMedianMs: base.help.medianMs, helpP95Ms: base.help.p95Ms, searchMedianMs: base.search.medianMs, searchP95Ms: base.search.p95Ms } } : {}),
    startedBy: { node: `${nodeVersion(node)} (${node})`, node24: nodeVersion(node24) },
    detail: {
      startedByNode24: { helpMedianMs: b24.help.medianMs, helpP95Ms: b24.help.p95Ms, searchMedianMs: b24.search.medianMs, searchP95Ms: b24.search.p95Ms },
      cpuMedianMs: {
        help: b.help.cpuMedianMs,
        search: b.search.cpuMedianMs,
        helpSource: s.help.cpuMedianMs,
        searchSource: s.search.cpuMedianMs,
        helpNode24: b24.help.cpuMedianMs,
        searchNode24: b24.search.cpuMedianMs,
        ...(base ? { helpBaseline: base.help.cpuMedianMs, searchBaseline: base.search.cpuMedianMs } : {}),
      },
      bundleBuildMs: Math.round(bundle.buildMs),
      seedSeconds: profile.seedSeconds,
      queries: SEARCH_TEXTS,
      samples: { bundle: { help: b.help.samplesMs, search: b.search.samplesMs }, source: { help: s.help.samplesMs, search: s.search.samplesMs } },
    },
    targets: { helpP95AtMost300: b.help.p95Ms <= 300, searchP95AtMost500: b.search.p95Ms <= 500 },
    machine: { ...describeMachine(profile.dir, sqlite), load: loadavg().map((l) => Math.round(l * 100) / 100) },
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  bundle.remove();
}
