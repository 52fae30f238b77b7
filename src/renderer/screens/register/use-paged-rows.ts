import { hashKey, type QueryClient, queryOptions, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ListResult } from '../../../shared/api/schemas/documents.ts';
import { errorMessage } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import type { ListRequest } from './list-filters.ts';

export const PAGE_SIZE = 100;
// Pages kept in the cache for one list, whatever the clerk scrolled through; those farthest from
// the view go first. Twenty pages are many screens either side of the view.
const MAX_PAGES = 20;
// Rows are asked for once scrolling pauses this long. A drag of the scrollbar across 100,000 rows
// passes hundreds of pages, each an OFFSET query that gets slower the deeper it goes, on a server
// that answers one request at a time: only the pages where the clerk stops are worth asking for.
const SETTLE_MS = 150;

interface PagedRows {
  readonly total: number | null;
  readonly error: string | null;
  readonly rowAt: (index: number) => ListResult['rows'][number] | undefined;
  // The rows first..last are in view: their pages are asked for once scrolling pauses.
  readonly ensureRange: (first: number, last: number) => void;
  // Asks again for what failed: the total, and the pages in view.
  readonly retry: () => void;
}

// One page of a list: the key is the operation, the list's filters and the page. The first page
// also asks for the total.
function pageQuery(request: ListRequest, page: number) {
  return queryOptions({
    queryKey: ['documents.list', request, page] as const,
    queryFn: () => call('documents.list', { ...request, offset: page * PAGE_SIZE, limit: PAGE_SIZE, withTotal: page === 0 }),
  });
}

function pagesOf(first: number, last: number): number[] {
  const pages: number[] = [];
  for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) pages.push(p);
  return pages;
}

// Drops the pages of this list farthest from the view until MAX_PAGES remain. The first page
// (it carries the total) and the pages a query still observes (those in view) always stay.
function trim(queryClient: QueryClient, request: ListRequest, view: readonly number[]): void {
  const low = view[0] ?? 0;
  const high = view[view.length - 1] ?? low;
  const distance = (p: number) => (p < low ? low - p : p > high ? p - high : 0);
  const list = hashKey([request]);
  const pages = queryClient
    .getQueryCache()
    .findAll({ queryKey: ['documents.list'] })
    .filter((q) => hashKey([q.queryKey[1]]) === list);
  const droppable = pages
    .filter((q) => q.queryKey[2] !== 0 && q.getObserversCount() === 0)
    .sort((a, b) => distance(Number(b.queryKey[2])) - distance(Number(a.queryKey[2])));
  for (const q of droppable.slice(0, Math.max(0, pages.length - MAX_PAGES))) queryClient.removeQueries({ queryKey: q.queryKey, exact: true });
}

// The rows of a register list, fetched a page at a time by offset as they come into view, so a
// register of 100,000 rows costs only the pages the clerk actually stops at. Each page is a query:
// the pages in view when scrolling paused are observed (asked for, read again after a change), a
// page scrolled past shows from the cache while it is there, and an answer for other filters
// never shows.
export function usePagedRows(filters: ListRequest): PagedRows {
  const queryClient = useQueryClient();
  // The filters by content: a new object with the same filters is the same list.
  const key = JSON.stringify(filters);
  const request = useMemo(() => JSON.parse(key) as ListRequest, [key]);
  // The pages in view when scrolling last paused, for the filters they were in view for.
  const [view, setView] = useState<{ readonly key: string; readonly pages: readonly number[] }>({ key, pages: [] });
  const settle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inView = view.key === key ? view.pages : [];

  const first = useQuery(pageQuery(request, 0));
  const rest = useQueries({ queries: inView.filter((p) => p !== 0).map((p) => pageQuery(request, p)) });
  const observed = [first, ...rest];
  const failed = observed.find((q) => q.isError);

  useEffect(() => () => clearTimeout(settle.current), []);

  const ensureRange = useCallback(
    (firstRow: number, lastRow: number) => {
      clearTimeout(settle.current);
      settle.current = setTimeout(() => {
        const pages = pagesOf(firstRow, lastRow);
        setView({ key, pages });
        trim(queryClient, request, pages);
        // Scrolling on tries again what failed in view.
        void queryClient.refetchQueries({ queryKey: ['documents.list'], type: 'active', predicate: (q) => q.state.status === 'error' });
      }, SETTLE_MS);
    },
    [key, request, queryClient],
  );

  const retry = () => {
    for (const q of observed) if (q.isError) void q.refetch();
  };

  // The pages in view come from their queries (reading their data is what makes their answers
  // re-render the list); a page scrolled past, from the cache while it is there.
  const shown = new Map<number, ListResult['rows'] | undefined>([0, ...inView.filter((p) => p !== 0)].map((p, i) => [p, observed[i]?.data?.rows]));
  const rowAt = (index: number) => {
    const page = Math.floor(index / PAGE_SIZE);
    return (shown.get(page) ?? queryClient.getQueryData(pageQuery(request, page).queryKey)?.rows)?.[index % PAGE_SIZE];
  };
  return { total: first.data?.total ?? null, error: failed ? errorMessage(failed.error) : null, rowAt, ensureRange, retry };
}
