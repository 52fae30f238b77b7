import { formatVietnameseDate } from '../../../shared/domain/dates.ts';
import { numberInWordsCapitalised } from '../../../shared/domain/number-words.ts';
import { placeDateLine } from '../../../shared/domain/signature-kinds.ts';
import type { PlanDecision, PlanFile, PlanHeading } from './form-types.ts';

// The words of the Appendix V forms, filled in. What the input leaves empty prints as the form's
// dotted blank, so the printed form can still be completed by hand.
export const BLANK = '…………';

const or = (value: string | null | undefined): string => {
  const clean = (value ?? '').trim();
  return clean === '' ? BLANK : clean;
};

export function filled(value: string | null | undefined): string {
  return or(value);
}

// "ngày 05 tháng 01 năm 2026" (the date rule of Appendix I Part I II.4), or the blank of the form.
export function dateInWords(iso: string | null): string {
  return iso ? placeDateLine('', iso) : `ngày ${BLANK} tháng ${BLANK} năm ${BLANK}`;
}

export function placeAndDate(place: string, iso: string | null): string {
  return `${or(place)}, ${dateInWords(iso)}`;
}

// "(Kèm theo Quyết định số 15/QĐ-UBND ngày 05 tháng 01 năm 2026 của Chủ tịch …)".
export function decisionLine(decision: PlanDecision | null): string {
  return `(Kèm theo Quyết định số ${or(decision?.number)} ${dateInWords(decision?.date ?? null)} của ${or(decision?.by)})`;
}

export function romanHeading(numeral: string, title: string): string {
  return `${numeral}. ${title.trim().toLocaleUpperCase('vi')}`;
}

export function subHeading(ordinal: number, title: string): string {
  return `${ordinal}. ${title.trim()}`;
}

// Column (4) of III: the dates of the first and last document; one date when they are the same day.
export function timeSpan(start: string | null, end: string | null): string {
  if (!start && !end) return '';
  if (!start || !end || start === end) return formatVietnameseDate(start ?? end);
  return `${formatVietnameseDate(start)} - ${formatVietnameseDate(end)}`;
}

// Column (6) of IV: "3" for a one-page document, "4-7" for one that runs over pages.
export function pageRange(from: number | null, to: number | null): string {
  if (from === null && to === null) return '';
  if (from === null || to === null || from === to) return String(from ?? to);
  return `${from}-${to}`;
}

export interface PlanCounts {
  readonly total: number;
  readonly permanent: number;
  readonly limited: number;
}

export function planFiles(headings: readonly PlanHeading[]): PlanFile[] {
  return headings.flatMap((h) => [...h.files, ...h.subHeadings.flatMap((s) => s.files)]);
}

export function planCounts(headings: readonly PlanHeading[]): PlanCounts {
  const files = planFiles(headings);
  const permanent = files.filter((f) => f.retentionYears === null).length;
  return { total: files.length, permanent, limited: files.length - permanent };
}

// The closing statement of form II, one line each as the form sets it.
export function planSummary(c: PlanCounts): string[] {
  return [
    `Danh mục hồ sơ này có ${c.total} hồ sơ, bao gồm:`,
    `${c.permanent} hồ sơ bảo quản vĩnh viễn;`,
    `${c.limited} hồ sơ bảo quản có thời hạn.`,
  ];
}

// The closing statement of form III: the number, then the number in words.
export function handoverSummary(count: number): string[] {
  return [`Mục lục này gồm: ${count} hồ sơ (đơn vị bảo quản).`, `Viết bằng chữ: ${numberInWordsCapitalised(count)} hồ sơ (đơn vị bảo quản).`];
}

// Metres of shelf with the Vietnamese decimal comma: "1,5".
export function metres(value: number): string {
  return String(Math.round(value * 100) / 100).replace('.', ',');
}
