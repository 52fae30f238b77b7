import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { processingRecordInput, unitDeadlinesInput } from '../../../shared/api/schemas/processing.ts';
import { parseOrThrow } from '../../../shared/api/validation.ts';
import { formatVietnameseDate } from '../../../shared/domain/dates.ts';
import { ENTRY_KIND_LABELS, historyLine } from '../../../shared/domain/processing-history.ts';
import { AppError } from '../../../shared/errors.ts';
import { writeTransaction } from '../../db/connection.ts';
import { programResources } from '../../program/resources.ts';
import { processingHistory, recordProcessing } from '../../registry/processing-record.ts';
import { unitDeadlines } from '../../registry/unit-deadlines.ts';
import { integer, optional, parse, readJson, required, requiredInteger } from '../args.ts';
import { type CommandResult, withProfile } from '../context.ts';
import type { ProcessingHistory } from '../../../shared/api/schemas/processing.ts';

function historyText(h: ProcessingHistory): string {
  const lines = h.entries.map((e) => `#${e.id}${e.correctedById ? ` (đã sửa bởi #${e.correctedById})` : ''}\t${historyLine(e)}`);
  return [`Văn bản đến số ${h.document.number}/${h.document.year}: ${h.document.subject}`, ...lines].join('\n');
}

// "UNIT|PERSON|YYYY-MM-DD", any part empty: one unit or person of an instruction.
function assigneeOf(role: 'lead' | 'coordinate', spec: string): unknown {
  const [unit = '', person = '', dueDate = ''] = spec.split('|').map((s) => s.trim());
  return { role, unit, person, ...(dueDate ? { dueDate } : {}) };
}

// `vanthu processing record FILE.json|-`: any entry, as the API's processing.record takes it.
export async function processingRecord(args: string[]): Promise<CommandResult> {
  const p = parse(args, {}, true);
  const source = p.positionals[0];
  if (!source) throw new AppError('INVALID_INPUT', 'Thiếu tệp JSON của mục xử lý (hoặc "-").', 'missing FILE.json|-');
  const input = parseOrThrow(processingRecordInput, readJson(source), 'processing record');
  return withProfile(p, (profile) => {
    const h = recordProcessing(profile, input);
    return { json: h, text: `Đã ghi "${ENTRY_KIND_LABELS[input.kind]}".\n${historyText(h)}` };
  });
}

// `vanthu processing instruct`: the leader's instruction with its lead and coordinating units.
export async function processingInstruct(args: string[]): Promise<CommandResult> {
  const options = {
    id: { type: 'string' },
    author: { type: 'string' },
    text: { type: 'string' },
    given: { type: 'string' },
    corrects: { type: 'string' },
    lead: { type: 'string' },
    coordinate: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    profile: { type: 'string' },
  } as const;
  // parse() takes single values only; --coordinate repeats.
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true }).values;
  } catch (e) {
    throw new AppError('INVALID_INPUT', `Tham số dòng lệnh không hợp lệ: ${(e as Error).message}`, (e as Error).message);
  }
  const { coordinate, ...single } = parsed;
  const p = { values: single, positionals: [] };
  const input = parseOrThrow(
    processingRecordInput,
    {
      kind: 'instruction',
      documentId: requiredInteger(p, 'id'),
      author: required(p, 'author'),
      text: optional(p, 'text'),
      ...(optional(p, 'given') ? { givenOn: optional(p, 'given') } : {}),
      ...(integer(p, 'corrects') ? { correctsId: integer(p, 'corrects') } : {}),
      assignees: [assigneeOf('lead', required(p, 'lead')), ...(coordinate ?? []).map((c) => assigneeOf('coordinate', c))],
    },
    'processing instruct',
  );
  return withProfile(p, (profile) => {
    const h = recordProcessing(profile, input);
    return { json: h, text: `Đã ghi ý kiến chỉ đạo.\n${historyText(h)}` };
  });
}

export async function processingHistoryCommand(args: string[]): Promise<CommandResult> {
  const p = parse(args, { id: { type: 'string' } });
  const id = requiredInteger(p, 'id');
  return withProfile(p, (profile) => {
    const h = processingHistory(profile, id);
    return { json: h, text: historyText(h) };
  });
}

// `vanthu processing units [--within N]`: overdue and due soon per unit.
export async function processingUnits(args: string[]): Promise<CommandResult> {
  const p = parse(args, { within: { type: 'string' } });
  const input = parseOrThrow(unitDeadlinesInput, { ...(integer(p, 'within') === undefined ? {} : { withinDays: integer(p, 'within') }) }, 'processing units');
  return withProfile(p, (profile) => {
    const r = unitDeadlines(profile, input.withinDays);
    const lines = r.units.flatMap((u) => [
      `${u.unit}: ${u.overdue} quá hạn, ${u.dueSoon} sắp đến hạn`,
      ...u.documents.map((d) => `  ${d.overdue ? 'QUÁ HẠN' : 'sắp hạn'} ${formatVietnameseDate(d.dueDate)}\tĐến ${d.number}/${d.year}\t${d.subject}`),
    ]);
    return { json: r, text: lines.length > 0 ? lines.join('\n') : `Không có văn bản quá hạn hoặc đến hạn trong ${r.withinDays} ngày tới.` };
  });
}

// `vanthu processing slip --id N --out FILE.pdf`: the phiếu giải quyết văn bản đến.
export async function processingSlip(args: string[]): Promise<CommandResult> {
  const p = parse(args, { id: { type: 'string' }, out: { type: 'string' } });
  const id = requiredInteger(p, 'id');
  const out = resolve(required(p, 'out'));
  return withProfile(p, async (profile) => {
    const { writeProcessingSlip } = await import('../../books/slip/write-slip.ts');
    const bytes = await writeProcessingSlip(profile, id, out, programResources().fonts);
    writeTransaction(profile.db, () => profile.audit.append({ action: 'processing.printSlip', entityType: 'document', entityId: id, details: { path: out, bytes } }));
    return { json: { path: out, bytes }, text: `Đã in phiếu giải quyết văn bản đến ra ${out} (${bytes} byte).` };
  });
}
