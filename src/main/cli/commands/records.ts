import {
  approvePlanInput,
  caseFileListInput,
  createPlanInput,
  dueHandoversInput,
  handOverInput,
  reopenInput,
  saveFileInput,
  saveHeadingInput,
  type CaseFileDetail,
  type CaseFileRecord,
  type PlanRecord,
} from '../../../shared/api/schemas/casefiles.ts';
import { parseOrThrow } from '../../../shared/api/validation.ts';
import { formatVietnameseDate } from '../../../shared/domain/dates.ts';
import { AppError } from '../../../shared/errors.ts';
import { closeFile, reopenFile } from '../../casefiles/closing.ts';
import { caseFileDetail } from '../../casefiles/contents.ts';
import { listCaseFiles } from '../../casefiles/file-list.ts';
import { addDocument, removeDocument } from '../../casefiles/filing.ts';
import { saveFile } from '../../casefiles/files.ts';
import { dueHandovers, handOver } from '../../casefiles/handover.ts';
import { saveHeading } from '../../casefiles/headings.ts';
import { planOfYear, readPlan } from '../../casefiles/plan-read.ts';
import { approvePlan, createPlan } from '../../casefiles/plans.ts';
import type { Profile } from '../../profile/open-profile.ts';
import { today } from '../../registry/clock.ts';
import { integer, optional, parse, required, requiredInteger } from '../args.ts';
import { type CommandResult, withProfile } from '../context.ts';

// `vanthu records …`: the case files (hồ sơ) — the year's plan, filing, closing, handover
// (docs/case-files.md, docs/cli.md).

const STATUS_LABEL: Record<CaseFileRecord['status'], string> = { open: 'đang lập', closed: 'đã kết thúc', handed_over: 'đã nộp lưu' };

function fileLine(f: CaseFileRecord): string {
  const figures = f.docTotal !== null ? `, ${f.docTotal} văn bản, ${f.pageTotal} trang` : `, ${f.documentCount} văn bản`;
  return `#${f.id}\t${f.notation}\t${f.title} (${f.retentionLabel}; ${f.creator}) — ${STATUS_LABEL[f.status]}${figures}`;
}

function planText(plan: PlanRecord): string {
  const decision = plan.decisionNumber ? `Kèm theo Quyết định số ${plan.decisionNumber} ngày ${formatVietnameseDate(plan.decisionDate)} của ${plan.decisionBy}` : 'Chưa phê duyệt';
  const lines = [`DANH MỤC HỒ SƠ năm ${plan.year} (${decision}; đánh số ${plan.numbering === 'plan' ? 'liên tục trong cả danh mục' : 'trong từng đề mục lớn'})`];
  for (const h of plan.headings) {
    lines.push(`${h.parentId === null ? '' : '  '}${h.numeral}. ${h.title}${h.abbreviation ? ` (${h.abbreviation})` : ''}  [đề mục #${h.id}]`);
    for (const f of plan.files.filter((x) => x.headingId === h.id)) lines.push(`${h.parentId === null ? '  ' : '    '}${fileLine(f)}`);
  }
  lines.push(`Có ${plan.counts.total} hồ sơ: ${plan.counts.permanent} bảo quản vĩnh viễn, ${plan.counts.term} có thời hạn.`);
  return lines.join('\n');
}

function detailText(d: CaseFileDetail): string {
  const docs = d.documents.map(
    (x) => `  ${x.docOrdinal}.\t${x.numberNotation}\t${formatVietnameseDate(x.documentDate)}\t${x.documentTypeName}: ${x.subject}\t${x.pageFrom !== null ? `trang ${x.pageFrom}–${x.pageTo}` : 'không có trang'}`,
  );
  return [fileLine(d), ...docs].join('\n');
}

// The year of a command: --year, else this year (Vietnam).
function yearOf(profile: Profile, value: number | undefined): number {
  return value ?? Number(today(profile.clock).slice(0, 4));
}

// A file named by its id or by its notation in the plan of --year (this year by default).
function resolveFile(profile: Profile, ref: string | undefined, year: number | undefined): number {
  if (!ref) throw new AppError('INVALID_INPUT', 'Thiếu hồ sơ (mã số hoặc số và ký hiệu, ví dụ 01.VP).', 'missing case file');
  if (/^\d+$/.test(ref)) return Number(ref);
  const plan = planOfYear(profile, yearOf(profile, year));
  const row = profile.db.prepare('SELECT id FROM case_files WHERE plan_id = ? AND notation = ? COLLATE NOCASE').get(plan.id, ref.normalize('NFC')) as { id: number } | undefined;
  if (!row) throw new AppError('NOT_FOUND', `Không có hồ sơ ${ref} trong Danh mục hồ sơ năm ${plan.year}.`, `no case file ${ref} in plan ${plan.year}`);
  return row.id;
}

