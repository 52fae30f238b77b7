import { formatVietnameseDate, parseVietnameseDate, vietnamDateTime } from '../../shared/domain/dates.ts';

export const DATE_PLACEHOLDER = 'dd/mm/yyyy';
export const DATE_FORMAT_MESSAGE = 'không phải ngày hợp lệ — nhập dạng dd/mm/yyyy, ví dụ 05/03/2026';
// The server's own wording for an empty required box, used for date boxes too.
export const DATE_REQUIRED_MESSAGE = 'không được để trống';

// What the clerk typed in a date box, read for sending: "" → null, a real dd/MM/yyyy date → ISO,
// anything else → 'invalid' so the form can say so before the server does.
export function readDateInput(text: string): string | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return parseVietnameseDate(trimmed) ?? 'invalid';
}

export function showDate(iso: string | null | undefined): string {
  return formatVietnameseDate(iso);
}

// An instant (audit entries, backups) shown in Vietnam time: dd/MM/yyyy HH:mm.
export function showDateTime(instant: string | null | undefined): string {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const local = vietnamDateTime(date);
  return `${formatVietnameseDate(local.slice(0, 10))} ${local.slice(11, 16)}`;
}

// The Vietnam day of an instant (a file closed or handed over at 23:30 UTC is the next morning).
export function showInstantDate(instant: string | null | undefined): string {
  return showDateTime(instant).slice(0, 10);
}
