import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { incomingInput, outgoingInput, processingInput, voidInput } from '../../../shared/api/schemas/documents.ts';
import { parseOrThrow } from '../../../shared/api/validation.ts';
import { formatVietnameseDate } from '../../../shared/domain/dates.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Profile } from '../../profile/open-profile.ts';
import { type StagedFile, stageFile } from '../../registry/attachments.ts';
import { getDocumentDetail, voidDocument } from '../../registry/documents.ts';
import { registerIncoming } from '../../registry/incoming.ts';
import { registerOutgoing } from '../../registry/outgoing.ts';
import { listProcessing, updateProcessing } from '../../registry/processing.ts';
import { priorityLabel } from '../../../shared/domain/priority.ts';
import { processingStatusLabel } from '../../../shared/domain/processing.ts';
import { integer, optional, parse, readJson, required, requiredInteger } from '../args.ts';
import { type CommandResult, withProfile } from '../context.ts';
import { numberNotation } from '../../../shared/domain/notation.ts';

// On the command line attachments are file paths ("files": ["a.pdf"]), relative to the JSON
// file; the services take their content. Everything else is the contract's schema.
const cliFiles = z.array(z.string().min(1)).max(50).default([]);

function splitFiles(raw: unknown, source: string): { body: unknown; files: string[] } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { body: raw, files: [] };
  const { files, ...body } = raw as Record<string, unknown>;
  const base = source === '-' ? process.cwd() : dirname(resolve(source));
  return { body, files: parseOrThrow(cliFiles, files ?? [], 'files').map((f) => resolve(base, f)) };
}

function stagePaths(profile: Profile, paths: string[]): StagedFile[] {
  return paths.map((path) => {
    let data: Buffer;
    try {
      data = readFileSync(path);
    } catch (e) {
      throw new AppError('INVALID_INPUT', `Không đọc được tệp đính kèm ${path}.`, `cannot read attachment ${path}: ${(e as Error).message}`);
    }
    return stageFile(profile, path, data);
  });
}

export async function incomingAdd(args: string[]): Promise<CommandResult> {
  const p = parse(args, { 'allow-duplicate': { type: 'boolean' } }, true);
  const source = p.positionals[0];
  if (!source) throw new AppError('INVALID_INPUT', 'Thiếu tệp JSON của văn bản đến (hoặc "-" để đọc từ đầu vào chuẩn).', 'missing FILE.json|-');
  const { body, files } = splitFiles(readJson(source), source);
  const data = parseOrThrow(incomingInput, body, 'incoming document');
  if (p.values['allow-duplicate']) data.allowDuplicate = true;
  return withProfile(p, (profile) => {
    const doc = registerIncoming(profile, data, stagePaths(profile, files));
    return {
      json: { id: doc.id, arrivalNumber: doc.number, year: doc.year, arrivalDate: doc.registerDate, document: doc },
      text: `Đã vào sổ văn bản đến: số đến ${doc.number} năm ${doc.year} (mã ${doc.id}), ngày đến ${formatVietnameseDate(doc.registerDate)}`,
    };
  });
}

export async function outgoingAdd(args: string[]): Promise<CommandResult> {
  const p = parse(args, {}, true);
  const source = p.positionals[0];
  if (!source) throw new AppError('INVALID_INPUT', 'Thiếu tệp JSON của văn bản đi (hoặc "-").', 'missing FILE.json|-');
  const { body, files } = splitFiles(readJson(source), source);
  const data = parseOrThrow(outgoingInput, body, 'outgoing document');
  return withProfile(p, (profile) => {
    const doc = registerOutgoing(profile, data, stagePaths(profile, files));
    return {
      json: { id: doc.id, number: doc.number, codeNumber: doc.codeNumber, codeNotation: doc.codeNotation, year: doc.year, document: doc },
      text: `Đã cấp số văn bản đi: Số: ${numberNotation(doc)}, ngày ${formatVietnameseDate(doc.documentDate)} (mã ${doc.id})`,
    };
  });
}

export async function documentShow(args: string[]): Promise<CommandResult> {
  const p = parse(args, { id: { type: 'string' } });
  const id = requiredInteger(p, 'id');
  return withProfile(p, (profile) => {
    const doc = getDocumentDetail(profile, id);
    const what = doc.direction === 'incoming' ? `Văn bản đến số ${doc.number}/${doc.year}` : `Văn bản đi số ${numberNotation(doc)}`;
    return { json: doc, text: `${what}: ${doc.documentTypeName} — ${doc.subject}${doc.status === 'void' ? ` [ĐÃ HỦY: ${doc.voidReason}]` : ''}` };
  });
}

export async function documentVoid(args: string[]): Promise<CommandResult> {
  const p = parse(args, { id: { type: 'string' }, reason: { type: 'string' } });
  const input = parseOrThrow(voidInput, { id: requiredInteger(p, 'id'), reason: required(p, 'reason') }, 'void');
  return withProfile(p, (profile) => {
    const doc = voidDocument(profile, input.id, input.reason);
    return { json: doc, text: `Đã hủy văn bản mã ${doc.id} (số ${doc.number} giữ nguyên trong sổ, không cấp lại).` };
  });
}

export async function processingUpdate(args: string[]): Promise<CommandResult> {
  const p = parse(args, {
    id: { type: 'string' },
    status: { type: 'string' },
    unit: { type: 'string' },
    person: { type: 'string' },
    due: { type: 'string' },
    reply: { type: 'string' },
  });
  const input = parseOrThrow(
    processingInput,
    {
      id: requiredInteger(p, 'id'),
      status: optional(p, 'status'),
      assigneeUnit: optional(p, 'unit'),
      assigneePerson: optional(p, 'person'),
      dueDate: optional(p, 'due'),
      replyNotation: optional(p, 'reply'),
    },
    'processing update',
  );
  return withProfile(p, (profile) => {
    const doc = updateProcessing(profile, input);
    return { json: doc, text: `Đã cập nhật xử lý văn bản đến số ${doc.number}/${doc.year}: ${doc.processingStatus}` };
  });
}

// `vanthu processing list`: what needs handling, overdue and urgent first (the server's order).
export async function processingList(args: string[]): Promise<CommandResult> {
  const p = parse(args, { filter: { type: 'string' }, limit: { type: 'string' } });
  const filter = optional(p, 'filter') ?? 'open';
  if (filter !== 'open' && filter !== 'overdue' && filter !== 'all') {
    throw new AppError('INVALID_INPUT', '--filter phải là open, overdue hoặc all.', `bad --filter ${filter}`);
  }
  return withProfile(p, (profile) => {
    const result = listProcessing(profile, { filter, offset: 0, limit: integer(p, 'limit') ?? 50 });
    const lines = result.rows.map(
      (d) =>
        `${d.overdue ? 'QUÁ HẠN ' : ''}Đến ${d.number}/${d.year}\t${priorityLabel(d.priority)}\t` +
        `hạn ${formatVietnameseDate(d.dueDate) || '—'}\t${d.processingStatus ? processingStatusLabel(d.processingStatus) : ''}\t${d.subject}`,
    );
    return { json: result, text: [...lines, `${result.total ?? 0} văn bản cần xử lý.`].join('\n') };
  });
}
