import { inboxListInput } from '../../../shared/api/schemas/sync.ts';
import { answerRequest } from '../../sync/answer-request.ts';
import { acceptInbox, refuseInbox } from '../../sync/inbox-actions.ts';
import { getInbox, listInbox } from '../../sync/inbox-queries.ts';
import { parseOrThrow } from '../../../shared/api/validation.ts';
import { AppError } from '../../../shared/errors.ts';
import { optional, parse, required } from '../args.ts';
import { type CommandResult, withProfile } from '../context.ts';
import { numberNotation } from '../../../shared/domain/notation.ts';

const VERDICT_VI: Readonly<Record<string, string>> = {
  valid: 'chữ ký hợp lệ',
  indeterminate: 'chưa xác định được chữ ký',
  invalid: 'CHỮ KÝ KHÔNG HỢP LỆ',
  unsigned: 'không có chữ ký số',
  'not-pdf': 'không phải PDF',
};
const KIND_VI: Readonly<Record<string, string>> = { new: 'văn bản', revoke: 'yêu cầu thu hồi', update: 'yêu cầu cập nhật', replace: 'yêu cầu thay thế' };

function idOf(p: ReturnType<typeof parse>): number {
  return Number(required(p, 'id'));
}

// `vanthu inbox list --profile DIR [--state received|accepted|refused|all]`: what the hub delivered.
export async function inboxList(args: string[]): Promise<CommandResult> {
  const p = parse(args, { state: { type: 'string' } });
  const input = parseOrThrow(inboxListInput, { state: optional(p, 'state') ?? 'received', limit: 200 }, 'inbox');
  return withProfile(p, (profile) => {
    const { rows, total } = listInbox(profile, input);
    return {
      json: { rows, total },
      text: rows.length
        ? rows.map((r) => `${r.id}\t${KIND_VI[r.businessType]} ${numberNotation(r)} từ ${r.fromName || r.fromOrganId}: ${r.subject} [${VERDICT_VI[r.verdict]}]`).join('\n')
        : 'Không có văn bản nào.',
    };
  });
}

// `vanthu inbox show --profile DIR --id N`: the header, each file and its verification.
export async function inboxShow(args: string[]): Promise<CommandResult> {
  const p = parse(args, { id: { type: 'string' } });
  return withProfile(p, (profile) => {
    const d = getInbox(profile, idOf(p));
    return {
      json: d,
      text: [
        `${KIND_VI[d.businessType]} ${numberNotation(d)} ngày ${d.documentDate ?? '?'} của ${d.fromName} (${d.fromOrganId})`,
        `Trích yếu: ${d.subject}`,
        `Trạng thái: ${d.state}; kiểm tra chữ ký: ${VERDICT_VI[d.verdict]}`,
        ...d.files.map((f) => `- ${f.name} (${f.size} byte): ${VERDICT_VI[f.verdict]}${f.report ? ` — ${f.report.summaryVi}` : ''}`),
      ].join('\n'),
    };
  });
}

// `vanthu inbox accept --profile DIR --id N [--allow-duplicate]`: into Sổ văn bản đến, status 03.
export async function inboxAccept(args: string[]): Promise<CommandResult> {
  const p = parse(args, { id: { type: 'string' }, 'allow-duplicate': { type: 'boolean' } });
  return withProfile(p, (profile) => {
    const doc = acceptInbox(profile, idOf(p), { allowDuplicate: p.values['allow-duplicate'] === true });
    return { json: doc, text: `Đã tiếp nhận: số đến ${doc.number}, ${numberNotation(doc)}. Trạng thái 03 sẽ gửi ở lần đồng bộ sau.` };
  });
}

// `vanthu inbox refuse --profile DIR --id N --reason TEXT`: status 02 with the reason.
export async function inboxRefuse(args: string[]): Promise<CommandResult> {
  const p = parse(args, { id: { type: 'string' }, reason: { type: 'string' } });
  return withProfile(p, (profile) => {
    const id = idOf(p);
    refuseInbox(profile, id, required(p, 'reason'));
    return { json: getInbox(profile, id), text: 'Đã từ chối tiếp nhận. Trạng thái 02 sẽ gửi ở lần đồng bộ sau.' };
  });
}

// `vanthu inbox answer --profile DIR --id N --agree|--refuse --reason TEXT`: a recall, update or
// replacement request answered 15 or 16.
export async function inboxAnswer(args: string[]): Promise<CommandResult> {
  const p = parse(args, { id: { type: 'string' }, agree: { type: 'boolean' }, refuse: { type: 'boolean' }, reason: { type: 'string' } });
  return withProfile(p, (profile) => {
    const id = idOf(p);
    const agree = p.values.agree === true;
    if (agree === (p.values.refuse === true)) throw new AppError('INVALID_INPUT', 'Chọn đúng một trong --agree hoặc --refuse.', 'need exactly one of --agree, --refuse');
    answerRequest(profile, id, agree, required(p, 'reason'));
    return { json: getInbox(profile, id), text: agree ? 'Đã đồng ý (15).' : 'Đã từ chối yêu cầu (16).' };
  });
}
