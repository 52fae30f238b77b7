import type { OperationName } from '../../src/shared/api/contract.ts';
import type { Dispatch } from '../../src/main/services/dispatch.ts';
import { percentile, round } from './stats.ts';

// One operation as the renderer calls it, minus the IPC hop: the dispatcher validates the input,
// runs the handler and validates the output.
export async function call<T>(dispatch: Dispatch, op: OperationName, input: unknown): Promise<T> {
  const reply = await dispatch(op, input);
  if (!reply.ok) throw new Error(`${op} failed: ${JSON.stringify(reply.error)}`);
  return reply.value as T;
}

export interface Timing {
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  // The process's CPU time per sample (median): the code's own cost, apart from waiting for the
  // disk and for the other jobs on a shared machine, which the wall time also holds.
  readonly cpuP50Ms: number;
  readonly samples: number;
}

export interface Sample {
  readonly ms: number;
  readonly cpuMs: number;
}

export async function timed(run: () => Promise<unknown>): Promise<Sample> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await run();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000 };
}

export function summarise(samples: readonly Sample[]): Timing {
  const wall = samples.map((s) => s.ms);
  return {
    p50Ms: round(percentile(wall, 50)),
    p95Ms: round(percentile(wall, 95)),
    maxMs: round(Math.max(...wall)),
    cpuP50Ms: round(percentile(samples.map((s) => s.cpuMs), 50)),
    samples: samples.length,
  };
}

// `rounds` timed passes over `runs` (each pass runs every one once, so that none is measured
// only right after itself), after one untimed pass: the clerk's database is in use, not cold.
export async function measure(runs: ReadonlyArray<() => Promise<unknown>>, rounds: number): Promise<Timing> {
  for (const run of runs) await run();
  const samples: Sample[] = [];
  for (let pass = 0; pass < rounds; pass++) {
    for (const run of runs) samples.push(await timed(run));
  }
  return summarise(samples);
}
