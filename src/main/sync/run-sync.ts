import { isAppError } from '../../shared/errors.ts';
import { statement } from '../db/statements.ts';
import type { HubClient } from '../hub/hub-client.ts';
import type { Profile } from '../profile/open-profile.ts';
import { timestamp } from '../registry/clock.ts';
import { receiveDocuments } from './receive-documents.ts';
import { receiveStatuses } from './receive-statuses.ts';
import { type PackageBuilders, reconcileUnknownSends, sendPending } from './send-packages.ts';
import { agencyOrganization } from './status-package.ts';
import { emptyProgress, type ProgressListener, type SyncProgress } from './sync-progress.ts';

export type SyncOutcome = 'ok' | 'partial' | 'offline' | 'failed';

export interface SyncSummary extends SyncProgress {
  readonly runId: number;
  readonly outcome: SyncOutcome;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly messageVi: string;
}

export interface SyncDeps {
  readonly client: HubClient;
  readonly builders: PackageBuilders;
  readonly resourcesDir?: string;
  readonly onProgress?: ProgressListener;
  readonly probeTimeoutMs?: number;
}

const MESSAGES: Readonly<Record<SyncOutcome, string>> = {
  ok: 'Đồng bộ xong.',
  partial: 'Đồng bộ chưa xong: mạng chuyên dùng bị ngắt giữa chừng. Phần còn lại sẽ được làm ở lần đồng bộ sau, không mất và không trùng.',
  offline: 'Không kết nối được trục liên thông (mạng chuyên dùng: không). Văn bản vẫn chờ trong hộp thư đi; lần đồng bộ sau sẽ gửi.',
  failed: 'Đồng bộ gặp lỗi; xem chi tiết bên dưới.',
};

// One sync run (docs/sync.md): what waited for the hub is reconciled, the queue is sent, then
// documents and statuses are received — each arriving document queues its "đã đến" status, sent
// at the end of the same run. Every step is durable on its own, so a run cut anywhere (network,
// crash) is simply continued by the next one.
export async function runSync(p: Profile, deps: SyncDeps): Promise<SyncSummary> {
  const startedAt = timestamp(p.clock);
  const runId = Number(statement(p.db, 'INSERT INTO hub_sync_runs (started_at) VALUES (?)').run(startedAt).lastInsertRowid);
  const progress = emptyProgress();
  const notify = () => deps.onProgress?.(progress);
  const from = agencyOrganization(p).organId;
  let outcome: SyncOutcome = 'ok';
  try {
    const probe = await deps.client.probe(deps.probeTimeoutMs);
    if (!probe.reachable) {
      outcome = 'offline';
    } else {
      const send = { client: deps.client, from, builders: deps.builders, onProgress: notify };
      await reconcileUnknownSends(p, progress, deps.client);
      const first = await sendPending(p, progress, send);
      await receiveDocuments(p, progress, { client: deps.client, resourcesDir: deps.resourcesDir, onProgress: notify });
      await receiveStatuses(p, progress, deps.client, notify);
      const last = first === 'done' ? await sendPending(p, progress, send) : first;
      if (last === 'stopped') outcome = 'partial';
    }
  } catch (e) {
    if (!isAppError(e)) throw e;
    outcome = e.code === 'HUB_UNREACHABLE' ? 'partial' : 'failed';
    progress.failures.push({
      what: 'Đồng bộ',
      reasonVi: e.messageVi,
      actionVi: outcome === 'partial' ? 'Chờ mạng chuyên dùng có lại rồi đồng bộ tiếp.' : 'Báo cho cán bộ kỹ thuật kèm nhật ký.',
    });
    p.logger.log('warn', 'sync.stopped', { runId, code: e.code, detail: e.message });
  }
  if (outcome === 'ok' && progress.failures.length > 0) outcome = 'partial';
  const finishedAt = timestamp(p.clock);
  const summary: SyncSummary = { ...progress, runId, outcome, startedAt, finishedAt, messageVi: MESSAGES[outcome] };
  statement(p.db, 'UPDATE hub_sync_runs SET finished_at = ?, outcome = ?, summary_json = ? WHERE id = ?').run(finishedAt, outcome, JSON.stringify(summary), runId);
  notify();
  return summary;
}
