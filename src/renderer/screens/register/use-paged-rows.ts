import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentRecord } from '../../../shared/api/schemas/documents.ts';
import { errorMessage } from '../../api/api-error.ts';
import { call } from '../../api/client.ts';
import type { ListRequest } from './list-filters.ts';

export const PAGE_SIZE = 100;

interface PagedRows {
  readonly total: number | null;
  readonly error: string | null;
  readonly rowAt: (index: number) => DocumentRecord | undefined;
  // Asks for the pages that cover rows first..last; already loaded or loading pages are skipped.
  readonly ensureRange: (first: number, last: number) => void;
  readonly reload: () => void;
}

// The rows of a register list, fetched a page at a time by offset as they scroll into view, so a
// register of 100,000 rows costs only the pages the clerk actually looks at. A change of query
// starts a new generation; answers for an older one are dropped.
export function usePagedRows(request: ListRequest): PagedRows {
  const key = JSON.stringify(request);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, setVersion] = useState(0);
  const [reloads, setReloads] = useState(0);
  const pages = useRef(new Map<number, DocumentRecord[]>());
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  const requestRef = useRef(request);
  requestRef.current = request;

  const load = useCallback((page: number, withTotal: boolean) => {
    if (pages.current.has(page) || loading.current.has(page)) return;
    loading.current.add(page);
    const gen = generation.current;
    call('documents.list', { ...requestRef.current, offset: page * PAGE_SIZE, limit: PAGE_SIZE, withTotal })
      .then((result) => {
        if (gen !== generation.current) return;
        pages.current.set(page, result.rows);
        if (result.total !== null) setTotal(result.total);
        setError(null);
        setVersion((v) => v + 1);
      })
      .catch((e: unknown) => {
        if (gen === generation.current) setError(errorMessage(e));
      })
      .finally(() => {
        if (gen === generation.current) loading.current.delete(page);
      });
  }, []);

  useEffect(() => {
    generation.current++;
    pages.current = new Map();
    loading.current = new Set();
    setTotal(null);
    setError(null);
    load(0, true);
  }, [key, reloads, load]);

  const ensureRange = useCallback(
    (first: number, last: number) => {
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) load(p, false);
    },
    [load],
  );

  const rowAt = useCallback((index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], []);
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { total, error, rowAt, ensureRange, reload };
}
