import type { ReplyLink, ReplyLinkInput, ReplyLinks } from '../../shared/api/schemas/replies.ts';
import { formatVietnameseDate } from '../../shared/domain/dates.ts';
import { numberNotation } from '../../shared/domain/notation.ts';
import { AppError } from '../../shared/errors.ts';
import { writeTransaction } from '../db/connection.ts';
import { statement } from '../db/statements.ts';
import { timestamp } from './clock.ts';
import type { RegistryContext } from './context.ts';
import { getDocument } from './documents.ts';
import { closeWithReply, type ReplyOwner } from './reply-close.ts';

// Links between a reply and the incoming documents it answers (migration 0008). The issuance
// table is read here (not the issuance modules, a layer above): a reply in the workflow is named
// by its issuance, and its register row is the issuance's document_id.

interface LinkRow {
  id: number;
  incoming_id: number;
  issuance_id: number | null;
  outgoing_id: number | null;
  created_at: string;
  removed_at: string | null;
  closed_entry_id: number | null;
}

interface IssuanceRow {
  id: number;
  state: string;
  document_id: number | null;
  document_type_name: string;
  subject: string;
}

const REPLY_DONE = new Set(['registered', 'distributed']);

function issuanceRow(ctx: RegistryContext, id: number): IssuanceRow | undefined {
  return statement(ctx.db, 'SELECT id, state, document_id, document_type_name, subject FROM issuances WHERE id = ?').get(id) as IssuanceRow | undefined;
}

function issuanceOfDocument(ctx: RegistryContext, documentId: number): IssuanceRow | undefined {
  return statement(ctx.db, 'SELECT id, state, document_id, document_type_name, subject FROM issuances WHERE document_id = ?').get(documentId) as IssuanceRow | undefined;
}

function toLink(ctx: RegistryContext, r: LinkRow): ReplyLink {
  const incoming = getDocument(ctx, r.incoming_id);
  const issuance = r.issuance_id !== null ? issuanceRow(ctx, r.issuance_id) : undefined;
  const replyId = r.outgoing_id ?? issuance?.document_id ?? null;
  const reply = replyId !== null ? getDocument(ctx, replyId) : null;
  return {
    id: r.id,
    incoming: {
      id: incoming.id,
      year: incoming.year,
      arrivalNumber: incoming.number,
      numberNotation: numberNotation(incoming),
      documentDate: incoming.documentDate,
      documentTypeName: incoming.documentTypeName,
      issuingAgency: incoming.issuingAgency,
      subject: incoming.subject,
    },
    reply: {
      issuanceId: r.issuance_id,
      documentId: replyId,
      numberNotation: reply ? numberNotation(reply) : null,
      documentDate: reply ? reply.documentDate : null,
      documentTypeName: reply?.documentTypeName ?? issuance?.document_type_name ?? '',
      subject: reply?.subject ?? issuance?.subject ?? '',
      issuanceState: issuance?.state ?? null,
    },
    createdAt: r.created_at,
    removedAt: r.removed_at,
    closedEntryId: r.closed_entry_id,
  };
}

function linkById(ctx: RegistryContext, id: number): LinkRow {
  const row = statement(ctx.db, 'SELECT * FROM document_replies WHERE id = ?').get(id) as LinkRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy liên kết trả lời.', `reply link ${id} not found`);
  return row;
}

// The live links of a document (the incoming it is, or the outgoing reply it is) or an issuance.
export function listReplies(ctx: RegistryContext, by: { documentId?: number; issuanceId?: number }): ReplyLinks {
  let rows: LinkRow[];
  if (by.issuanceId !== undefined) {
    rows = statement(ctx.db, 'SELECT * FROM document_replies WHERE issuance_id = ? AND removed_at IS NULL ORDER BY id').all(by.issuanceId) as LinkRow[];
  } else {
    const doc = getDocument(ctx, by.documentId as number);
    rows = (
      doc.direction === 'incoming'
        ? statement(ctx.db, 'SELECT * FROM document_replies WHERE incoming_id = ? AND removed_at IS NULL ORDER BY id').all(doc.id)
        : statement(
            ctx.db,
            `SELECT * FROM document_replies WHERE removed_at IS NULL AND (outgoing_id = ?
               OR issuance_id = (SELECT id FROM issuances WHERE document_id = ?)) ORDER BY id`,
          ).all(doc.id, doc.id)
    ) as LinkRow[];
  }
  return { links: rows.map((r) => toLink(ctx, r)) };
}

