import { hubSettings } from '../hub/hub-settings.ts';
import type { Profile } from '../profile/open-profile.ts';
import type { SyncTrigger } from '../../shared/api/schemas/sync.ts';
import { lastScheduledSlot } from './sync-schedule.ts';
import { lastSuccessfulSync, type SyncService } from './sync-service.ts';

// How often the scheduler looks at the clock (a local check: the settings and the last run).
export const SCHEDULER_TICK_MS = 60_000;
// How often it asks the hub whether the specialised network is up (a probe: one short request).
export const PROBE_INTERVAL_MS = 5 * 60_000;

export interface SchedulerOptions {
  readonly tickMs?: number;
  // Measured on the profile's clock, so a test moves the clock instead of waiting.
  readonly probeIntervalMs?: number;
}

export interface SyncScheduler {
  // One look: run the end-of-day sync if it is due, probe the hub if it is time and run when it
  // came back. Resolves when whatever it started has finished. The timer calls it; tests too.
  tick(): Promise<void>;
  // Stops the timer; a run already going finishes on its own (every step of a run is durable).
  dispose(): void;
}

// The automatic syncs (docs/sync.md "When"), only while the hub settings say `enabled`:
// - end of day: once the day's scheduleTime (Vietnam time, the profile's clock) has passed and
//   no run has succeeded since, which also catches up at start when the app was closed then;
// - network back: a probe every PROBE_INTERVAL_MS; a hub that answers again after the last probe
//   or run found it down starts a run.
export function startSyncScheduler(service: SyncService, ready: () => Profile, options: SchedulerOptions = {}): SyncScheduler {
  const probeIntervalMs = options.probeIntervalMs ?? PROBE_INTERVAL_MS;
  // The slot already tried: a scheduled run that could not reach the hub is not repeated every
  // tick; the network-back run takes over.
  let triedSlot: string | null = null;
  let lastProbeAt: number | null = null;
  let ticking: Promise<void> | null = null;
  let disposed = false;

  async function run(p: Profile, trigger: SyncTrigger): Promise<void> {
    await service.start(p, trigger).done;
  }

  async function look(): Promise<void> {
    let p: Profile;
    try {
      p = ready();
    } catch {
      // No agency yet, or the profile is being restored: nothing to sync.
      return;
    }
    const settings = hubSettings(p);
    if (!settings?.enabled || !settings.hasSecret || service.running(p)) return;
    const now = p.clock.now();
    const slot = lastScheduledSlot(settings.scheduleTime, now)?.toISOString() ?? null;
    if (slot !== null && slot !== triedSlot) {
      const lastSuccess = lastSuccessfulSync(p);
      if (lastSuccess === null || new Date(lastSuccess).getTime() < new Date(slot).getTime()) {
        triedSlot = slot;
        return run(p, 'schedule');
      }
    }
    if (lastProbeAt !== null && now.getTime() - lastProbeAt < probeIntervalMs) return;
    lastProbeAt = now.getTime();
    const wasDown = service.network(p)?.reachable === false;
    const network = await service.probe(p);
    if (wasDown && network.reachable && !disposed) await run(p, 'network-back');
  }

  const tick = (): Promise<void> => {
    if (disposed) return Promise.resolve();
    // A tick while the previous one still works (a long run) is the same tick.
    ticking ??= look()
      .catch((e: unknown) => {
        try {
          ready().logger.log('warn', 'sync.scheduler.failed', { detail: e instanceof Error ? e.message : String(e) });
        } catch {
          // The profile is gone (closing); nothing to log into.
        }
      })
      .finally(() => {
        ticking = null;
      });
    return ticking;
  };

  const timer = setInterval(() => void tick(), options.tickMs ?? SCHEDULER_TICK_MS);
  // The timer alone must not keep a CLI or test process alive.
  timer.unref();
  return {
    tick,
    dispose() {
      disposed = true;
      clearInterval(timer);
    },
  };
}
