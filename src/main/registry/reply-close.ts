import type { DocumentRecord } from '../../shared/api/schemas/documents.ts';
import { formatVietnameseDate } from '../../shared/domain/dates.ts';
import { numberNotation } from '../../shared/domain/notation.ts';
import { statement } from '../db/statements.ts';
import { timestamp } from './clock.ts';
import type { RegistryContext } from './context.ts';
import { getDocument } from './documents.ts';
import { applyHistory, insertEntry } from './processing-entries.ts';

// Where a reply is named: by its register row, or by the issuance that made it.
export type ReplyOwner = { readonly outgoingId: number } | { readonly issuanceId: number };

interface OpenLink {
  id: number;
  incoming_id: number;
}

function openLinks(ctx: RegistryContext, owner: ReplyOwner): OpenLink[] {
  const [column, id] = 'outgoingId' in owner ? ['outgoing_id', owner.outgoingId] : ['issuance_id', owner.issuanceId];
  return statement(ctx.db, `SELECT id, incoming_id FROM document_replies WHERE ${column} = ? AND removed_at IS NULL AND closed_entry_id IS NULL ORDER BY id`).all(id) as OpenLink[];
}

// Closes one incoming document with its reply: a 'reply' entry of the history (done, the reply's
// number, the reply itself), the document's columns brought up to date (processing_status done,
// reply_notation: column 6 of the follow-up register), the sender told (status 06), the link
// marked closed, audited. Inside the caller's write transaction.
export function closeWithReply(ctx: RegistryContext, linkId: number, incomingId: number, reply: DocumentRecord): void {
  const before = getDocument(ctx, incomingId);
  const at = timestamp(ctx.clock);
  const notation = numberNotation(reply);
  // The opinion's day is the reply's date, never before the arrival (the link checked it).
  const givenOn = reply.documentDate < before.registerDate ? before.registerDate : reply.documentDate;
  const entry = {
    kind: 'reply' as const,
    author: reply.signerName,
    text: `Đã trả lời bằng ${reply.documentTypeName.toLowerCase()} số ${notation ?? reply.number} ngày ${formatVietnameseDate(reply.documentDate)}.`,
    givenOn,
    status: 'done' as const,
    replyNotation: notation,
    replyDocumentId: reply.id,
  };
  const entryId = insertEntry(ctx, before.id, entry, at);
  applyHistory(ctx, before, at);
  statement(ctx.db, 'UPDATE document_replies SET closed_entry_id = ? WHERE id = ?').run(entryId, linkId);
  ctx.audit.append({
    action: 'processing.reply',
    entityType: 'document',
    entityId: before.id,
    details: { entryId, linkId, replyDocumentId: reply.id, replyNotation: notation, from: before.processingStatus, to: 'done' },
  });
}

// Every incoming document the reply answers and that it has not closed yet. Called when the
// reply is issued: by the issuance's register step (docs/processing.md, Replies), or at once
// when a directly registered outgoing document is linked.
export function closeRepliesOf(ctx: RegistryContext, owner: ReplyOwner, reply: DocumentRecord): number[] {
  const links = openLinks(ctx, owner);
  for (const l of links) closeWithReply(ctx, l.id, l.incoming_id, reply);
  return links.map((l) => l.incoming_id);
}

// Column 10 (ghi chú) of the outgoing register for a reply the workflow issues: the Sổ đi has
// no column for it, and the notes already name what a correction amends.
export function replyNotes(ctx: RegistryContext, owner: ReplyOwner): string | null {
  const docs = openLinks(ctx, owner).map((l) => getDocument(ctx, l.incoming_id));
  if (docs.length === 0) return null;
  const named = docs.map((d) => `số ${numberNotation(d) ?? '—'} ngày ${formatVietnameseDate(d.documentDate)} của ${d.issuingAgency ?? '—'}`);
  return `Trả lời văn bản ${named.join('; ')}.`;
}
