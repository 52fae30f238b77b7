import { isValidIsoDate } from '../../../shared/domain/dates.ts';
import { AppError } from '../../../shared/errors.ts';

// The renderers take their input from the case-files records, but a form printed with a negative
// count or an impossible date would be a false record: such input is refused, with the field named.
function refuse(vi: string, en: string): never {
  throw new AppError('INVALID_INPUT', `Không in được biểu mẫu: ${vi}.`, en);
}

export function checkYear(year: number, what: string): void {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) refuse(`năm của ${what} không hợp lệ`, `${what}: year ${year}`);
}

export function checkDate(iso: string | null, what: string): void {
  if (iso !== null && !isValidIsoDate(iso)) refuse(`ngày của ${what} không hợp lệ (${String(iso).slice(0, 20)})`, `${what}: date ${iso}`);
}

export function checkCount(value: number | null, what: string): void {
  if (value !== null && (!Number.isSafeInteger(value) || value < 0)) refuse(`${what} phải là số nguyên không âm`, `${what}: ${value}`);
}

export function checkOrdinal(value: number, what: string, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isSafeInteger(value) || value < 1 || value > max) refuse(`số thứ tự của ${what} không hợp lệ`, `${what}: ordinal ${value}`);
}

export function checkRetention(years: number | null, what: string): void {
  if (years !== null && (!Number.isInteger(years) || years < 1 || years > 200)) refuse(`thời hạn bảo quản của ${what} không hợp lệ`, `${what}: retention ${years}`);
}

export function checkMetres(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0) refuse(`${what} phải là số không âm`, `${what}: ${value}`);
}

export function checkRequired(text: string, what: string): void {
  if (text.trim() === '') refuse(`thiếu ${what}`, `${what}: empty`);
}

export function checkPageRange(from: number | null, to: number | null, what: string): void {
  checkCount(from, `tờ đầu của ${what}`);
  checkCount(to, `tờ cuối của ${what}`);
  if (from !== null && to !== null && to < from) refuse(`tờ cuối của ${what} đứng trước tờ đầu`, `${what}: pages ${from}-${to}`);
}
