import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface CliBenchOptions {
  readonly documents: number;
  // Runs of each command and each way of starting it.
  readonly runs: number;
  // A profile folder to use (seeded there when empty) instead of the kept one in the temp folder.
  readonly profile: string | null;
  // Another checkout (e.g. `git archive` of an older commit, with node_modules) whose bin/vanthu.js
  // is measured the same way, from its sources.
  readonly baseline: string | null;
}

function positive(name: string, text: string): number {
  const n = Number(text.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${text}"`);
  return n;
}

// `--quick`: a 20,000-document profile and 10 runs, under a minute with the build, for CI.
export function parseCliBenchArgs(argv: readonly string[]): CliBenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      documents: { type: 'string' },
      runs: { type: 'string' },
      profile: { type: 'string' },
      baseline: { type: 'string' },
    },
    strict: true,
  });
  return {
    documents: positive('documents', values.documents ?? (values.quick ? '20000' : '1000000')),
    runs: positive('runs', values.runs ?? (values.quick ? '10' : '30')),
    profile: values.profile ? resolve(values.profile) : null,
    baseline: values.baseline ? resolve(values.baseline) : null,
  };
}
