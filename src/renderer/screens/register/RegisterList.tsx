import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { OutputOf } from '../../../shared/api/contract.ts';
import type { Direction } from '../../../shared/api/schemas/series.ts';
import { apiQuery } from '../../api/queries.ts';
import { useApp } from '../../app/app-context.ts';
import { Notice } from '../../components/Notice.tsx';
import { showCount } from '../../util/format.ts';
import { useDebounced } from '../../util/use-debounced.ts';
import { columnsFor } from './columns.tsx';
import { FilterBar } from './FilterBar.tsx';
import { type ListFilters, toListRequest } from './list-filters.ts';
import { usePagedRows } from './use-paged-rows.ts';
import { VirtualTable } from './VirtualTable.tsx';

// documents.list counts search matches only up to this many (the server's cap).
const SEARCH_COUNT_CAP = 10_000;
const SEARCH_DELAY_MS = 250;

// Search requests already served, across mounts: a list opened by Ctrl+K focuses its box once.
let handledSearchRequest = 0;

interface RegisterListProps {
  readonly direction: Direction;
  readonly filters: ListFilters;
  readonly onFiltersChange: (next: ListFilters) => void;
}

// Past the cap the server returns the first 10,000 matches in registration order: the newest
// with the default order, the oldest with an ascending one.
function countText(total: number | null, searching: boolean, order: ListFilters['order']): string {
  if (total === null) return 'Đang tải…';
  if (searching && total > SEARCH_COUNT_CAP) {
    const which = order === 'asc' ? 'vào sổ sớm nhất' : 'mới nhất';
    return `Hơn ${showCount(SEARCH_COUNT_CAP)} kết quả — chỉ hiện ${showCount(SEARCH_COUNT_CAP)} kết quả ${which}, hãy thu hẹp tìm kiếm`;
  }
  if (searching) return `${showCount(total)} kết quả`;
  return `${showCount(total)} văn bản`;
}

// The years of this direction's registers, this year always among them, newest first.
function yearsOf(registers: OutputOf<'registers.list'>, direction: Direction, thisYear: number): number[] {
  return [...new Set([thisYear, ...registers.filter((r) => r.direction === direction).map((r) => r.year)])].sort((a, b) => b - a);
}

export function RegisterList({ direction, filters, onFiltersChange }: RegisterListProps) {
  const { navigate, searchRequest, info } = useApp();
  const thisYear = Number(info.today.slice(0, 4));
  const searchRef = useRef<HTMLInputElement>(null);
  const registers = useQuery(apiQuery('registers.list', {}));
  const years = registers.data ? yearsOf(registers.data, direction, thisYear) : registers.error ? [thisYear] : [];
  // Typing in the search box waits for a pause before asking the server; the other filters apply
  // at once.
  const query = useDebounced(filters.query, SEARCH_DELAY_MS);
  const debounced = { ...filters, query };

  const request = toListRequest(direction, debounced);
  const { total, error, rowAt, ensureRange, retry } = usePagedRows(request);
  const searching = Boolean(request.query);
  const count = total === null ? 0 : searching ? Math.min(total, SEARCH_COUNT_CAP) : total;

  useEffect(() => {
    if (searchRequest > handledSearchRequest) {
      handledSearchRequest = searchRequest;
      searchRef.current?.focus();
      searchRef.current?.select();
    }
  }, [searchRequest]);

  const open = useCallback((d: { id: number }) => navigate({ name: 'document', id: d.id }), [navigate]);
  const title = direction === 'incoming' ? 'Sổ văn bản đến' : 'Sổ văn bản đi';
  return (
    <section className="screen screen--list" aria-labelledby="screen-title">
      <header className="screen__header">
        <h1 id="screen-title" tabIndex={-1}>
          {title}
        </h1>
        <button
          type="button"
          className="button button--primary"
          onClick={() => navigate({ name: direction === 'incoming' ? 'incoming-new' : 'outgoing-new' })}
        >
          {direction === 'incoming' ? 'Vào sổ văn bản đến' : 'Cấp số văn bản đi'}
        </button>
      </header>
      <FilterBar direction={direction} filters={filters} years={years} onChange={onFiltersChange} searchRef={searchRef} />
      <p className="list-count" aria-live="polite" data-testid="list-count">
        {countText(total, searching, debounced.order)}
      </p>
      {error ? (
        <Notice tone="error">
          {error}{' '}
          <button type="button" className="button button--quiet" onClick={retry}>
            Thử lại
          </button>
        </Notice>
      ) : null}
      {total === 0 ? (
        <p className="empty">{searching ? 'Không tìm thấy văn bản nào.' : 'Sổ chưa có văn bản nào theo điều kiện này.'}</p>
      ) : (
        <VirtualTable
          label={title}
          columns={columnsFor(direction)}
          count={count}
          rowAt={rowAt}
          ensureRange={ensureRange}
          onOpen={open}
          positionKey={{ list: direction, query: JSON.stringify(request) }}
        />
      )}
    </section>
  );
}
