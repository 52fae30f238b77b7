import { useState } from 'react';
import type { Direction } from '../../shared/api/schemas/series.ts';
import { DEFAULT_FILTERS, type ListFilters } from '../screens/register/list-filters.ts';

export type AllListFilters = Readonly<Record<Direction, ListFilters>>;

// A list still showing the year it opened on follows the calendar into the new year; a year the
// clerk chose (or "Tất cả") is kept.
function followYear(all: AllListFilters, from: string, to: string): AllListFilters {
  const move = (f: ListFilters) => (f.year === from ? { ...f, year: to } : f);
  return { incoming: move(all.incoming), outgoing: move(all.outgoing) };
}

// The filters of the two register lists, kept while the clerk visits other screens. Registers
// are kept per year, so the lists open on the server's this year; null until today is known.
export function useListFilters(today: string | undefined) {
  const [state, setState] = useState<{ readonly today: string; readonly filters: AllListFilters } | null>(null);
  // Adjusted while rendering, when today changes, so no screen ever renders with last year's
  // filters on the first render of the new day.
  if (today !== undefined && state?.today !== today) {
    const year = today.slice(0, 4);
    const opening = { ...DEFAULT_FILTERS, year };
    setState({ today, filters: state ? followYear(state.filters, state.today.slice(0, 4), year) : { incoming: opening, outgoing: opening } });
  }
  const setFilters = (direction: Direction, next: ListFilters) =>
    setState((s) => s && { ...s, filters: { ...s.filters, [direction]: next } });
  return { listFilters: state?.filters ?? null, setFilters };
}
