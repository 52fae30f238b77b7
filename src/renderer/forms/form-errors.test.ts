import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { DATE_FORMAT_MESSAGE } from '../util/dates.ts';
import { FileReadError } from '../util/files.ts';
import { formFailure } from './form-errors.ts';

const FIELDS = ['documentDate', 'arrivalDate', 'subject'];

function invalid(...issues: Array<[path: string, message: string]>): ApiError {
  return new ApiError('INVALID_INPUT', 'Dữ liệu không hợp lệ', { issues: issues.map(([path, message]) => ({ path, message })) });
}

describe('formFailure: the server’s messages about date boxes, in the clerk’s terms', () => {
  it('says an empty required date box must be filled, not that it is no ISO date', () => {
    const f = formFailure(invalid(['documentDate', 'không phải ngày hợp lệ (YYYY-MM-DD)']), FIELDS, { documentDate: '' });
    expect(f.fieldErrors.documentDate).toBe('không được để trống');
    expect(f.details).toEqual(['Ngày văn bản: không được để trống']);
  });

  it('words a date cleared in the edit form (sent as null) the same way', () => {
    const f = formFailure(invalid(['documentDate', 'phải là ngày dạng YYYY-MM-DD']), FIELDS, { documentDate: '   ' });
    expect(f.fieldErrors.documentDate).toBe('không được để trống');
  });

  it('gives the dd/mm/yyyy message for a box the form could not read', () => {
    const f = formFailure(invalid(['documentDate', 'không phải ngày hợp lệ (YYYY-MM-DD)']), FIELDS, { documentDate: '31/02/2026' });
    expect(f.fieldErrors.documentDate).toBe(DATE_FORMAT_MESSAGE);
    expect(f.details.join('\n')).not.toContain('YYYY-MM-DD');
  });

  it('adds the dd/mm/yyyy message for an unreadable box the server did not mention', () => {
    const f = formFailure(invalid(['subject', 'không được để trống']), FIELDS, { documentDate: '5/3', arrivalDate: '' });
    expect(f.fieldErrors).toEqual({ subject: 'không được để trống', documentDate: DATE_FORMAT_MESSAGE });
  });

  it('keeps what the server says about a readable date, which is a rule about the date itself', () => {
    const f = formFailure(invalid(['arrivalDate', 'không được sau hôm nay']), FIELDS, { arrivalDate: '11/03/2026' });
    expect(f.fieldErrors.arrivalDate).toBe('không được sau hôm nay');
  });

  it('leaves messages about other boxes as the server wrote them', () => {
    const f = formFailure(invalid(['subject', 'không được để trống']), FIELDS, { documentDate: '05/03/2026' });
    expect(f.fieldErrors).toEqual({ subject: 'không được để trống' });
    expect(f.message).toBe('Chưa lưu được. Kiểm tra các ô được đánh dấu:');
  });

  it('names a box the server\'s list does not know by the label the form gave it', () => {
    const f = formFailure(invalid(['creator', 'không được để trống'], ['subject', 'quá dài']), ['creator', 'subject'], {}, { creator: 'Người lập hồ sơ' });
    expect(f.details).toEqual(['Người lập hồ sơ: không được để trống', 'Trích yếu: quá dài']);
    expect(f.fieldErrors.creator).toBe('không được để trống');
  });

  it('shows a file that could not be read by its own message, not as a lost connection', () => {
    const f = formFailure(new FileReadError('cong-van.pdf'), FIELDS);
    expect(f.message).toMatch(/^Không đọc được tệp "cong-van\.pdf"/);
    expect(f.fieldErrors).toEqual({});
  });
});
