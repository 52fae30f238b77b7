import { parseArgs } from 'node:util';

export interface SignBenchOptions {
  // Sample sizes in MiB, in the order they are measured.
  readonly sizes: readonly number[];
  readonly runs: number;
  // Keep the temporary folder (samples, outputs, token, NSS database) and print where it is.
  readonly keep: boolean;
}

function positiveList(name: string, text: string): number[] {
  const list = text.split(',').map((part) => Number(part.trim()));
  if (list.length === 0 || !list.every((n) => Number.isFinite(n) && n > 0)) throw new Error(`--${name} must be a comma-separated list of positive numbers, got "${text}"`);
  return list;
}

export function parseSignBenchArgs(argv: readonly string[]): SignBenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sizes: { type: 'string', default: '1,20,200' },
      runs: { type: 'string', default: '3' },
      keep: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got "${values.runs}"`);
  return { sizes: positiveList('sizes', values.sizes), runs, keep: values.keep };
}
