import type { SyncStateView, SyncTrigger } from '../../shared/api/schemas/sync.ts';
import { isAppError } from '../../shared/errors.ts';
import { statement } from '../db/statements.ts';
import type { HubClient } from '../hub/hub-client.ts';
import { hubSettings } from '../hub/hub-settings.ts';
import type { Profile } from '../profile/open-profile.ts';
import { timestamp } from '../registry/clock.ts';
import type { CrlFetchPolicy } from '../signing/trust/crl-policy.ts';
import type { SyncSummary } from './run-sync.ts';
import type { PackageBuilders } from './send-packages.ts';
import { emptyProgress, type SyncProgress } from './sync-progress.ts';

// The sync as the app runs it: one run at a time per profile (a second request joins the one
// going), its progress kept in memory for the screen to poll, and what the last probe or run
// said about the network.

export interface NetworkState {
  readonly reachable: boolean;
  readonly checkedAt: string;
  readonly detail: string | null;
}

export interface SyncServiceOptions {
  // A client from the profile's saved settings (createHubClientFor with this side's cipher);
  // the service closes it after each run or probe.
  readonly clientFor: (p: Profile) => HubClient;
  readonly builders?: PackageBuilders;
  readonly resourcesDir?: string;
  readonly probeTimeoutMs?: number;
  // Revocation lists are refreshed after each run that reached the hub, where the policy says so
  // (docs/signing.md "Revocation"); without one, never.
  readonly crlPolicy?: CrlFetchPolicy;
}

export interface StartedRun {
  // A run was already going and this request joined it.
  readonly joined: boolean;
  // Never rejects: an unexpected failure ends as a 'failed' summary.
  readonly done: Promise<SyncSummary>;
}

export interface SyncService {
  // Starts a run or joins the one going. Throws at once (nothing started) when the hub is not
  // configured or its secret cannot be opened here.
  start(p: Profile, trigger: SyncTrigger): StartedRun;
  running(p: Profile): boolean;
  state(p: Profile): SyncStateView;
  network(p: Profile): NetworkState | null;
  // Asks the hub now (short timeout). While a run is going, the run is the answer.
  probe(p: Profile): Promise<NetworkState>;
  // Resolves when no run is going (before the profile is closed under them). A revocation-list
  // refresh that follows a run is stopped rather than waited for: the next sync does it again.
  idle(): Promise<void>;
}

interface Running {
  readonly trigger: SyncTrigger;
  readonly startedAt: string;
  progress: Readonly<SyncProgress>;
  readonly done: Promise<SyncSummary>;
}

interface Slot {
  running: Running | null;
  network: NetworkState | null;
  // A run that ended on an unexpected error has no finished row in hub_sync_runs.
  crashed: SyncSummary | null;
  // The revocation-list refresh that followed the last run, while it goes.
  revocation: { readonly done: Promise<void>; readonly stop: AbortController } | null;
}

const CRASHED_VI = 'Đồng bộ dừng vì một lỗi không mong muốn. Không có gì bị mất: lần đồng bộ sau sẽ làm tiếp.';

function lastFinishedRun(p: Profile): SyncSummary | null {
  const json = statement(p.db, 'SELECT summary_json FROM hub_sync_runs WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1').pluck().get() as string | null | undefined;
  return json ? (JSON.parse(json) as SyncSummary) : null;
}

export function lastSuccessfulSync(p: Profile): string | null {
  return (statement(p.db, "SELECT max(finished_at) FROM hub_sync_runs WHERE outcome = 'ok'").pluck().get() as string | null) ?? null;
}

function pendingCounts(p: Profile): SyncStateView['pending'] {
  const open = statement(p.db, "SELECT kind, count(*) AS n FROM hub_sends WHERE state IN ('pending', 'sending') GROUP BY kind").all() as Array<{ kind: string; n: number }>;
  const count = (kind: string) => open.find((r) => r.kind === kind)?.n ?? 0;
  const incoming = statement(p.db, "SELECT count(*) FROM inbox WHERE state = 'received'").pluck().get() as number;
  return { documents: count('edoc'), statuses: count('status'), incoming };
}

