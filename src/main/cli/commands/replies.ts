import { replyLinkInput, replyListInput, type ReplyLink } from '../../../shared/api/schemas/replies.ts';
import { parseOrThrow } from '../../../shared/api/validation.ts';
import { linkReply, listReplies, unlinkReply } from '../../registry/replies.ts';
import { integer, parse, requiredInteger } from '../args.ts';
import { type CommandResult, withProfile } from '../context.ts';

// `vanthu reply link|unlink|list`: the documents an outgoing document (or an issuance, while it
// has no register row) answers (docs/processing.md, Replies).

function line(l: ReplyLink): string {
  const reply = l.reply.numberNotation ? `văn bản đi số ${l.reply.numberNotation}` : `dự thảo #${l.reply.issuanceId} (${l.reply.issuanceState})`;
  const state = l.closedEntryId !== null ? 'đã đóng xử lý' : 'chờ phát hành';
  return `#${l.id}\t${reply} trả lời văn bản đến số ${l.incoming.arrivalNumber}/${l.incoming.year} (${l.incoming.numberNotation ?? '—'}): ${state}`;
}

const OWNER = { outgoing: { type: 'string' }, issuance: { type: 'string' } } as const;

export async function replyLinkCommand(args: string[]): Promise<CommandResult> {
  const p = parse(args, { ...OWNER, incoming: { type: 'string' } });
  const outgoingId = integer(p, 'outgoing');
  const issuanceId = integer(p, 'issuance');
  const input = parseOrThrow(
    replyLinkInput,
    { incomingId: requiredInteger(p, 'incoming'), ...(outgoingId !== undefined ? { outgoingId } : {}), ...(issuanceId !== undefined ? { issuanceId } : {}) },
    'reply link',
  );
  return withProfile(p, (profile) => {
    const l = linkReply(profile, input);
    return { json: l, text: `Đã ghi: ${line(l)}` };
  });
}

export async function replyUnlinkCommand(args: string[]): Promise<CommandResult> {
  const p = parse(args, { link: { type: 'string' } });
  const linkId = requiredInteger(p, 'link');
  return withProfile(p, (profile) => {
    const l = unlinkReply(profile, linkId);
    return { json: l, text: `Đã bỏ liên kết #${l.id}.` };
  });
}

// --document N: the incoming document or the outgoing reply; --issuance N: a reply in the workflow.
export async function replyListCommand(args: string[]): Promise<CommandResult> {
  const p = parse(args, { document: { type: 'string' }, issuance: { type: 'string' } });
  const documentId = integer(p, 'document');
  const issuanceId = integer(p, 'issuance');
  const input = parseOrThrow(replyListInput, { ...(documentId !== undefined ? { documentId } : {}), ...(issuanceId !== undefined ? { issuanceId } : {}) }, 'reply list');
  return withProfile(p, (profile) => {
    const r = listReplies(profile, input);
    return { json: r, text: r.links.length > 0 ? r.links.map(line).join('\n') : 'Không có văn bản trả lời.' };
  });
}
