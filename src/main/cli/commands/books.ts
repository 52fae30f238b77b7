import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { exportInput, importReport } from '../../../shared/api/schemas/books.ts';
import { parseOrThrow } from '../../../shared/api/validation.ts';
import { AppError } from '../../../shared/errors.ts';
import { integer, optional, parse, required } from '../args.ts';
import { type CommandResult, withProfile } from '../context.ts';

// `vanthu register export --kind incoming|outgoing|followup --year Y --format json|csv|xlsx|pdf --out FILE`
export async function registerExport(args: string[]): Promise<CommandResult> {
  const p = parse(args, {
    kind: { type: 'string' },
    year: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    series: { type: 'string' },
  });
  const input = parseOrThrow(
    exportInput,
    {
      kind: required(p, 'kind'),
      year: integer(p, 'year'),
      format: required(p, 'format'),
      from: optional(p, 'from'),
      to: optional(p, 'to'),
      seriesId: integer(p, 'series'),
    },
    'export options',
  );
  const out = resolve(required(p, 'out'));
  return withProfile(p, async (profile) => {
    const { exportBook } = await import('../../books/export-book.ts');
    const { rows, bytes } = await exportBook(profile, input, out);
    return { json: { path: out, rows, bytes, ...input }, text: `Đã xuất ${rows} dòng của sổ ra ${out} (${bytes} byte).` };
  });
}

// `vanthu import --kind incoming|outgoing FILE [--dry-run]`: a dry run only reports; a real import
// writes every row or none.
export async function importBook(args: string[]): Promise<CommandResult> {
  const p = parse(args, { kind: { type: 'string' }, 'dry-run': { type: 'boolean' } }, true);
  const kind = required(p, 'kind');
  if (kind !== 'incoming' && kind !== 'outgoing') {
    throw new AppError('INVALID_INPUT', '--kind phải là incoming hoặc outgoing.', `bad --kind ${kind}`);
  }
  const file = p.positionals[0];
  if (!file) throw new AppError('INVALID_INPUT', 'Thiếu tệp CSV/XLSX cần nhập.', 'missing FILE');
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (e) {
    throw new AppError('INVALID_INPUT', `Không đọc được tệp ${file}.`, `cannot read ${file}: ${(e as Error).message}`);
  }
  return withProfile(p, async (profile) => {
    const { importRegister } = await import('../../books/import-register.ts');
    const report = importReport.parse(await importRegister(profile, { kind, fileName: file, data, dryRun: p.values['dry-run'] === true }));
    const lines = [
      `${report.dryRun ? 'Chạy thử' : 'Đã nhập'}: ${report.totalRows} dòng, ${report.validRows} hợp lệ, ${report.errors.length} lỗi, ${report.warnings.length} lưu ý.`,
      ...report.errors.map((e) => `  Lỗi dòng ${e.row}${e.field ? ` (${e.field})` : ''}: ${e.message}`),
      ...report.warnings.map((w) => `  Lưu ý dòng ${w.row}${w.field ? ` (${w.field})` : ''}: ${w.message}`),
    ];
    return { json: report, text: lines.join('\n') };
  });
}
