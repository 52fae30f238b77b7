import { useEffect, useState } from 'react';
import { call } from '../../api/client.ts';
import type { AgencySuggestion } from './agency-match.ts';

const MIN_LENGTH = 2;
const DEBOUNCE_MS = 200;

// Agencies of the cached hub directory whose name or code matches what the clerk is typing
// (diacritics ignored, server side): works offline, since the directory is kept in the profile.
export function useAgencySuggestions(query: string): readonly AgencySuggestion[] {
  const [items, setItems] = useState<readonly AgencySuggestion[]>([]);
  useEffect(() => {
    if (query.trim().length < MIN_LENGTH) {
      setItems([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      call('hub.agencies', { query, limit: 8, offset: 0 })
        .then((r) => live && setItems(r.items))
        .catch(() => live && setItems([]));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);
  return items;
}
