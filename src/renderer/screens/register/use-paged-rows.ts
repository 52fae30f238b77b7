import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { DocumentRecord } from '../../../shared/api/schemas/documents.ts';
import { errorMessage } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import type { ListRequest } from './list-filters.ts';

export const PAGE_SIZE = 100;
// Pages kept in memory, whatever the clerk scrolled through; those farthest from the view go
// first. Twenty pages are many screens either side of the view.
const MAX_PAGES = 20;
// Rows are asked for once scrolling pauses this long. A drag of the scrollbar across 100,000 rows
// passes hundreds of pages, each an OFFSET query that gets slower the deeper it goes, on a server
// that answers one request at a time: only the pages where the clerk stops are worth asking for.
const SETTLE_MS = 150;

interface PagedRows {
  readonly total: number | null;
  readonly error: string | null;
  readonly rowAt: (index: number) => DocumentRecord | undefined;
  // The rows first..last are in view: their missing pages are asked for once scrolling pauses.
  readonly ensureRange: (first: number, last: number) => void;
  // Asks again for what failed: the total, and the pages in view.
  readonly retry: () => void;
}

function pagesOf(first: number, last: number): number[] {
  const pages: number[] = [];
  for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) pages.push(p);
  return pages;
}

// The rows of a register list, fetched a page at a time by offset as they come into view, so a
// register of 100,000 rows costs only the pages the clerk actually stops at. A change of query
// starts a new generation; answers for an older one are dropped.
export function usePagedRows(request: ListRequest): PagedRows {
  const key = JSON.stringify(request);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, setVersion] = useState(0);
  const pages = useRef(new Map<number, DocumentRecord[]>());
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  const view = useRef({ first: 0, last: -1 });
  const settle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const requestRef = useRef(request);
  const totalRef = useRef(total);
  // The loads started from callbacks read the latest request and total; kept before any effect
  // of this render runs (layout effects run first).
  useLayoutEffect(() => {
    requestRef.current = request;
    totalRef.current = total;
  });

  // Drops the pages farthest from the view until MAX_PAGES remain; pages in view always stay.
  const trim = useCallback(() => {
    const inView = pagesOf(view.current.first, view.current.last);
    const low = inView[0] ?? 0;
    const high = inView[inView.length - 1] ?? low;
    const distance = (p: number) => (p < low ? low - p : p > high ? p - high : 0);
    const byDistance = [...pages.current.keys()].filter((p) => distance(p) > 0).sort((a, b) => distance(b) - distance(a));
    for (const p of byDistance) {
      if (pages.current.size <= MAX_PAGES) break;
      pages.current.delete(p);
    }
  }, []);

  const load = useCallback(
    (page: number, withTotal: boolean) => {
      if (pages.current.has(page) || loading.current.has(page)) return;
      loading.current.add(page);
      const gen = generation.current;
      call('documents.list', { ...requestRef.current, offset: page * PAGE_SIZE, limit: PAGE_SIZE, withTotal })
        .then((result) => {
          if (gen !== generation.current) return;
          pages.current.set(page, result.rows);
          trim();
          if (result.total !== null) setTotal(result.total);
          setVersion((v) => v + 1);
        })
        .catch((e: unknown) => {
          if (gen === generation.current) setError(errorMessage(e));
        })
        .finally(() => {
          if (gen === generation.current) loading.current.delete(page);
        });
    },
    [trim],
  );

  // A new attempt at the pages in view: an earlier failure is no longer news.
  const loadView = useCallback(() => {
    const { first, last } = view.current;
    if (last < first) return;
    setError(null);
    for (const p of pagesOf(first, last)) load(p, false);
  }, [load]);

  useEffect(() => {
    generation.current++;
    pages.current = new Map();
    loading.current = new Set();
    view.current = { first: 0, last: -1 };
    // Another list: what the old one showed goes before its first page answers. The pages live
    // outside React (a window over 100,000 rows), so this hook, not a query cache, owns them.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setTotal(null);
    setError(null);
    load(0, true);
    return () => clearTimeout(settle.current);
  }, [key, load]);

  const ensureRange = useCallback(
    (first: number, last: number) => {
      view.current = { first, last };
      clearTimeout(settle.current);
      // Every row in view is there: whatever failed before is out of sight and out of mind.
      if (pagesOf(first, last).every((p) => pages.current.has(p))) {
        setError(null);
        return;
      }
      settle.current = setTimeout(loadView, SETTLE_MS);
    },
    [loadView],
  );

  const retry = useCallback(() => {
    setError(null);
    if (totalRef.current === null) load(0, true);
    loadView();
  }, [load, loadView]);

  const rowAt = useCallback((index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], []);
  return { total, error, rowAt, ensureRange, retry };
}
