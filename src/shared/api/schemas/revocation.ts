import { z } from 'zod';
import { isoDateTime } from './common.ts';

// The revocation lists (CRLs) kept in the profile for checking signatures offline
// (docs/signing.md "Revocation"): a refresh from the CAs' distribution points, and what is kept.

export const CRL_REFRESH_OUTCOMES = ['fetched', 'unchanged', 'failed'] as const;

// One distribution point of a refresh: a newer list kept, the same list as before (or the server
// said "not modified"), or a failure, after which the list kept before (if any) is still used.
export const crlRefreshEntry = z.object({
  url: z.string(),
  outcome: z.enum(CRL_REFRESH_OUTCOMES),
  issuer: z.string().nullable(),
  thisUpdate: isoDateTime.nullable(),
  nextUpdate: isoDateTime.nullable(),
  // Failures only: for the clerk, and in English for whoever reads the log.
  reasonVi: z.string().nullable(),
  detail: z.string().nullable(),
});
export type CrlRefreshEntry = z.infer<typeof crlRefreshEntry>;

export const crlRefreshResult = z.object({
  startedAt: isoDateTime,
  finishedAt: isoDateTime,
  fetched: z.int().min(0),
  unchanged: z.int().min(0),
  failed: z.int().min(0),
  // Points not asked because they were checked a short while ago (refreshes after a sync).
  skipped: z.int().min(0),
  results: z.array(crlRefreshEntry),
});
export type CrlRefreshResult = z.infer<typeof crlRefreshResult>;

export const cachedCrl = z.object({
  url: z.string(),
  issuer: z.string(),
  thisUpdate: isoDateTime,
  nextUpdate: isoDateTime.nullable(),
  fetchedAt: isoDateTime,
  // The last time the server sent this list or confirmed it unchanged.
  checkedAt: isoDateTime,
  size: z.int().min(0),
  sha256: z.string(),
  // Past its next update: a certificate it does not list may have been revoked since.
  stale: z.boolean(),
  // The file is in the profile (false after restoring a backup, which does not carry the lists,
  // until the next refresh).
  present: z.boolean(),
  // The last refresh of this point that failed since it was fetched (the list is still used).
  lastFailure: z.object({ at: isoDateTime, reasonVi: z.string() }).nullable(),
});
export type CachedCrl = z.infer<typeof cachedCrl>;

export const revocationStatus = z.object({
  crls: z.array(cachedCrl),
  // Distribution points of trusted certificates with no list kept yet.
  missingUrls: z.array(z.string()),
});
export type RevocationStatus = z.infer<typeof revocationStatus>;
