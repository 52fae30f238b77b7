import { parseArgs } from 'node:util';

export interface RecordsBenchOptions {
  readonly quick: boolean;
  readonly documents: number;
  readonly files: number;
  // Documents of the one big file that is opened and printed.
  readonly bigFile: number;
  readonly profile: string | null;
  readonly keep: boolean;
  // Filings measured (each one durable transaction), and timed passes over the other operations.
  readonly filings: number;
  readonly rounds: number;
}

// The full run is the scale; --quick is the same shape, small enough for under a minute.
const FULL = { documents: 1_000_000, files: 20_000, filings: 200, rounds: 20 };
const QUICK = { documents: 20_000, files: 400, filings: 40, rounds: 5 };

function positive(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${text}"`);
  return n;
}

export function parseRecordsArgs(argv: readonly string[]): RecordsBenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      documents: { type: 'string' },
      files: { type: 'string' },
      'big-file': { type: 'string' },
      profile: { type: 'string' },
      keep: { type: 'boolean', default: false },
      filings: { type: 'string' },
      rounds: { type: 'string' },
    },
    strict: true,
  });
  const base = values.quick ? QUICK : FULL;
  return {
    quick: values.quick,
    documents: positive('documents', values.documents, base.documents),
    files: positive('files', values.files, base.files),
    bigFile: positive('big-file', values['big-file'], 500),
    profile: values.profile ?? null,
    keep: values.keep,
    filings: positive('filings', values.filings, base.filings),
    rounds: positive('rounds', values.rounds, base.rounds),
  };
}
