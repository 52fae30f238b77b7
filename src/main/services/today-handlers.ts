import type { SyncStateView } from '../../shared/api/schemas/sync.ts';
import type { TodaySummary } from '../../shared/api/schemas/today.ts';
import type { Profile } from '../profile/open-profile.ts';
import { todayWork } from '../registry/today/today-work.ts';
import type { SyncService } from '../sync/sync-service.ts';
import type { HandlerDeps, HandlersOf } from './handler-types.ts';

// The sync part of Hôm nay, from the state the sync service keeps (a run going, the last probe).
export function todaySyncOf(state: SyncStateView): TodaySummary['sync'] {
  return {
    configured: state.schedule !== null,
    running: state.running,
    lastRun: state.lastRun && { outcome: state.lastRun.outcome, finishedAt: state.lastRun.finishedAt, messageVi: state.lastRun.messageVi },
    lastSuccessAt: state.lastSuccessAt,
    network: state.network && { reachable: state.network.reachable, checkedAt: state.network.checkedAt },
  };
}

export function todaySummaryOf(p: Profile, sync: SyncService, horizonDays: number): TodaySummary {
  return { ...todayWork(p, horizonDays), sync: todaySyncOf(sync.state(p)) };
}

// Hôm nay (docs/ui.md): the screen the app opens on, and what the shell's notifications and
// taskbar count are computed from.
export function createTodayHandlers({ ready, sync }: Pick<HandlerDeps, 'ready' | 'sync'>): HandlersOf<'today'> {
  return {
    'today.summary': (input) => todaySummaryOf(ready(), sync, input.horizonDays),
  };
}
