import { comparisonKey, foldVietnamese } from '../../../shared/domain/fold.ts';
import { PRIORITIES, type Priority, priorityLabel } from '../../../shared/domain/priority.ts';
import { PROCESSING_STATUSES, type ProcessingStatus, processingStatusLabel } from '../../../shared/domain/processing.ts';

export interface NoteParts {
  readonly voidReason: string | null;
  readonly priority: Priority | null;
  readonly notes: string | null;
}

// VOID_MARK ("ĐÃ HỦY:") folded, in any case, with or without diacritics, but with its colon: a
// note that merely begins "Đã hủy cuộc họp" is not a void mark.
const VOID_LINE = /^da\s*huy\s*:/;

function priorityOf(line: string): Priority | null {
  const key = comparisonKey(line);
  return PRIORITIES.find((p) => p !== 'thuong' && comparisonKey(priorityLabel(p)) === key) ?? null;
}

// "Ghi chú" as our export writes it (book-cells.ts): an optional "ĐÃ HỦY: <reason>" line, an
// optional urgency line ("Hỏa tốc"), then the clerk's notes. Only leading lines are read as
// marks, so a note that mentions "khẩn" further down stays a note.
export function parseNoteCell(text: string | null): NoteParts {
  const lines = (text ?? '').split('\n');
  let voidReason: string | null = null;
  let priority: Priority | null = null;
  const first = lines[0] ?? '';
  if (VOID_LINE.test(foldVietnamese(first))) {
    voidReason = first.replace(/^[^:]*:/, '').trim() || '(không ghi lý do)';
    lines.shift();
  }
  const urgency = priorityOf(lines[0] ?? '');
  if (urgency) {
    priority = urgency;
    lines.shift();
  }
  const notes = lines.join('\n').trim();
  return { voidReason, priority, notes: notes || null };
}

// "Tiến độ giải quyết" by its label ("Đang xử lý", with or without a "(quá hạn)" remark) or code.
export function parseProcessingStatus(text: string): ProcessingStatus | null {
  const key = comparisonKey(text.replace(/\(.*\)/g, ''));
  return PROCESSING_STATUSES.find((s) => comparisonKey(s) === key || comparisonKey(processingStatusLabel(s)) === key) ?? null;
}
