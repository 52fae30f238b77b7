import { parseArgs } from 'node:util';

export interface BenchOptions {
  readonly documents: number;
  readonly profile: string | null;
  readonly keep: boolean;
  readonly registrations: number;
  readonly rounds: number;
  readonly firstPageRuns: number;
}

function positive(name: string, text: string): number {
  const n = Number(text.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${text}"`);
  return n;
}

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      documents: { type: 'string', default: '1000000' },
      profile: { type: 'string' },
      keep: { type: 'boolean', default: false },
      registrations: { type: 'string', default: '2000' },
      rounds: { type: 'string', default: '10' },
      'first-page-runs': { type: 'string', default: '5' },
    },
    strict: true,
  });
  return {
    documents: positive('documents', values.documents),
    profile: values.profile ?? null,
    keep: values.keep,
    registrations: positive('registrations', values.registrations),
    rounds: positive('rounds', values.rounds),
    firstPageRuns: positive('first-page-runs', values['first-page-runs']),
  };
}
