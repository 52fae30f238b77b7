import { readFileSync, statSync } from 'node:fs';
import { PREFILL_FIELDS } from '../../../shared/api/schemas/prefill.ts';
import { FIELD_LABELS } from '../../../shared/api/field-labels.ts';
import { AppError } from '../../../shared/errors.ts';
import { proposeFields } from '../../prefill/propose-fields.ts';
import { parse } from '../args.ts';
import type { CommandResult } from '../context.ts';

// `vanthu propose FILE.pdf [--json]`: the incoming register's fields read from the text of a PDF
// (docs/prefill.md), as the incoming form proposes them. Needs no profile. Exit 0 when the text
// was read (some fields may have no proposal), 1 when the file gives none (a scan, a broken
// PDF): the message says which.
export async function propose(args: string[]): Promise<CommandResult> {
  const p = parse(args, {}, true);
  const [file, ...extra] = p.positionals;
  if (!file || extra.length > 0) throw new AppError('INVALID_INPUT', 'Cần đúng một tệp PDF: vanthu propose FILE.pdf', 'usage: vanthu propose FILE.pdf');
  let bytes: Uint8Array;
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
    bytes = new Uint8Array(readFileSync(file));
  } catch (e) {
    throw new AppError('INVALID_INPUT', `Không đọc được tệp ${file}.`, `cannot read ${file}: ${(e as Error).message}`);
  }
  const result = await proposeFields(bytes);
  const lines = PREFILL_FIELDS.flatMap((f) => {
    const proposal = result.proposals[f];
    return proposal ? [`${FIELD_LABELS[f] ?? f}: ${proposal.value}`] : [];
  });
  const text = [result.messageVi, ...lines].filter((l) => l !== null).join('\n') || 'Không có đề xuất.';
  return { json: result, text, ...(result.status === 'read' ? {} : { exitCode: 1 }) };
}