// "vinh-vien" (or "vĩnh viễn") for permanent, else a number of years.
function retention(value: string): number | null {
  const v = value.normalize('NFC').toLowerCase();
  if (v === 'vinh-vien' || v === 'vĩnh viễn' || v === 'vinh vien') return null;
  if (!/^\d+$/.test(v)) throw new AppError('INVALID_INPUT', '--retention là số năm hoặc "vinh-vien".', `bad --retention ${value}`);
  return Number(v);
}

const PLAN_OPTIONS = {
  year: { type: 'string' },
  'from-previous': { type: 'boolean' },
  numbering: { type: 'string' },
  id: { type: 'string' },
  parent: { type: 'string' },
  heading: { type: 'string' },
  title: { type: 'string' },
  abbreviation: { type: 'string' },
  position: { type: 'string' },
  retention: { type: 'string' },
  creator: { type: 'string' },
  rights: { type: 'string' },
  language: { type: 'string' },
  description: { type: 'string' },
  note: { type: 'string' },
  decision: { type: 'string' },
  date: { type: 'string' },
  by: { type: 'string' },
} as const;

// `vanthu records plan show|create|heading|file|approve`.
export async function recordsPlan(args: string[]): Promise<CommandResult> {
  const p = parse(args, PLAN_OPTIONS, true);
  const action = p.positionals[0] ?? 'show';
  const given = (name: string) => optional(p, name);
  return withProfile(p, (profile) => {
    const year = yearOf(profile, integer(p, 'year'));
    const done = (plan: PlanRecord, what: string): CommandResult => ({ json: plan, text: `${what}\n${planText(plan)}` });
    switch (action) {
      case 'show': {
        const plan = readPlan(profile, year);
        if (!plan) throw new AppError('NOT_FOUND', `Chưa có Danh mục hồ sơ năm ${year}: tạo bằng "vanthu records plan create".`, `no file plan for ${year}`);
        return { json: plan, text: planText(plan) };
      }
      case 'create': {
        const input = parseOrThrow(createPlanInput, { year, from: p.values['from-previous'] ? 'previous' : 'defaults', ...(given('numbering') ? { numbering: given('numbering') } : {}) }, 'records plan create');
        return done(createPlan(profile, input), `Đã tạo Danh mục hồ sơ năm ${year}.`);
      }
      case 'heading': {
        const input = parseOrThrow(
          saveHeadingInput,
          {
            planId: planOfYear(profile, year).id,
            title: required(p, 'title'),
            ...(integer(p, 'id') !== undefined ? { id: integer(p, 'id') } : {}),
            ...(integer(p, 'parent') !== undefined ? { parentId: integer(p, 'parent') } : {}),
            ...(given('abbreviation') ? { abbreviation: given('abbreviation') } : {}),
            ...(integer(p, 'position') !== undefined ? { position: integer(p, 'position') } : {}),
          },
          'records plan heading',
        );
        return done(saveHeading(profile, input), 'Đã lưu đề mục.');
      }
      case 'file': {
        const input = parseOrThrow(
          saveFileInput,
          {
            title: required(p, 'title'),
            retentionYears: retention(required(p, 'retention')),
            creator: required(p, 'creator'),
            ...(integer(p, 'id') !== undefined ? { id: integer(p, 'id') } : {}),
            ...(integer(p, 'heading') !== undefined ? { headingId: integer(p, 'heading') } : {}),
            ...(integer(p, 'position') !== undefined ? { position: integer(p, 'position') } : {}),
            rights: given('rights'),
            language: given('language'),
            description: given('description'),
            note: given('note'),
          },
          'records plan file',
        );
        const f = saveFile(profile, input);
        return { json: f, text: `Đã lưu: ${fileLine(f)}` };
      }
      case 'approve': {
        const input = parseOrThrow(approvePlanInput, { year, decisionNumber: required(p, 'decision'), decisionDate: required(p, 'date'), decisionBy: required(p, 'by') }, 'records plan approve');
        return done(approvePlan(profile, input), `Đã ghi quyết định phê duyệt Danh mục hồ sơ năm ${year}.`);
      }
      default:
        throw new AppError('INVALID_INPUT', `Không có lệnh "records plan ${action}" (show, create, heading, file, approve).`, `unknown records plan action ${action}`);
    }
  });
}

// `vanthu records file-add DOC FILE` / `file-remove DOC FILE`: DOC is the document's id.
function filing(kind: 'add' | 'remove') {
  return async (args: string[]): Promise<CommandResult> => {
    const p = parse(args, { year: { type: 'string' } }, true);
    const [doc, ref] = p.positionals;
    if (!doc || !/^\d+$/.test(doc)) throw new AppError('INVALID_INPUT', 'Thiếu mã văn bản (số nguyên) trước hồ sơ.', 'missing DOC id');
    return withProfile(p, (profile) => {
      const input = { caseFileId: resolveFile(profile, ref, integer(p, 'year')), documentId: Number(doc) };
      const f = kind === 'add' ? addDocument(profile, input) : removeDocument(profile, input);
      return { json: f, text: `${kind === 'add' ? 'Đã đưa văn bản vào' : 'Đã rút văn bản khỏi'} hồ sơ: ${fileLine(f)}` };
    });
  };
}
export const recordsFileAdd = filing('add');
export const recordsFileRemove = filing('remove');

