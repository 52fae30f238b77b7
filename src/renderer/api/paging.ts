import { useInfiniteQuery } from '@tanstack/react-query';
import type { InputOf, OutputOf } from '../../shared/api/contract.ts';
import { errorMessage } from './api-error.ts';
import { call } from './client.ts';

// The lists that page by offset and answer { rows, total }, shown a page at a time with "Xem thêm".
type OffsetList = 'issuance.list' | 'inbox.list' | 'processing.list';
type Filter<K extends OffsetList> = Omit<InputOf<K>, 'offset' | 'limit'>;
type Row<K extends OffsetList> = OutputOf<K>['rows'][number];

export interface OffsetPages<R> {
  readonly rows: readonly R[];
  // null until the first page answers.
  readonly total: number | null;
  readonly error: string | null;
  readonly hasMore: boolean;
  readonly loadingMore: boolean;
  readonly loadMore: () => void;
}

const loaded = (pages: ReadonlyArray<{ readonly rows: readonly unknown[] }>) => pages.reduce((n, p) => n + p.rows.length, 0);

// One list of `filter`, `limit` rows a page; the key is [operation, filter]. When the list is
// read again (after a change, invalidated by write.ts) TanStack asks for as many pages as were
// loaded, each starting where the fresh one before it ended: the clerk keeps the rows they had
// loaded, less those that left the filter.
export function useOffsetPages<K extends OffsetList>(name: K, filter: Filter<K>, limit: number): OffsetPages<Row<K>> {
  const list = useInfiniteQuery({
    queryKey: [name, filter] as const,
    queryFn: ({ pageParam }) => call(name, { ...filter, offset: pageParam, limit } as InputOf<K>) as Promise<OutputOf<K>>,
    initialPageParam: 0,
    getNextPageParam: (last: OutputOf<K>, pages: OutputOf<K>[]) => {
      const count = loaded(pages);
      return last.rows.length > 0 && count < (last.total ?? count) ? count : null;
    },
  });
  const pages = list.data?.pages ?? [];
  const last = pages[pages.length - 1];
  return {
    rows: pages.flatMap((p) => p.rows as Row<K>[]),
    total: last ? (last.total ?? loaded(pages)) : null,
    error: list.error ? errorMessage(list.error) : null,
    hasMore: list.hasNextPage,
    loadingMore: list.isFetchingNextPage,
    loadMore: () => void list.fetchNextPage(),
  };
}
