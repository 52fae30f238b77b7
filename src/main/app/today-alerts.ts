import type { DueHandovers } from '../../shared/api/schemas/casefiles.ts';
import type { TodaySummary } from '../../shared/api/schemas/today.ts';
import type { Logger } from '../log/logger.ts';
import { attentionCount, type DesktopNotice, decideNotices, type NoticeState } from '../services/today-notices.ts';

// What the shell gives the alerts: Hôm nay as the services answer it (the day's summary and the
// case files due at the agency archive), and the two things only Electron can do. Nothing here
// decides what to say (services/today-notices.ts does).
export interface AlertPorts {
  readonly read: () => TodaySummary | Promise<TodaySummary>;
  readonly readDueHandovers: () => DueHandovers | Promise<DueHandovers>;
  readonly notify: (notice: DesktopNotice) => void;
  readonly setCount: (count: number) => void;
}

export interface TodayAlerts {
  // Reads Hôm nay once and shows what changed; the timer calls it, a test can too.
  check(): Promise<void>;
  dispose(): void;
}

// A minute is soon enough for a delivery the scheduled sync brought in, and the summary costs a
// few indexed queries.
export const CHECK_INTERVAL_MS = 60_000;

export function startTodayAlerts(ports: AlertPorts, logger: Logger, intervalMs = CHECK_INTERVAL_MS): TodayAlerts {
  let state: NoticeState | null = null;
  let shownCount: number | null = null;
  let running: Promise<void> | null = null;
  let skipped: string | null = null;

  const once = async (): Promise<void> => {
    let summary: TodaySummary;
    let due: DueHandovers;
    try {
      [summary, due] = await Promise.all([ports.read(), ports.readDueHandovers()]);
    } catch (e) {
      // Before the first-run form is filled in (or while a restore holds the profile) there is no
      // Hôm nay yet: nothing to announce, the next check tries again.
      const detail = e instanceof Error ? e.message : String(e);
      if (detail !== skipped) logger.log('info', 'today.alerts.skipped', { detail });
      skipped = detail;
      return;
    }
    skipped = null;
    const decided = decideNotices(state, summary, due);
    state = decided.state;
    for (const notice of decided.notices) {
      ports.notify(notice);
      logger.log('info', 'today.notice', { kind: notice.kind });
    }
    const count = attentionCount(summary, due);
    if (count !== shownCount) {
      ports.setCount(count);
      shownCount = count;
    }
  };

  const alerts: TodayAlerts = {
    check() {
      // One at a time: a slow read is not overtaken by the next tick.
      running ??= once().finally(() => {
        running = null;
      });
      return running;
    },
    dispose() {
      clearInterval(timer);
    },
  };
  const timer = setInterval(() => void alerts.check(), intervalMs);
  timer.unref?.();
  return alerts;
}
