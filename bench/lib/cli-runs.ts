import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { percentile, round } from './stats.ts';

// The PATH of a terminal: without the node_modules/.bin folders npm puts first when it runs a
// script, whose `node` is the Node 24 of node_modules rather than the system's.
export function systemPath(path = process.env.PATH ?? ''): string {
  return path
    .split(delimiter)
    .filter((dir) => dir && !/node_modules[\\/](\.bin|node[\\/]bin)$/.test(dir) && !/node-gyp-bin$/.test(dir))
    .join(delimiter);
}

// The `node` that `#!/usr/bin/env node` finds on that PATH.
export function systemNode(path = systemPath()): string {
  const name = process.platform === 'win32' ? 'node.exe' : 'node';
  for (const dir of path.split(delimiter)) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('no node on the system PATH');
}

export function nodeVersion(node: string): string {
  return spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
}

// One way of starting the command: which Node runs bin/vanthu.js, and the environment that says
// where the bundle is or that the sources are wanted.
export interface Starter {
  readonly node: string;
  readonly bin: string;
  readonly env: NodeJS.ProcessEnv;
}

// CPU time (user + system) of this process's finished children and theirs, from /proc/self/stat
// (cutime, cstime: ticks of 10 ms); null where there is no /proc. Unlike the wall time, other work
// on the machine hardly changes it.
function childrenCpuMs(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
}

export interface Run {
  readonly ms: number;
  readonly cpuMs: number | null;
}

// Runs the command as a new process, as a terminal would, and times it from spawn to exit. A run
// that fails or prints something other than what `check` expects stops the benchmark: a fast
// wrong answer is not a figure.
export function timedRun(starter: Starter, args: readonly string[], check: (stdout: string) => boolean): Run {
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const r = spawnSync(starter.node, [starter.bin, ...args], { env: starter.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  const cpuAfter = childrenCpuMs();
  if (r.status !== 0 || !check(r.stdout)) {
    throw new Error(`vanthu ${args.join(' ')} (${starter.env.VANTHU_CLI ?? 'auto'}) exited ${r.status}: ${r.stderr.slice(0, 2000)}${r.stdout.slice(-500)}`);
  }
  return { ms, cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
}

export interface Timings {
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly cpuMedianMs: number | null;
  readonly samplesMs: readonly number[];
}

export function summarise(runs: readonly Run[]): Timings {
  const ms = runs.map((r) => r.ms);
  const cpu = runs.map((r) => r.cpuMs).filter((c): c is number => c !== null);
  return {
    medianMs: round(percentile(ms, 50), 1),
    p95Ms: round(percentile(ms, 95), 1),
    cpuMedianMs: cpu.length === runs.length ? round(percentile(cpu, 50), 0) : null,
    samplesMs: ms.map((s) => round(s, 1)),
  };
}
