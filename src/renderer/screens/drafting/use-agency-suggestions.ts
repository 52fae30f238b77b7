import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiQuery } from '../../api/queries.ts';
import { useDebounced } from '../../util/use-debounced.ts';
import type { AgencySuggestion } from './agency-match.ts';

const MIN_LENGTH = 2;
const DEBOUNCE_MS = 200;

// Agencies of the cached hub directory whose name or code matches what the clerk is typing
// (diacritics ignored, server side): works offline, since the directory is kept in the profile.
// The last suggestions stay while the next are asked for; a failed search suggests nothing.
export function useAgencySuggestions(query: string): readonly AgencySuggestion[] {
  const asked = useDebounced(query, DEBOUNCE_MS);
  const search = useQuery({
    ...apiQuery('hub.agencies', { query: asked, limit: 8, offset: 0 }),
    enabled: asked.trim().length >= MIN_LENGTH,
    placeholderData: keepPreviousData,
  });
  return query.trim().length >= MIN_LENGTH ? (search.data?.items ?? []) : [];
}
