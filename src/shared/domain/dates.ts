// Dates in the registers are calendar dates in Vietnam (UTC+7, no daylight saving), stored as
// ISO `YYYY-MM-DD` and shown as `dd/MM/yyyy`. Times are ISO with an explicit +07:00 offset.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const VI_DATE = /^\s*(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})\s*$/;

export type IsoDate = string;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function shifted(now: Date): Date {
  return new Date(now.getTime() + VIETNAM_OFFSET_MS);
}

export function vietnamToday(now: Date = new Date()): IsoDate {
  const d = shifted(now);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function vietnamDateTime(now: Date = new Date()): string {
  const d = shifted(now);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+07:00`
  );
}

export function isValidIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  return isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

// Parses what a clerk types: `5/1/2026` or `05/01/2026`. Returns null when it is not a real date.
export function parseVietnameseDate(text: string): IsoDate | null {
  const m = VI_DATE.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  if (!isRealDate(year, month, day)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function formatVietnameseDate(iso: IsoDate | null | undefined): string {
  if (!iso) return '';
  const m = ISO_DATE.exec(iso.slice(0, 10));
  if (!m) return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

export function yearOf(iso: IsoDate): number {
  return Number(iso.slice(0, 4));
}

// For file names (exports, backups): Vietnam time, sortable, no characters Windows forbids.
export function vietnamFileStamp(now: Date = new Date()): string {
  return vietnamDateTime(now).slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
}