export function createSyncService(options: SyncServiceOptions): SyncService {
  const slots = new Map<string, Slot>();
  const slotOf = (p: Profile): Slot => {
    let slot = slots.get(p.paths.root);
    if (!slot) {
      slot = { running: null, network: null, crashed: null, revocation: null };
      slots.set(p.paths.root, slot);
    }
    return slot;
  };

  async function execute(p: Profile, slot: Slot, run: Running, client: HubClient): Promise<SyncSummary> {
    try {
      // The engine (edXML reader and writer, verifier) loads on the first sync, not at start-up.
      const [{ runSync }, { PACKAGE_BUILDERS }] = await Promise.all([import('./run-sync.ts'), import('./package-builders.ts')]);
      const summary = await runSync(p, {
        client,
        builders: options.builders ?? PACKAGE_BUILDERS,
        ...(options.resourcesDir ? { resourcesDir: options.resourcesDir } : {}),
        ...(options.probeTimeoutMs ? { probeTimeoutMs: options.probeTimeoutMs } : {}),
        onProgress: (progress) => {
          run.progress = progress;
        },
      });
      const offline = summary.outcome === 'offline';
      slot.network = { reachable: !offline, checkedAt: summary.finishedAt, detail: offline ? summary.messageVi : null };
      slot.crashed = null;
      return summary;
    } catch (e) {
      p.logger.log('error', 'sync.crashed', { trigger: run.trigger, detail: e instanceof Error ? e.message : String(e), stack: (e as Error | undefined)?.stack });
      const summary: SyncSummary = {
        ...structuredClone(run.progress),
        failures: [
          ...run.progress.failures,
          { what: 'Đồng bộ', reasonVi: isAppError(e) ? e.messageVi : CRASHED_VI, actionVi: 'Thử đồng bộ lại; nếu vẫn lỗi, báo cho cán bộ kỹ thuật kèm nhật ký.' },
        ],
        runId: 0,
        outcome: 'failed',
        startedAt: run.startedAt,
        finishedAt: timestamp(p.clock),
        messageVi: CRASHED_VI,
      };
      slot.crashed = summary;
      return summary;
    } finally {
      client.close();
      slot.running = null;
    }
  }

  // After the summary is answered, so a slow CA server never holds the run. The module loads with
  // the first refresh, like the engine above.
  function refreshRevocation(p: Profile, slot: Slot, summary: SyncSummary): void {
    const policy = options.crlPolicy;
    if (!policy?.afterSync || slot.revocation || (summary.outcome !== 'ok' && summary.outcome !== 'partial')) return;
    const stop = new AbortController();
    const done = import('./revocation-after-sync.ts')
      .then(({ refreshCrlsAfterSync }) => refreshCrlsAfterSync(p, { policy, resourcesDir: options.resourcesDir, signal: stop.signal }))
      .catch((e: unknown) => p.logger.log('warn', 'crl.refresh.failed', { trigger: 'sync', detail: e instanceof Error ? e.message : String(e) }))
      .finally(() => {
        slot.revocation = null;
      });
    slot.revocation = { done, stop };
  }

  return {
    start(p, trigger) {
      const slot = slotOf(p);
      if (slot.running) return { joined: true, done: slot.running.done };
      const client = options.clientFor(p);
      let finish: (summary: SyncSummary) => void = () => undefined;
      const done = new Promise<SyncSummary>((resolve) => (finish = resolve));
      const run: Running = { trigger, startedAt: timestamp(p.clock), progress: emptyProgress(), done };
      slot.running = run;
      p.logger.log('info', 'sync.start', { trigger });
      void execute(p, slot, run, client).then((summary) => {
        finish(summary);
        refreshRevocation(p, slot, summary);
      });
      return { joined: false, done };
    },
    running: (p) => slotOf(p).running !== null,
    async idle() {
      await Promise.all([...slots.values()].map((slot) => slot.running?.done));
      const refreshes = [...slots.values()].flatMap((slot) => (slot.revocation ? [slot.revocation] : []));
      for (const refresh of refreshes) refresh.stop.abort();
      await Promise.all(refreshes.map((refresh) => refresh.done));
    },
    network: (p) => slotOf(p).network,
    async probe(p) {
      const slot = slotOf(p);
      if (slot.running) {
        await slot.running.done;
        if (slot.network) return slot.network;
      }
      const client = options.clientFor(p);
      try {
        const result = await client.probe(options.probeTimeoutMs);
        slot.network = { reachable: result.reachable, checkedAt: timestamp(p.clock), detail: result.detail };
        return slot.network;
      } finally {
        client.close();
      }
    },
    state(p) {
      const slot = slotOf(p);
      const run = slot.running;
      const finished = lastFinishedRun(p);
      const lastRun = slot.crashed && (!finished || finished.finishedAt <= slot.crashed.finishedAt) ? slot.crashed : finished;
      const settings = hubSettings(p);
      return {
        running: run !== null,
        trigger: run?.trigger ?? null,
        startedAt: run?.startedAt ?? null,
        progress: run ? structuredClone(run.progress) : null,
        lastRun,
        lastSuccessAt: lastSuccessfulSync(p),
        network: slot.network,
        pending: pendingCounts(p),
        schedule: settings ? { enabled: settings.enabled, scheduleTime: settings.scheduleTime } : null,
      };
    },
  };
}
