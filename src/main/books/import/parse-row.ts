import { priority as prioritySchema } from '../../../shared/api/schemas/common.ts';
import { yearOf } from '../../../shared/domain/dates.ts';
import { isIssuableType, OTHER_TYPE_KEY, resolveType } from '../../../shared/domain/document-types.ts';
import { formatDocumentNumber } from '../../../shared/domain/notation.ts';
import type { Priority } from '../../../shared/domain/priority.ts';
import type { ProcessingStatus } from '../../../shared/domain/processing.ts';
import { parseNoteCell, parseProcessingStatus } from './note-parts.ts';
import type { RowReader } from './row-reader.ts';
import { looksLikeCongVan, matchType, type ResolvedType, splitTypeAndSubject, typeFromNotation } from './type-subject.ts';

export type ImportKind = 'incoming' | 'outgoing';

// One register row ready to be checked against the others and the database.
export interface ImportRow {
  readonly row: number;
  readonly year: number;
  readonly number: number;
  readonly registerDate: string;
  readonly codeNumber: string;
  readonly codeNotation: string;
  readonly documentDate: string;
  readonly type: ResolvedType;
  readonly subject: string;
  readonly issuingAgency: string;
  readonly signerName: string | null;
  readonly signerPosition: string | null;
  readonly recipientsText: string | null;
  readonly recipientUnit: string | null;
  readonly copies: number | null;
  readonly pageCount: number | null;
  readonly transferDate: string | null;
  readonly receivedBy: string | null;
  readonly notes: string | null;
  readonly priority: Priority;
  readonly dueDate: string | null;
  readonly documentIdentifier: string | null;
  readonly voidReason: string | null;
  readonly processingStatus: ProcessingStatus | null;
}

export interface RowContext {
  readonly kind: ImportKind;
  readonly today: string;
  readonly agencyName: string;
}

// "15/QĐ-UBND" (also written "Số: 15/QĐ-UBND" or "15 / QĐ - UBND"), split at the first "/", or the
// separate codeNumber and codeNotation columns.
function numberAndNotation(r: RowReader): { codeNumber: string; codeNotation: string } | null {
  const separate = { codeNumber: r.text('codeNumber', 30), codeNotation: r.text('codeNotation', 100) };
  if (separate.codeNumber && separate.codeNotation) {
    return { codeNumber: separate.codeNumber.replace(/\s+/g, ''), codeNotation: separate.codeNotation.replace(/\s+/g, '') };
  }
  const combined = r.has('numberAndNotation') ? r.requiredText('numberAndNotation', 140) : r.error('codeNumber', 'không được để trống');
  if (!combined) return null;
  const text = combined.replace(/^số\s*[:.]?\s*/iu, '');
  const slash = text.indexOf('/');
  const codeNumber = text.slice(0, Math.max(slash, 0)).replace(/\s+/g, '');
  const codeNotation = text.slice(slash + 1).replace(/\s+/g, '');
  if (slash < 0 || !codeNumber || !codeNotation) return r.error('numberAndNotation', `"${combined}" phải có dạng số/ký hiệu, ví dụ 15/QĐ-UBND`);
  if (codeNumber.length > 30 || codeNotation.length > 100) return r.error('numberAndNotation', 'số hoặc ký hiệu quá dài');
  return { codeNumber, codeNotation };
}

const UNKNOWN_TYPE: ResolvedType = { key: OTHER_TYPE_KEY, name: 'Khác', known: false };

function typeAndSubject(r: RowReader, c: RowContext, codeNotation: string | null): { type: ResolvedType; subject: string } | null {
  const before = r.errors.length;
  const typeCell = r.text('documentType', 100);
  const combined = r.text('typeAndSubject', 2200, 'multi');
  let type: ResolvedType | null = typeCell ? matchType(typeCell) : null;
  let subject = r.text('subject', 2000, 'multi');
  if (combined) {
    const split = splitTypeAndSubject(combined);
    // A separate type column wins; the combined cell then gives the subject, minus a repeated type.
    subject ??= split.type !== null || type === null ? split.subject : combined;
    type ??= split.type;
  }
  const field = r.has('typeAndSubject') ? 'typeAndSubject' : 'subject';
  // A cell already refused (too long) is not also "missing".
  if (!subject) return r.errors.length > before ? null : r.error(field, 'thiếu trích yếu');
  subject = subject.replace(/\s+/g, ' ');
  if (subject.length > 2000) return r.error(field, 'trích yếu dài quá 2000 ký tự');
  if (!type && looksLikeCongVan(subject)) type = resolveType('cong-van');
  if (!type && c.kind === 'outgoing' && codeNotation) type = typeFromNotation(codeNotation);
  if (c.kind === 'outgoing' && (!type || !type.known || !isIssuableType(type.key))) {
    const what = type ? `"${type.name}" không phải` : 'không nhận ra tên loại, cần ghi một trong các';
    return r.error(field, `${what} loại văn bản hành chính theo Nghị định 30 (ví dụ "Quyết định", "Công văn")`);
  }
  if (!type) {
    r.warn(field, 'không nhận ra tên loại văn bản; ghi nhận là loại "Khác"');
    type = UNKNOWN_TYPE;
  } else if (!type.known) {
    r.warn(field, `tên loại "${type.name}" không có trong danh mục; ghi nhận là loại khác`);
  }
  return { type, subject };
}

