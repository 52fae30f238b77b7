import type { Profile } from '../../src/main/profile/open-profile.ts';
import { listDocuments } from '../../src/main/registry/listing.ts';
import { type ListQuery, listQuery } from '../../src/shared/api/schemas/documents.ts';
import { percentile, round } from './stats.ts';

export interface QueryTiming {
  readonly query: ListQuery;
  readonly p50Ms: number;
  readonly maxMs: number;
  readonly rows: number;
  readonly total: number | null;
}

export interface MixTiming {
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly perQuery: QueryTiming[];
}

// Runs every query of the mix once to warm the caches (the clerk's database is in use, not
// cold), then `rounds` more times, interleaved so no query is measured only right after itself.
// Each sample is one listDocuments call as the API handler makes it: page and total.
export function measureMix(profile: Profile, queries: readonly ListQuery[], rounds: number): MixTiming {
  const parsed = queries.map((q) => listQuery.parse(q));
  const samples = parsed.map(() => [] as number[]);
  const last = parsed.map((q) => listDocuments(profile, q));
  for (let pass = 0; pass < rounds; pass++) {
    parsed.forEach((q, i) => {
      const start = performance.now();
      last[i] = listDocuments(profile, q);
      samples[i]?.push(performance.now() - start);
    });
  }
  const all = samples.flat();
  return {
    p50Ms: round(percentile(all, 50)),
    p95Ms: round(percentile(all, 95)),
    perQuery: queries.map((query, i) => ({
      query,
      p50Ms: round(percentile(samples[i] ?? [], 50)),
      maxMs: round(Math.max(...(samples[i] ?? []))),
      rows: last[i]?.rows.length ?? 0,
      total: last[i]?.total ?? null,
    })),
  };
}
