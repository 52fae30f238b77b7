import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../../shared/errors.ts';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  readonly values: Record<string, string | boolean | undefined>;
  readonly positionals: string[];
}

function usage(vi: string, en: string): AppError {
  return new AppError('INVALID_INPUT', vi, en);
}

// Strict parsing: an unknown or misspelt option is bad input (exit 2), not silently ignored.
export function parse(args: string[], options: OptionSpec, allowPositionals = false): Parsed {
  try {
    const { values, positionals } = parseArgs({
      args,
      options: { ...options, json: { type: 'boolean' }, profile: { type: 'string' } },
      allowPositionals,
      strict: true,
    });
    return { values: values as Parsed['values'], positionals };
  } catch (e) {
    throw usage(`Tham số dòng lệnh không hợp lệ: ${(e as Error).message}`, (e as Error).message);
  }
}

export function required(p: Parsed, name: string): string {
  const v = p.values[name];
  if (typeof v !== 'string' || v === '') throw usage(`Thiếu tham số --${name}.`, `missing --${name}`);
  return v;
}

export function optional(p: Parsed, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function integer(p: Parsed, name: string): number | undefined {
  const v = optional(p, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw usage(`--${name} phải là số nguyên.`, `--${name} is not an integer: ${v}`);
  return Number(v);
}

export function requiredInteger(p: Parsed, name: string): number {
  const v = integer(p, name);
  if (v === undefined) throw usage(`Thiếu tham số --${name}.`, `missing --${name}`);
  return v;
}

// A JSON document from a file or, for "-", from standard input.
export function readJson(source: string): unknown {
  let text: string;
  try {
    text = source === '-' ? readFileSync(0, 'utf8') : readFileSync(source, 'utf8');
  } catch (e) {
    throw usage(`Không đọc được tệp ${source}.`, `cannot read ${source}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (e) {
    throw usage(`Tệp ${source} không phải JSON hợp lệ: ${(e as Error).message}`, `invalid JSON in ${source}: ${(e as Error).message}`);
  }
}