function priorityOf(r: RowReader, fromNotes: Priority | null): Priority {
  const text = r.text('priority', 50);
  if (!text) return fromNotes ?? 'thuong';
  const parsed = prioritySchema.safeParse(text);
  if (parsed.success) return parsed.data;
  r.error('priority', 'phải là Thường, Khẩn, Thượng khẩn hoặc Hỏa tốc');
  return 'thuong';
}

// Historical incoming rows are taken as handled unless the file says otherwise: thousands of old
// rows "pending" would bury the clerk's real follow-up list (docs/register-books.md).
function processingOf(r: RowReader, c: RowContext): ProcessingStatus | null {
  if (c.kind === 'outgoing') return null;
  const text = r.text('processingStatus', 100);
  if (!text) return 'done';
  const status = parseProcessingStatus(text);
  if (!status) r.error('processingStatus', 'phải là Chưa xử lý, Đã phân công, Đang xử lý hoặc Hoàn thành');
  return status;
}

// Incoming rows carry their số đến. An outgoing row's register number IS the number it was issued
// with, the number part of "Số, ký hiệu" ("01" → 1): a separate number column must agree with it,
// or the year could hold "01/QĐ-UBND" as number 7 and "1/QĐ-UBND" as number 8.
function registerNumber(r: RowReader, c: RowContext, codeNumber: string | null): number | null {
  if (c.kind === 'incoming') return r.positiveInt('number', true);
  const column = r.has('number') ? r.positiveInt('number', true) : null;
  if (codeNumber === null) return null;
  const m = /^0*(\d{1,9})$/.exec(codeNumber);
  const issued = m && Number(m[1]) > 0 ? Number(m[1]) : null;
  if (issued === null) return r.error('numberAndNotation', `số "${codeNumber}" phải là số nguyên dương để xếp vào sổ`);
  if (r.has('number') && column === null) return null;
  if (column !== null && column !== issued) return r.error('numberAndNotation', `số "${codeNumber}" khác với số ${column} ở cột số; văn bản đi vào sổ theo số trong "Số, ký hiệu"`);
  return issued;
}

export function parseRow(r: RowReader, c: RowContext): ImportRow | null {
  const code = numberAndNotation(r);
  const number = registerNumber(r, c, code?.codeNumber ?? null);
  const ts = typeAndSubject(r, c, code?.codeNotation ?? null);
  const documentDate = r.date('documentDate', true);
  const arrivalDate = c.kind === 'incoming' ? r.date('arrivalDate', true) : documentDate;
  const dueDate = r.date('dueDate', false);
  const transferDate = r.date('transferDate', false);
  const note = parseNoteCell(r.text('notes', 6000, 'multi'));
  if (note.notes && note.notes.length > 4000) r.error('notes', 'dài quá 4000 ký tự');
  const signerName = c.kind === 'outgoing' && !note.voidReason ? r.requiredText('signerName', 200) : r.text('signerName', 200);
  const issuingAgency = c.kind === 'incoming' ? r.requiredText('issuingAgency', 300) : c.agencyName;
  const dateField = c.kind === 'incoming' ? 'arrivalDate' : 'documentDate';
  if (arrivalDate && arrivalDate > c.today) r.error(dateField, 'không được sau hôm nay');
  if (c.kind === 'incoming' && documentDate && arrivalDate && documentDate > arrivalDate) r.error('documentDate', 'không được sau ngày đến');
  if (c.kind === 'incoming' && transferDate && arrivalDate && transferDate < arrivalDate) r.error('transferDate', 'không được trước ngày đến');
  if (dueDate && arrivalDate && dueDate < arrivalDate) r.error('dueDate', `không được trước ${c.kind === 'incoming' ? 'ngày đến' : 'ngày văn bản'}`);
  const rest = {
    signerPosition: r.text('signerPosition', 200),
    recipientsText: r.text('recipientsText', 4000, 'multi'),
    recipientUnit: r.text('recipientUnit', 300),
    copies: r.positiveInt('copies', false),
    pageCount: r.positiveInt('pageCount', false),
    receivedBy: r.text('receivedBy', 200),
    documentIdentifier: r.text('documentIdentifier', 200),
    priority: priorityOf(r, note.priority),
    processingStatus: processingOf(r, c),
  };
  if (r.errors.length > 0 || !code || number === null || !ts || !documentDate || !arrivalDate || !issuingAgency) return null;
  return {
    row: r.row,
    year: yearOf(arrivalDate),
    number,
    registerDate: arrivalDate,
    // An outgoing number is stored as registration writes it (01…09, 10, …), so "1/QĐ-UBND" and
    // "01/QĐ-UBND" are one code for the unique index, the books and the search.
    codeNumber: c.kind === 'outgoing' ? formatDocumentNumber(number) : code.codeNumber,
    codeNotation: code.codeNotation,
    documentDate,
    ...ts,
    issuingAgency,
    signerName,
    transferDate,
    notes: note.notes,
    dueDate,
    voidReason: note.voidReason,
    ...rest,
  };
}
