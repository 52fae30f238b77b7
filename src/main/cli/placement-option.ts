import { AppError } from '../../shared/errors.ts';
import type { Rect } from '../pdf/sign-pdf.ts';
import { optional, type Parsed } from './args.ts';

function bad(vi: string, en: string): AppError {
  return new AppError('INVALID_INPUT', vi, en);
}

// --page N (1-based, as the clerk counts) and --rect x1,y1,x2,y2 in PDF points from the bottom
// left: where a signature goes when the clerk places it by hand (`vanthu sign`, `vanthu issue`).
export function placementOf(p: Parsed): { page: number; rect: Rect } | null {
  const rect = optional(p, 'rect');
  if (rect === undefined) return null;
  const numbers = rect.split(',').map((s) => Number(s.trim()));
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n))) throw bad('--rect phải có dạng x1,y1,x2,y2 (điểm PDF).', `bad --rect ${rect}`);
  const page = Number(optional(p, 'page') ?? '1');
  if (!Number.isInteger(page) || page < 1) throw bad('--page phải là số trang từ 1.', `bad --page ${optional(p, 'page')}`);
  return { page: page - 1, rect: numbers as unknown as Rect };
}