export async function recordsClose(args: string[]): Promise<CommandResult> {
  const p = parse(args, { year: { type: 'string' } }, true);
  return withProfile(p, async (profile) => {
    const f = await closeFile(profile, resolveFile(profile, p.positionals[0], integer(p, 'year')));
    return { json: f, text: `Đã kết thúc hồ sơ: ${fileLine(f)}; từ ${formatVietnameseDate(f.startDate)} đến ${formatVietnameseDate(f.endDate)}; hạn nộp lưu ${formatVietnameseDate(f.handoverDueDate)}.` };
  });
}

export async function recordsReopen(args: string[]): Promise<CommandResult> {
  const p = parse(args, { year: { type: 'string' }, reason: { type: 'string' } }, true);
  return withProfile(p, (profile) => {
    const input = parseOrThrow(reopenInput, { id: resolveFile(profile, p.positionals[0], integer(p, 'year')), reason: required(p, 'reason') }, 'records reopen');
    const f = reopenFile(profile, input.id, input.reason);
    return { json: f, text: `Đã mở lại hồ sơ: ${fileLine(f)}` };
  });
}

export async function recordsList(args: string[]): Promise<CommandResult> {
  const p = parse(args, { year: { type: 'string' }, status: { type: 'string' }, query: { type: 'string' } });
  const input = parseOrThrow(
    caseFileListInput,
    { ...(integer(p, 'year') !== undefined ? { year: integer(p, 'year') } : {}), ...(optional(p, 'status') ? { status: optional(p, 'status') } : {}), ...(optional(p, 'query') ? { query: optional(p, 'query') } : {}) },
    'records list',
  );
  return withProfile(p, (profile) => {
    const files = listCaseFiles(profile, input);
    return { json: files, text: files.length > 0 ? files.map((f) => `${f.year}\t${fileLine(f)}`).join('\n') : 'Không có hồ sơ.' };
  });
}

export async function recordsShow(args: string[]): Promise<CommandResult> {
  const p = parse(args, { year: { type: 'string' } }, true);
  return withProfile(p, async (profile) => {
    const d = await caseFileDetail(profile, resolveFile(profile, p.positionals[0], integer(p, 'year')));
    return { json: d, text: detailText(d) };
  });
}

// `vanthu records handover --year Y --files 1,2 --giver N --receiver N …`.
export async function recordsHandover(args: string[]): Promise<CommandResult> {
  const p = parse(args, {
    year: { type: 'string' },
    files: { type: 'string' },
    giver: { type: 'string' },
    'giver-title': { type: 'string' },
    'giver-unit': { type: 'string' },
    receiver: { type: 'string' },
    'receiver-title': { type: 'string' },
    basis: { type: 'string' },
    condition: { type: 'string' },
  });
  return withProfile(p, async (profile) => {
    const year = requiredInteger(p, 'year');
    const input = parseOrThrow(
      handOverInput,
      {
        year,
        fileIds: required(p, 'files').split(',').map((ref) => resolveFile(profile, ref.trim(), year)),
        giverName: required(p, 'giver'),
        giverTitle: optional(p, 'giver-title'),
        giverUnit: optional(p, 'giver-unit'),
        receiverName: required(p, 'receiver'),
        receiverTitle: optional(p, 'receiver-title'),
        basis: optional(p, 'basis'),
        condition: optional(p, 'condition'),
      },
      'records handover',
    );
    const h = await handOver(profile, input);
    return { json: h, text: [`Đã nộp lưu ${h.files.length} hồ sơ năm ${h.year} (lần nộp lưu #${h.id}):`, ...h.files.map(fileLine)].join('\n') };
  });
}

// `vanthu records due [--days N]`: closed files due at the archive within N days (30).
export async function recordsDue(args: string[]): Promise<CommandResult> {
  const p = parse(args, { days: { type: 'string' } });
  const input = parseOrThrow(dueHandoversInput, { ...(integer(p, 'days') !== undefined ? { withinDays: integer(p, 'days') } : {}) }, 'records due');
  return withProfile(p, (profile) => {
    const due = dueHandovers(profile, input.withinDays);
    const lines = due.files.map((f) => `${fileLine(f.file)}\thạn nộp lưu ${formatVietnameseDate(f.dueDate)} (${f.daysLeft < 0 ? `quá ${-f.daysLeft} ngày` : `còn ${f.daysLeft} ngày`})`);
    return { json: due, text: lines.length > 0 ? lines.join('\n') : `Không có hồ sơ đến hạn nộp lưu trong ${input.withinDays} ngày.` };
  });
}
