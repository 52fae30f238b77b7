import type { DocumentRecord } from '../../shared/api/schemas/documents.ts';
import { formatVietnameseDate } from '../../shared/domain/dates.ts';
import { priorityLabel } from '../../shared/domain/priority.ts';
import { numberNotation } from '../../shared/domain/notation.ts';

// A cell of a register book keeps its kind, so each format can write it its own way: a date is a
// real date in XLSX, ISO in JSON and dd/MM/yyyy on paper and in CSV.
export type BookCell =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'date'; readonly value: string }
  | { readonly type: 'int'; readonly value: number };

// Written at the start of "Ghi chú" for a voided row. The import reads it back, so a book
// exported and imported again keeps its void rows and their reasons.
export const VOID_MARK = 'ĐÃ HỦY:';

export function text(value: string | null | undefined): BookCell | null {
  const clean = (value ?? '').normalize('NFC').trim();
  return clean ? { type: 'text', value: clean } : null;
}

export function date(iso: string | null | undefined): BookCell | null {
  return iso ? { type: 'date', value: iso.slice(0, 10) } : null;
}

export function int(value: number | null | undefined): BookCell | null {
  return value === null || value === undefined ? null : { type: 'int', value };
}

export function cellText(cell: BookCell | null): string {
  if (!cell) return '';
  if (cell.type === 'date') return formatVietnameseDate(cell.value);
  return String(cell.value);
}

export function numberAndNotation(d: DocumentRecord): string {
  return numberNotation(d);
}

// The type name on its own first line, the subject below: easy to read on paper, and the import
// can tell them apart even for a type name outside our list.
export function typeAndSubject(d: DocumentRecord): BookCell | null {
  return text(`${d.documentTypeName}\n${d.subject}`);
}

// "Ghi chú" also carries what Appendix IV has no column for but the clerk must see on paper:
// that a row was voided (never deleted, nd30-rules §2) and the urgency of the document.
export function noteCell(d: DocumentRecord): BookCell | null {
  const lines: string[] = [];
  if (d.status === 'void') lines.push(`${VOID_MARK} ${d.voidReason ?? ''}`.trim());
  if (d.priority !== 'thuong') lines.push(priorityLabel(d.priority));
  if (d.notes) lines.push(d.notes);
  return text(lines.join('\n'));
}
