import { AppError } from '../../shared/errors.ts';
import type { IsoDate, IsoDateTime } from './model.ts';

// Wire forms of edxml.md: dates `yyyy/MM/dd`, date-times `yyyy/MM/dd HH:mm:ss` in Vietnam local
// time with no zone. Readers also meet `dd/MM/yyyy` and ISO forms, so parsing accepts those.
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;
const YMD = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/;
const DMY = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/;
const HMS = /^(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?(?:\.\d+)?$/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function realDate(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function toWireDate(iso: IsoDate): string {
  const m = ISO_DATE.exec(iso);
  if (!m) throw new AppError('INVALID_INPUT', `Ngày không hợp lệ: ${iso}.`, `not an ISO date: ${iso}`);
  return `${m[1]}/${m[2]}/${m[3]}`;
}

export function toWireDateTime(iso: IsoDateTime): string {
  const m = ISO_DATE_TIME.exec(iso);
  if (!m) throw new AppError('INVALID_INPUT', `Thời điểm không hợp lệ: ${iso}.`, `not an ISO local date-time: ${iso}`);
  return `${m[1]}/${m[2]}/${m[3]} ${m[4]}:${m[5]}:${m[6]}`;
}

export function parseWireDate(text: string): IsoDate | null {
  const t = text.trim();
  const ymd = YMD.exec(t);
  const dmy = ymd ? null : DMY.exec(t);
  const [y, m, d] = ymd ? [ymd[1], ymd[2], ymd[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (y === undefined || m === undefined || d === undefined) return null;
  if (!realDate(Number(y), Number(m), Number(d))) return null;
  return `${y}-${pad(Number(m))}-${pad(Number(d))}`;
}

// A date-time, or a bare date read as midnight (some producers drop the time).
export function parseWireDateTime(text: string): IsoDateTime | null {
  const parts = text.trim().split(/[ T]+/);
  const date = parseWireDate(parts[0] ?? '');
  if (date === null || parts.length > 2) return null;
  if (parts.length === 1) return `${date}T00:00:00`;
  const hms = HMS.exec(parts[1] ?? '');
  if (!hms) return null;
  const [h, mi, s] = [Number(hms[1]), Number(hms[2]), Number(hms[3] ?? '0')];
  if (h > 23 || mi > 59 || s > 59) return null;
  return `${date}T${pad(h)}:${pad(mi)}:${pad(s)}`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

// Text and attribute values; control characters XML 1.0 cannot carry are dropped.
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}
