import { documentPatch } from '../../shared/api/schemas/documents.ts';
import type { IssuanceRecord } from '../../shared/api/schemas/issuance.ts';
import { AppError } from '../../shared/errors.ts';
import { readPageSizes } from '../pdf/page-sizes.ts';
import type { Profile } from '../profile/open-profile.ts';
import { today } from '../registry/clock.ts';
import { getDocument, updateDocument } from '../registry/documents.ts';
import { formatVietnameseDate } from '../../shared/domain/dates.ts';
import { commitStep } from './commit-step.ts';
import { getIssuance, type Issuance, issuanceRecord, mainFileAt, recipientsOf } from './issuance-repo.ts';
import { requireNext } from './states.ts';
import { numberNotation } from '../../shared/domain/notation.ts';
import { closeRepliesOf, replyNotes } from '../registry/reply-close.ts';

// Column 5 of the outgoing register as the "Nơi nhận" block prints it (nd30-rules §8).
export function recipientsText(names: readonly string[], archive: string | null): string {
  const lines = names.map((n) => `- ${n};`);
  lines.push(`- Lưu: ${archive ?? 'VT'}.`);
  return lines.join('\n');
}

// Our rule for column 7 when the clerk gives no count: one copy per recipient and one per unit
// that keeps one ("Lưu: VT, VP" is two).
function defaultCopies(recipients: number, archive: string | null): number {
  const kept = (archive ?? 'VT').split(',').filter((s) => s.trim() !== '').length;
  return recipients + Math.max(kept, 1);
}

const RELATION_NOTE = { amends: 'Sửa đổi, bổ sung văn bản', replaces: 'Thay thế văn bản', corrects: 'Đính chính văn bản' } as const;

// Column 10 says which document a correction amends, replaces or corrects.
function notesOf(p: Profile, issuance: Issuance): string | undefined {
  const parts = issuance.notes ? [issuance.notes] : [];
  if (issuance.relation && issuance.relatedDocumentId !== null) {
    const original = getDocument(p, issuance.relatedDocumentId);
    parts.push(`${RELATION_NOTE[issuance.relation]} số ${numberNotation(original)} ngày ${formatVietnameseDate(original.documentDate)}.`);
  }
  const replies = replyNotes(p, { issuanceId: issuance.id });
  if (replies) parts.push(replies);
  return parts.length > 0 ? parts.join('\n') : undefined;
}

// Vào sổ văn bản đi: every column of Appendix IV filled from the document. Columns 1–4 (số, ký
// hiệu; ngày; tên loại và trích yếu; người ký) were written when the number was taken; this step
// adds nơi nhận (5), đơn vị/người nhận bản lưu (6), số lượng bản (7), ngày chuyển (8, today),
// the page count and the notes (10). Column 9 (ký nhận) is signed by hand in the printed book.
export async function registerIssuance(p: Profile, id: number): Promise<IssuanceRecord> {
  const issuance = getIssuance(p, id);
  requireNext(id, issuance.state, 'registered');
  const issued = mainFileAt(p, id, 'issued');
  const pages = (await readPageSizes(p.blobs.pathOfIntact(issued))).length;
  const recipients = recipientsOf(p, id);
  if (recipients.length === 0) throw new AppError('INVALID_INPUT', 'Văn bản chưa có nơi nhận: không vào sổ được.', `issuance ${id} has no recipients`);
  commitStep(p, id, 'registered', (current) => {
    const documentId = current.documentId as number;
    const columns = {
      recipientsText: recipientsText(recipients.map((r) => r.name), current.archive),
      recipientUnit: current.archive ?? 'VT',
      copies: current.copies ?? defaultCopies(recipients.length, current.archive),
      pageCount: pages,
      transferDate: today(p.clock),
      notes: notesOf(p, current),
    };
    updateDocument(p, documentPatch.parse({ id: documentId, ...columns }));
    // The reply is issued and in the register: it closes the incoming documents it answers
    // (docs/processing.md, Replies), in this same transaction.
    const answered = closeRepliesOf(p, { issuanceId: id }, getDocument(p, documentId));
    return { details: { documentId, ...columns, ...(answered.length > 0 ? { answered } : {}) } };
  });
  return issuanceRecord(p, id);
}
