import type { TodayWork } from '../../../shared/api/schemas/today.ts';
import { addWorkingDays } from '../../../shared/domain/working-days.ts';
import { readTransaction } from '../../db/connection.ts';
import { today as todayOf } from '../clock.ts';
import type { RegistryContext } from '../context.ts';
import { inboxWaiting } from './inbox-waiting.ts';
import { openDeadlines } from './open-deadlines.ts';
import { outboxWaiting } from './outbox-waiting.ts';
import { unissued } from './unissued.ts';
import { urgentUnpresented } from './urgent-unpresented.ts';

// Hôm nay without the sync's live state (which the sync service holds): every section read in one
// read transaction, so the counts agree with each other.
export function todayWork(ctx: RegistryContext, horizonDays: number): TodayWork {
  const today = todayOf(ctx.clock);
  const horizonEnd = addWorkingDays(today, horizonDays);
  return readTransaction(ctx.db, () => ({
    today,
    horizonDays,
    horizonEnd,
    inbox: inboxWaiting(ctx),
    urgent: urgentUnpresented(ctx),
    deadlines: openDeadlines(ctx, today, horizonEnd),
    unissued: unissued(ctx, today),
    outbox: outboxWaiting(ctx),
  }));
}
