import { IntegrityMonitor } from '../db/integrity-monitor.ts';
import { createHubClientFor } from '../hub/hub-connection.ts';
import type { Logger } from '../log/logger.ts';
import { ProfileSession } from '../profile/profile-session.ts';
import { programResources } from '../program/resources.ts';
import type { Clock } from '../registry/clock.ts';
import { startTokenClient, type TokenClient } from '../signing/pkcs11/token-client.ts';
import { type CrlFetchPolicy, OPEN_CRL_POLICY } from '../signing/trust/crl-policy.ts';
import { type SchedulerOptions, startSyncScheduler, type SyncScheduler } from '../sync/sync-scheduler.ts';
import { createSyncService, type SyncService } from '../sync/sync-service.ts';
import { createDispatch, type Dispatch } from './dispatch.ts';
import { createFontHandlers } from './font-handlers.ts';
import type { CipherFor, DesktopPort, HandlerDeps, Handlers } from './handler-types.ts';
import { createHubHandlers } from './hub-handlers.ts';
import { createIssuanceHandlers } from './issuance-handlers.ts';
import { createMaintenanceHandlers } from './maintenance-handlers.ts';
import { createRecordsHandlers } from './records-handlers.ts';
import { createRevocationHandlers } from './revocation-handlers.ts';
import { createSigningHandlers } from './signing-handlers.ts';
import { createTrustListHandlers } from './trust-list-handlers.ts';
import { createSyncHandlers } from './sync-handlers.ts';
import { createCopiesHandlers } from './copies-handlers.ts';
import { createProcessingHandlers } from './processing-handlers.ts';
import { createRepliesHandlers } from './replies-handlers.ts';
import { createTodayHandlers } from './today-handlers.ts';
import { createReportHandlers } from './report-handlers.ts';
import { createArchiveHandlers } from './archive-handlers.ts';
import { createCaseFileHandlers } from './casefile-handlers.ts';
import { createOcr, createOcrHandlers } from './ocr-handlers.ts';

// What differs between the Electron shell, the loopback bridge and a benchmark: everything else
// is built here, the same way for all of them.
export interface ServicesDeps {
  readonly profileDir: string;
  readonly desktop: DesktopPort;
  readonly cipherFor: CipherFor;
  // The program's resources folder; the source tree's when absent (program/resources.ts).
  readonly resourcesDir?: string | undefined;
  readonly clock?: Clock | undefined;
  // The bundled workers of the packaged app; the source files otherwise.
  readonly tokenWorkerUrl?: URL | undefined;
  readonly quickCheckWorkerUrl?: URL | undefined;
  readonly ocrWorkerPath?: string | undefined;
  // Environment for the PKCS#11 modules (SOFTHSM2_CONF for the SoftHSM tokens of the tests).
  readonly tokenEnv?: Readonly<Record<string, string>> | undefined;
  // The hub probe's timeout (short in tests of an unreachable hub).
  readonly probeTimeoutMs?: number | undefined;
  // Which CRL distribution points may be fetched, and whether after each sync; every one when
  // absent (the app). The loopback bridge, a test tool, allows loopback only.
  readonly crlPolicy?: CrlFetchPolicy | undefined;
}

export interface Services {
  readonly session: ProfileSession;
  readonly logger: Logger;
  readonly integrity: IntegrityMonitor;
  readonly handlers: Handlers;
  readonly dispatch: Dispatch;
  readonly sync: SyncService;
  // The background quick_check of the open profile, once (a failure to open is logged; the page
  // learns about it through app.info).
  checkIntegrity(): void;
  // The end-of-day and network-back syncs (docs/sync.md "When"), once.
  startScheduler(options?: SchedulerOptions): void;
  // Stops the scheduler, waits for a running sync and the token worker, and closes the database
  // last: a sync's last commit is on disk before the file is closed.
  close(): Promise<void>;
}

// The steps of close(), in order, as the log records them.
export const SHUTDOWN_STEPS = ['scheduler', 'sync', 'tokens', 'ocr', 'database'] as const;

export function createServices(deps: ServicesDeps): Services {
  const session = new ProfileSession(deps.profileDir, deps.clock ? { clock: deps.clock } : {});
  const logger = session.logger;
  const integrity = new IntegrityMonitor(logger, deps.quickCheckWorkerUrl);
  const resources = programResources(deps.resourcesDir);
  let client: TokenClient | null = null;
  const tokens = (): TokenClient => {
    client ??= startTokenClient({
      ...(deps.tokenWorkerUrl ? { workerUrl: deps.tokenWorkerUrl } : {}),
      ...(deps.tokenEnv ? { env: { ...deps.tokenEnv } } : {}),
    });
    return client;
  };
  const sync = createSyncService({
    clientFor: (p) => createHubClientFor(p, deps.cipherFor(p)),
    resourcesDir: resources.dir,
    ...(deps.probeTimeoutMs ? { probeTimeoutMs: deps.probeTimeoutMs } : {}),
    crlPolicy: deps.crlPolicy ?? OPEN_CRL_POLICY,
  });
  const handlerDeps: HandlerDeps = {
    session,
    ready: () => session.requireInitialized(),
    desktop: deps.desktop,
    integrity,
    resources,
    tokens,
    cipherFor: deps.cipherFor,
    sync,
    probeTimeoutMs: deps.probeTimeoutMs,
  };
  const ocr = createOcr(handlerDeps, deps.ocrWorkerPath);
  const handlers: Handlers = {
    ...createRecordsHandlers(handlerDeps),
    ...createMaintenanceHandlers(handlerDeps),
    ...createSigningHandlers(handlerDeps),
    ...createIssuanceHandlers(handlerDeps),
    ...createHubHandlers(handlerDeps),
    ...createSyncHandlers(handlerDeps),
    ...createRevocationHandlers(handlerDeps, deps.crlPolicy ?? OPEN_CRL_POLICY),
    ...createFontHandlers(handlerDeps),
    ...createTrustListHandlers(handlerDeps),
    ...createCopiesHandlers(handlerDeps),
    ...createProcessingHandlers(handlerDeps),
    ...createRepliesHandlers(handlerDeps),
    ...createTodayHandlers(handlerDeps),
    ...createReportHandlers(handlerDeps),
    ...createCaseFileHandlers(handlerDeps),
    ...createArchiveHandlers(handlerDeps),
    ...createOcrHandlers(ocr.jobs),
  };
  let scheduler: SyncScheduler | null = null;
  let integrityStarted = false;
  let closing: Promise<void> | null = null;

  const step = (name: (typeof SHUTDOWN_STEPS)[number]): void => logger.log('info', 'shutdown', { step: name });

  return {
    session,
    logger,
    integrity,
    handlers,
    dispatch: createDispatch(handlers, logger),
    sync,
    checkIntegrity() {
      if (integrityStarted) return;
      integrityStarted = true;
      try {
        void integrity.start(session.current().paths.database);
      } catch (e) {
        logger.log('error', 'profile.open.failed', { detail: (e as Error).message });
      }
    },
    startScheduler(options) {
      scheduler ??= startSyncScheduler(sync, handlerDeps.ready, options);
    },
    close() {
      closing ??= (async () => {
        step('scheduler');
        scheduler?.dispose();
        step('sync');
        await sync.idle();
        step('tokens');
        await client?.close();
        client = null;
        step('ocr');
        await ocr.close();
        step('database');
        session.close();
      })();
      return closing;
    },
  };
}
