import type { Profile } from '../profile/open-profile.ts';
import { logCrlRefresh } from '../signing/trust/crl-log.ts';
import type { CrlFetchPolicy } from '../signing/trust/crl-policy.ts';
import { refreshProfileCrls } from '../signing/trust/profile-crls.ts';

// A sync that reached the hub says the network is up: the revocation lists are refreshed then,
// after the run's summary is recorded and answered, so they never slow or fail it. Bounded: a
// minute in all, points confirmed in the last hours skipped (a network-back sync can come every
// few minutes, and a CA's list can be megabytes). The outcome is a log line, never a sync failure.
export const AFTER_SYNC_BUDGET_MS = 60_000;
export const AFTER_SYNC_POINT_TIMEOUT_MS = 20_000;
export const AFTER_SYNC_MIN_INTERVAL_MS = 4 * 60 * 60 * 1000;

export interface AfterSyncOptions {
  readonly policy: CrlFetchPolicy;
  readonly resourcesDir?: string | undefined;
  readonly signal: AbortSignal;
}

export async function refreshCrlsAfterSync(p: Profile, options: AfterSyncOptions): Promise<void> {
  try {
    const result = await refreshProfileCrls(p, options.resourcesDir, {
      budgetMs: AFTER_SYNC_BUDGET_MS,
      timeoutMs: AFTER_SYNC_POINT_TIMEOUT_MS,
      minIntervalMs: AFTER_SYNC_MIN_INTERVAL_MS,
      allowUrl: options.policy.allowUrl,
      signal: options.signal,
    });
    logCrlRefresh(p.logger, 'sync', result);
  } catch (e) {
    p.logger.log('warn', 'crl.refresh.failed', { trigger: 'sync', detail: e instanceof Error ? e.message : String(e) });
  }
}
