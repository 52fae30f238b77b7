import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { percentile, round } from './stats.ts';

const SCRIPT = fileURLToPath(new URL('./first-page.ts', import.meta.url));

export interface FirstPageTiming {
  readonly medianMs: number;
  readonly maxMs: number;
  readonly samplesMs: number[];
  readonly rows: number;
  readonly total: number | null;
}

// Each sample is a new process on the same Node binary, so module loading, opening the database
// and the first query are all paid again, as when the clerk starts the app in the morning.
export function measureOpenToFirstPage(profileDir: string, year: number, runs: number): FirstPageTiming {
  const samples: number[] = [];
  let last = { ms: 0, rows: 0, total: null as number | null };
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, [SCRIPT, profileDir, String(year)], { encoding: 'utf8' });
    last = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as typeof last;
    samples.push(last.ms);
  }
  return {
    medianMs: round(percentile(samples, 50), 1),
    maxMs: round(Math.max(...samples), 1),
    samplesMs: samples.map((s) => round(s, 1)),
    rows: last.rows,
    total: last.total,
  };
}
