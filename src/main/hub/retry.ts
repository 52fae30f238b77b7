import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryPolicy {
  // Tries in all, the first included.
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 10_000 };

// Exponential backoff with full jitter (a uniform wait between zero and the capped exponential):
// many desks coming back after the same outage do not hit the hub in step.
export function backoffDelay(policy: RetryPolicy, retryIndex: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retryIndex);
  return Math.floor(random() * ceiling);
}

export async function withRetry<T>(policy: RetryPolicy, random: () => number, shouldRetry: (e: unknown) => boolean, attempt: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (e) {
      if (i + 1 >= policy.attempts || !shouldRetry(e)) throw e;
      await sleep(backoffDelay(policy, i, random));
    }
  }
}
