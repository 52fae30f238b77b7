import type { AgencySearchResult } from '../../../shared/api/schemas/hub.ts';

export type AgencySuggestion = AgencySearchResult['items'][number];

// The agency the clerk picked from the list: the typed name is exactly one suggestion's name.
export function pickedAgency(items: readonly AgencySuggestion[], name: string): AgencySuggestion | null {
  const matches = items.filter((a) => a.name === name);
  return matches.length === 1 ? (matches[0] ?? null) : null;
}
