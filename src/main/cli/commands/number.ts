import { resolve } from 'node:path';
import { isValidIsoDate } from '../../../shared/domain/dates.ts';
import { AppError } from '../../../shared/errors.ts';
import { fillNumberAndDate, type TextPoint } from '../../signing/fill-number.ts';
import { optional, parse, required } from '../args.ts';
import type { CommandResult } from '../context.ts';

function bad(vi: string, en: string): AppError {
  return new AppError('INVALID_INPUT', vi, en);
}

// "P,X,Y": page from 1, then PDF points from the bottom left.
function pointOf(value: string | undefined, name: string): TextPoint | null {
  if (value === undefined) return null;
  const n = value.split(',').map((s) => Number(s.trim()));
  if (n.length !== 3 || n.some((x) => !Number.isFinite(x)) || !Number.isInteger(n[0]) || (n[0] as number) < 1) {
    throw bad(`--${name} phải có dạng trang,x,y (ví dụ 1,120,745).`, `bad --${name} ${value}`);
  }
  return { page: (n[0] as number) - 1, x: n[1] as number, y: n[2] as number };
}

// `vanthu number IN.pdf --out OUT.pdf --number "12/QĐ-UBND" --date YYYY-MM-DD [--place "Xã Hòa Tiến"]
// [--number-at P,X,Y | --number-anchor TEXT] [--date-at P,X,Y | --date-anchor TEXT]`
export async function number(args: string[]): Promise<CommandResult> {
  const p = parse(
    args,
    {
      out: { type: 'string' },
      number: { type: 'string' },
      date: { type: 'string' },
      place: { type: 'string' },
      'number-at': { type: 'string' },
      'date-at': { type: 'string' },
      'number-anchor': { type: 'string' },
      'date-anchor': { type: 'string' },
    },
    true,
  );
  const [input, ...extra] = p.positionals;
  if (!input || extra.length > 0) throw bad('Cần đúng một tệp PDF.', `expected one input file, got ${p.positionals.length}`);
  const date = required(p, 'date');
  if (!isValidIsoDate(date)) throw bad('--date phải là ngày có thật dạng YYYY-MM-DD.', `bad --date ${date}`);
  const result = await fillNumberAndDate({
    input: resolve(input),
    output: resolve(required(p, 'out')),
    numberNotation: required(p, 'number'),
    date,
    place: optional(p, 'place') ?? '',
    numberAt: pointOf(optional(p, 'number-at'), 'number-at'),
    dateAt: pointOf(optional(p, 'date-at'), 'date-at'),
    ...(optional(p, 'number-anchor') ? { numberAnchor: optional(p, 'number-anchor') as string } : {}),
    dateAnchor: optional(p, 'date-anchor') ?? null,
  });
  return { json: result, text: `Đã ghi số "${result.stamps[0]?.text}" và "${result.stamps[1]?.text}" vào ${result.output}.` };
}
