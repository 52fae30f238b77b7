import { AppError } from '../errors.ts';
import type { IsoDate } from './dates.ts';

// The order of a document's dates in the register, checked at registration and on every
// correction alike. `registerDate` is the arrival date of an incoming document and the date of
// an outgoing one (nd30-rules §2, our rules in docs/numbering.md).
export interface RegisterDates {
  readonly direction: 'incoming' | 'outgoing';
  readonly registerDate: IsoDate;
  readonly documentDate: IsoDate;
  readonly transferDate?: IsoDate | null;
  readonly dueDate?: IsoDate | null;
}

function refuse(path: string, message: string, sentence: string, en: string): never {
  throw new AppError('INVALID_INPUT', sentence, en, { issues: [{ path, message }] });
}

export function checkRegisterDates(d: RegisterDates): void {
  const arrival = d.direction === 'incoming';
  if (arrival && d.documentDate > d.registerDate) {
    refuse('documentDate', 'không được sau ngày đến', 'Ngày văn bản không được sau ngày đến.', `document date ${d.documentDate} after arrival ${d.registerDate}`);
  }
  if (d.transferDate && d.transferDate < d.registerDate) {
    const message = arrival ? 'không được trước ngày đến' : 'không được trước ngày văn bản';
    refuse('transferDate', message, `Ngày chuyển ${message}.`, `transfer date ${d.transferDate} before ${d.registerDate}`);
  }
  if (d.dueDate && d.dueDate < d.registerDate) {
    const message = arrival ? 'không được trước ngày đến' : 'không được trước ngày văn bản';
    refuse('dueDate', message, `Hạn xử lý ${message}.`, `due date ${d.dueDate} before ${d.registerDate}`);
  }
}
