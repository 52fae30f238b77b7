import type { BookKind } from '../../shared/api/schemas/books.ts';
import type { DocumentRecord } from '../../shared/api/schemas/documents.ts';
import { formatVietnameseDate } from '../../shared/domain/dates.ts';
import { processingStatusLabel } from '../../shared/domain/processing.ts';
import { type BookCell, date, int, noteCell, numberAndNotation, text, typeAndSubject } from './book-cells.ts';

// The columns of the register books of Decree 30 Appendix IV (nd30-rules §3), in their order and
// with their titles. `share` is the column's part of the printed table width and `chars` its
// width in a spreadsheet; `key` names the field in JSON.
export interface BookColumn {
  readonly number: number;
  readonly key: string;
  readonly title: string;
  readonly share: number;
  readonly chars: number;
  readonly cell: (d: DocumentRecord) => BookCell | null;
}

type ColumnSpec = Omit<BookColumn, 'number'>;

const numbered = (specs: readonly ColumnSpec[]): readonly BookColumn[] => specs.map((s, i) => ({ ...s, number: i + 1 }));

const NOTES: ColumnSpec = { key: 'notes', title: 'Ghi chú', share: 11, chars: 24, cell: noteCell };

const INCOMING = numbered([
  { key: 'arrivalDate', title: 'Ngày đến', share: 7, chars: 11, cell: (d) => date(d.registerDate) },
  { key: 'arrivalNumber', title: 'Số đến', share: 5, chars: 8, cell: (d) => int(d.number) },
  { key: 'issuingAgency', title: 'Tác giả', share: 12, chars: 28, cell: (d) => text(d.issuingAgency) },
  { key: 'numberAndNotation', title: 'Số, ký hiệu', share: 10, chars: 18, cell: (d) => text(numberAndNotation(d)) },
  { key: 'documentDate', title: 'Ngày tháng văn bản', share: 7, chars: 11, cell: (d) => date(d.documentDate) },
  { key: 'typeAndSubject', title: 'Tên loại và trích yếu', share: 25, chars: 50, cell: typeAndSubject },
  { key: 'recipientUnit', title: 'Đơn vị hoặc người nhận', share: 10, chars: 22, cell: (d) => text(d.recipientUnit) },
  { key: 'transferDate', title: 'Ngày chuyển', share: 7, chars: 11, cell: (d) => date(d.transferDate) },
  { key: 'receivedBy', title: 'Ký nhận', share: 6, chars: 14, cell: (d) => text(d.receivedBy) },
  NOTES,
]);

const OUTGOING = numbered([
  { key: 'numberAndNotation', title: 'Số, ký hiệu', share: 10, chars: 18, cell: (d) => text(numberAndNotation(d)) },
  { key: 'documentDate', title: 'Ngày tháng văn bản', share: 7, chars: 11, cell: (d) => date(d.documentDate) },
  { key: 'typeAndSubject', title: 'Tên loại và trích yếu nội dung', share: 24, chars: 50, cell: typeAndSubject },
  { key: 'signerName', title: 'Người ký', share: 9, chars: 20, cell: (d) => text(d.signerName) },
  { key: 'recipientsText', title: 'Nơi nhận văn bản', share: 13, chars: 30, cell: (d) => text(d.recipientsText) },
  { key: 'recipientUnit', title: 'Đơn vị, người nhận bản lưu', share: 9, chars: 20, cell: (d) => text(d.recipientUnit) },
  { key: 'copies', title: 'Số lượng bản', share: 5, chars: 8, cell: (d) => int(d.copies) },
  { key: 'transferDate', title: 'Ngày chuyển', share: 7, chars: 11, cell: (d) => date(d.transferDate) },
  { key: 'receivedBy', title: 'Ký nhận', share: 6, chars: 14, cell: (d) => text(d.receivedBy) },
  { ...NOTES, share: 10 },
]);

// "Tên loại, số, ký hiệu, ngày tháng và cơ quan ban hành" written as a clerk would:
// "Quyết định số 15/QĐ-UBND ngày 01/03/2026 của UBND tỉnh Đồng Nai".
function identification(d: DocumentRecord): BookCell | null {
  return text(`${d.documentTypeName} số ${numberAndNotation(d)} ngày ${formatVietnameseDate(d.documentDate)} của ${d.issuingAgency}`);
}

// The one handling the document once assigned; before that, whom it was passed to on arrival.
function handler(d: DocumentRecord): BookCell | null {
  const assigned = [d.assigneeUnit, d.assigneePerson].filter(Boolean).join(' - ');
  return text(assigned || d.recipientUnit);
}

function progress(d: DocumentRecord): BookCell | null {
  if (!d.processingStatus) return null;
  const label = processingStatusLabel(d.processingStatus);
  return text(d.overdue ? `${label} (quá hạn)` : label);
}

const FOLLOWUP = numbered([
  { key: 'arrivalNumber', title: 'Số đến', share: 6, chars: 8, cell: (d) => int(d.number) },
  { key: 'identification', title: 'Tên loại, số, ký hiệu, ngày tháng và cơ quan ban hành', share: 30, chars: 60, cell: identification },
  { key: 'handler', title: 'Đơn vị hoặc người nhận', share: 14, chars: 26, cell: handler },
  { key: 'dueDate', title: 'Thời hạn giải quyết', share: 9, chars: 12, cell: (d) => date(d.dueDate) },
  { key: 'progress', title: 'Tiến độ giải quyết', share: 11, chars: 20, cell: progress },
  { key: 'replyNotation', title: 'Số, ký hiệu văn bản trả lời', share: 14, chars: 22, cell: (d) => text(d.replyNotation) },
  { ...NOTES, share: 16 },
]);

export const BOOK_COLUMNS: Readonly<Record<BookKind, readonly BookColumn[]>> = {
  incoming: INCOMING,
  outgoing: OUTGOING,
  followup: FOLLOWUP,
};

// The title on the cover and the first page of each book.
export const BOOK_TITLES: Readonly<Record<BookKind, string>> = {
  incoming: 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN',
  outgoing: 'SỔ ĐĂNG KÝ VĂN BẢN ĐI',
  followup: 'SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN',
};

export function bookDirection(kind: BookKind): 'incoming' | 'outgoing' {
  return kind === 'outgoing' ? 'outgoing' : 'incoming';
}