// Where the link is kept and whether the reply is issued already. A register row made by the
// workflow is named by its issuance, so that its register step closes it like the others.
function resolveOwner(ctx: RegistryContext, input: ReplyLinkInput): { owner: ReplyOwner; issuedReply: number | null; date: string | null } {
  if (input.outgoingId !== undefined) {
    const out = getDocument(ctx, input.outgoingId);
    if (out.direction !== 'outgoing') throw new AppError('INVALID_INPUT', 'Văn bản trả lời phải là văn bản đi.', `document ${out.id} is incoming`);
    if (out.status === 'void') throw new AppError('CONFLICT', 'Văn bản đi đã bị hủy, không thể là văn bản trả lời.', `document ${out.id} is void`);
    const issuance = issuanceOfDocument(ctx, out.id);
    if (issuance) return resolveOwner(ctx, { incomingId: input.incomingId, issuanceId: issuance.id });
    return { owner: { outgoingId: out.id }, issuedReply: out.id, date: out.documentDate };
  }
  const issuance = issuanceRow(ctx, input.issuanceId as number);
  if (!issuance) throw new AppError('NOT_FOUND', 'Không tìm thấy dự thảo văn bản.', `issuance ${input.issuanceId} not found`);
  if (issuance.state === 'void') {
    // Withdrawn before numbering it is a draft; voided after, a document of the Sổ đi.
    const what = issuance.document_id === null ? 'Dự thảo' : 'Văn bản đi';
    throw new AppError('CONFLICT', `${what} đã bị hủy, không thể là văn bản trả lời.`, `issuance ${issuance.id} is void`);
  }
  const reply = issuance.document_id !== null ? getDocument(ctx, issuance.document_id) : null;
  return { owner: { issuanceId: issuance.id }, issuedReply: REPLY_DONE.has(issuance.state) ? issuance.document_id : null, date: reply?.documentDate ?? null };
}

// Names an incoming document the reply answers. When the reply is already issued (a directly
// registered outgoing document, or an issuance past its register step), the incoming document
// is closed in the same transaction; otherwise the register step will close it. A secret
// incoming document cannot be named: it lives in its own table, never in `documents`
// (docs/copies.md), so that its number reaches no Sổ đi note, book or export.
export function linkReply(ctx: RegistryContext, input: ReplyLinkInput): ReplyLink {
  const id = writeTransaction(ctx.db, () => {
    const incoming = getDocument(ctx, input.incomingId);
    if (incoming.direction !== 'incoming') throw new AppError('INVALID_INPUT', 'Văn bản được trả lời phải là văn bản đến.', `document ${incoming.id} is outgoing`);
    if (incoming.status === 'void') throw new AppError('CONFLICT', 'Văn bản đến đã bị hủy, không thể ghi là văn bản được trả lời.', `document ${incoming.id} is void`);
    const { owner, issuedReply, date } = resolveOwner(ctx, input);
    if (date !== null && date < incoming.registerDate) {
      throw new AppError('INVALID_INPUT', `Văn bản trả lời không được trước ngày đến của văn bản được trả lời (${formatVietnameseDate(incoming.registerDate)}).`, `reply ${date} before arrival ${incoming.registerDate}`);
    }
    const [column, ownerId] = 'outgoingId' in owner ? ['outgoing_id', owner.outgoingId] : ['issuance_id', owner.issuanceId];
    const existing = statement(ctx.db, `SELECT id FROM document_replies WHERE ${column} = ? AND incoming_id = ? AND removed_at IS NULL`).get(ownerId, incoming.id);
    if (existing) throw new AppError('CONFLICT', 'Văn bản này đã được ghi là văn bản được trả lời.', `reply link exists for ${column} ${ownerId} and incoming ${incoming.id}`);
    const linkId = Number(statement(ctx.db, `INSERT INTO document_replies (incoming_id, ${column}, created_at) VALUES (?, ?, ?)`).run(incoming.id, ownerId, timestamp(ctx.clock)).lastInsertRowid);
    ctx.audit.append({ action: 'reply.link', entityType: 'document', entityId: incoming.id, details: { linkId, ...owner } });
    if (issuedReply !== null) closeWithReply(ctx, linkId, incoming.id, getDocument(ctx, issuedReply));
    return linkId;
  });
  return toLink(ctx, linkById(ctx, id));
}

// Withdraws a link made by mistake, before the reply closed the incoming document: once closed,
// the history says so for good (a later status entry reopens the handling if needed).
export function unlinkReply(ctx: RegistryContext, linkId: number): ReplyLink {
  writeTransaction(ctx.db, () => {
    const row = linkById(ctx, linkId);
    if (row.removed_at !== null) throw new AppError('CONFLICT', 'Liên kết này đã được bỏ.', `reply link ${linkId} already removed`);
    if (row.closed_entry_id !== null) {
      throw new AppError('CONFLICT', 'Văn bản trả lời đã phát hành và đã đóng việc giải quyết: không bỏ liên kết được.', `reply link ${linkId} closed by entry ${row.closed_entry_id}`);
    }
    statement(ctx.db, 'UPDATE document_replies SET removed_at = ? WHERE id = ?').run(timestamp(ctx.clock), linkId);
    ctx.audit.append({ action: 'reply.unlink', entityType: 'document', entityId: row.incoming_id, details: { linkId, issuanceId: row.issuance_id, outgoingId: row.outgoing_id } });
  });
  return toLink(ctx, linkById(ctx, linkId));
}
