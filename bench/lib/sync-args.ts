// bench:sync is configured by environment variables (npm passes them through untouched), so that
// a quick run is `BENCH_SYNC_PACKAGES=20 npm run bench:sync`.
export interface SyncBenchOptions {
  // Packages in each direction.
  readonly packages: number;
  // Target size of each package on the wire, in MB (10^6 bytes).
  readonly packageMb: number;
  // The hub's bandwidth cap during the measured run, bytes per second (both directions share it).
  readonly capBytesPerSec: number;
  // Size of the one big package of the memory measure, in MB; 0 skips it.
  readonly bigMb: number;
  // Run the measured syncs from the .ts sources instead of bundled as the app ships.
  readonly fromSource: boolean;
}

function number(name: string, fallback: number, min: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const n = Number(text.replace(/[_,]/g, ''));
  if (!Number.isFinite(n) || n < min) throw new Error(`${name} must be a number ≥ ${min}, got "${text}"`);
  return n;
}

export function syncBenchOptions(): SyncBenchOptions {
  return {
    packages: Math.round(number('BENCH_SYNC_PACKAGES', 300, 1)),
    packageMb: number('BENCH_SYNC_MB', 2, 0.01),
    capBytesPerSec: Math.round(number('BENCH_SYNC_CAP', 1_000_000, 1)),
    bigMb: number('BENCH_SYNC_BIG_MB', 200, 0),
    fromSource: process.env.BENCH_SYNC_FROM_SOURCE === '1',
  };
}
