import type { Ref } from 'react';
import type { Direction } from '../../../shared/api/schemas/series.ts';
import { allTypes } from '../../../shared/domain/document-types.ts';
import { DateInput, SelectInput, TextInput } from '../../components/inputs.tsx';
import { DATE_FORMAT_MESSAGE, readDateInput } from '../../util/dates.ts';
import { PRIORITY_OPTIONS, PROCESSING_OPTIONS } from '../../util/labels.ts';
import { type ListFilters, typedNotation } from './list-filters.ts';

const TYPE_OPTIONS = [{ value: '', label: 'Tất cả' }, ...allTypes().map((t) => ({ value: t.key, label: t.name }))];

const SORT_OPTIONS = [
  { value: 'number:desc', label: 'Số — mới nhất trước' },
  { value: 'number:asc', label: 'Số — theo thứ tự sổ' },
  { value: 'documentDate:desc', label: 'Ngày văn bản — mới nhất trước' },
  { value: 'documentDate:asc', label: 'Ngày văn bản — cũ nhất trước' },
  { value: 'dueDate:asc', label: 'Hạn xử lý — gần nhất trước' },
  { value: 'dueDate:desc', label: 'Hạn xử lý — xa nhất trước' },
];

interface FilterBarProps {
  readonly direction: Direction;
  readonly filters: ListFilters;
  readonly years: readonly number[];
  readonly onChange: (next: ListFilters) => void;
  readonly searchRef: Ref<HTMLInputElement>;
}

function dateError(text: string): string | undefined {
  return readDateInput(text) === 'invalid' ? DATE_FORMAT_MESSAGE : undefined;
}

function notationError(text: string): string | undefined {
  return text.trim() !== '' && typedNotation(text) === null ? 'nhập số và ký hiệu hồ sơ, ví dụ 01.VP' : undefined;
}

export function FilterBar({ direction, filters, years, onChange, searchRef }: FilterBarProps) {
  const set = <K extends keyof ListFilters>(key: K) => (value: string) => onChange({ ...filters, [key]: value });
  return (
    <div className="filters" role="search">
      <div className="field field--search">
        <label htmlFor={`search-${direction}`}>Tìm kiếm (Ctrl+K)</label>
        <input
          id={`search-${direction}`}
          ref={searchRef}
          type="search"
          value={filters.query}
          placeholder="Trích yếu, số ký hiệu, cơ quan, người ký, ghi chú… (gõ không dấu được)"
          onChange={(e) => set('query')(e.target.value)}
        />
      </div>
      <SelectInput
        label="Năm"
        name="year"
        value={filters.year}
        onChange={set('year')}
        options={[{ value: '', label: 'Tất cả' }, ...years.map((y) => ({ value: String(y), label: String(y) }))]}
      />
      <SelectInput label="Loại văn bản" name="documentType" value={filters.documentType} onChange={set('documentType')} options={TYPE_OPTIONS} />
      <DateInput label="Từ ngày" name="from" value={filters.from} onChange={set('from')} error={dateError(filters.from)} />
      <DateInput label="Đến ngày" name="to" value={filters.to} onChange={set('to')} error={dateError(filters.to)} />
      <SelectInput
        label="Trạng thái"
        name="status"
        value={filters.status}
        onChange={set('status')}
        options={[
          { value: 'all', label: 'Tất cả' },
          { value: 'active', label: 'Còn hiệu lực' },
          { value: 'void', label: 'Đã hủy' },
        ]}
      />
      <SelectInput
        label="Độ khẩn"
        name="priority"
        value={filters.priority}
        onChange={set('priority')}
        options={[{ value: '', label: 'Tất cả' }, { value: 'urgent', label: 'Khẩn trở lên' }, ...PRIORITY_OPTIONS]}
      />
      {direction === 'incoming' ? (
        <SelectInput
          label="Xử lý"
          name="processingStatus"
          value={filters.processingStatus}
          onChange={set('processingStatus')}
          options={[{ value: '', label: 'Tất cả' }, ...PROCESSING_OPTIONS]}
        />
      ) : null}
      <TextInput label="Hồ sơ" name="caseFile" value={filters.caseFile} onChange={set('caseFile')} error={notationError(filters.caseFile)} hint="Số và ký hiệu, ví dụ 01.VP" />
      <SelectInput
        label="Sắp xếp"
        name="sort"
        value={`${filters.sort}:${filters.order}`}
        onChange={(v) => {
          const [sort, order] = v.split(':') as [ListFilters['sort'], ListFilters['order']];
          onChange({ ...filters, sort, order });
        }}
        options={SORT_OPTIONS}
        hint={filters.query.trim() ? 'Kết quả tìm kiếm xếp theo thứ tự vào sổ' : undefined}
      />
    </div>
  );
}
