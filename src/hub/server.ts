import { readdirSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isAppError } from '../shared/errors.ts';
import * as agencyOps from './agency-operations.ts';
import { authenticate } from './auth.ts';
import { loadSystemsFile, parseSystems, type HubSystemConfig } from './config.ts';
import type { HubContext, Operation } from './context.ts';
import { HubDirectory } from './directory.ts';
import * as edocOps from './edoc-operations.ts';
import { failEnvelope, HubFailure } from './envelope.ts';
import { dropped, dropPoint, HubFaultKnobs, type HubFaults } from './faults.ts';
import { sendJson, type ResponseFaults } from './respond.ts';
import { HubStore } from './store.ts';
import { TokenBucket } from './throttle.ts';

export interface HubOptions {
  // 0 or absent: a free port.
  readonly port?: number;
  // Default 127.0.0.1.
  readonly host?: string;
  readonly dataDir: string;
  // The systems file's path, or its parsed content.
  readonly systems: string | readonly HubSystemConfig[];
  // OrganId written in the TraceHeader the hub appends. Default 000.00.00.G22 (Văn phòng Chính phủ).
  readonly hubOrganId?: string;
  readonly faults?: Partial<HubFaults>;
  // Requests that fail with an internal error are reported here (default: stderr).
  readonly onError?: (error: unknown) => void;
}

export interface RunningHub {
  readonly port: number;
  // Base URL: an operation is `${url}/sendEdoc`. Any path prefix is accepted too: the hub routes
  // on the last path segment, as behind an X-Road adapter (`…/XrdAdapter/adapter/sendEdoc`).
  readonly url: string;
  close(): Promise<void>;
  readonly store: HubStore;
  // Live knobs: assign a field to change the hub's behaviour from the next request on.
  readonly faults: HubFaultKnobs;
}

const OPERATIONS: Readonly<Record<string, Operation>> = {
  sendEdoc: edocOps.sendEdoc,
  getReceivedEdocList: edocOps.getReceivedEdocList,
  getEdoc: edocOps.getEdoc,
  downloadEdoc: edocOps.downloadEdoc,
  updateStatus: edocOps.updateStatus,
  getSentEdocList: edocOps.getSentEdocList,
  countReceiveEdoc: edocOps.countReceiveEdoc,
  countReceiveStatus: edocOps.countReceiveStatus,
  getAgenciesList: agencyOps.getAgenciesList,
  getAgenciesListQD20: agencyOps.getAgenciesListQD20,
  getSynchronizeUnit: agencyOps.getSynchronizeUnit,
  registerAgency: agencyOps.registerAgency,
  deleteAgency: agencyOps.deleteAgency,
};

// Leftovers of a crash: temp uploads, and package files whose row was never committed.
function sweep(store: HubStore): void {
  for (const name of readdirSync(store.tempDir)) rmSync(join(store.tempDir, name), { force: true });
  const referenced = store.referencedFiles();
  for (const name of readdirSync(store.packagesDir)) {
    if (!referenced.has(name)) rmSync(join(store.packagesDir, name), { force: true });
  }
}

function operationName(req: IncomingMessage): string {
  const path = new URL(req.url ?? '/', 'http://hub').pathname;
  return path.split('/').filter((s) => s !== '').pop() ?? '';
}

async function handle(ctx: HubContext, req: IncomingMessage, res: ServerResponse, onError: (e: unknown) => void): Promise<void> {
  const name = operationName(req);
  const responseFaults: ResponseFaults = {
    bucket: ctx.bucket,
    dropAfter: dropPoint(ctx.faults, name),
    onDrop: () => dropped(ctx.faults),
  };
  try {
    if (ctx.faults.latencyMs > 0) await sleep(ctx.faults.latencyMs);
    if (ctx.faults.shouldFail()) throw new HubFailure('UNAVAILABLE', 'Trục tạm thời không phục vụ được, hãy thử lại sau.', 'injected 5xx fault');
    const operation = Object.hasOwn(OPERATIONS, name) ? OPERATIONS[name] : undefined;
    if (!operation) throw new HubFailure('UNKNOWN_OPERATION', `Trục không có chức năng "${name}".`, `unknown operation ${name}`);
    const auth = authenticate(req.headers, (id) => ctx.directory.secretOf(id));
    await operation(ctx, { req, res, auth, responseFaults });
  } catch (e) {
    // The client went away mid-request (a cut upload): nothing to answer, nothing to report.
    if (req.destroyed && !req.complete) {
      res.destroy();
      return;
    }
    let failure: HubFailure;
    if (e instanceof HubFailure) failure = e;
    else {
      onError(e);
      const message = isAppError(e) ? e.messageVi : 'Lỗi nội bộ của trục.';
      failure = new HubFailure('INTERNAL', message, e instanceof Error ? e.message : String(e));
    }
    if (res.headersSent || res.destroyed) {
      res.destroy();
      return;
    }
    await sendJson(res, failure.httpStatus, failEnvelope(failure), responseFaults);
  }
}

// Starts the reference hub on loopback (or `host`), with its state in `dataDir`.
export async function startHub(options: HubOptions): Promise<RunningHub> {
  const systems = typeof options.systems === 'string' ? loadSystemsFile(options.systems) : parseSystems(options.systems, 'options.systems');
  const store = new HubStore(options.dataDir);
  sweep(store);
  const faults = new HubFaultKnobs(options.faults);
  const ctx: HubContext = {
    store,
    directory: new HubDirectory(systems, store, Date.now()),
    faults,
    bucket: new TokenBucket(() => faults.bandwidthBytesPerSec),
    hubOrganId: options.hubOrganId ?? '000.00.00.G22',
    now: Date.now,
  };
  const onError = options.onError ?? ((e: unknown) => console.error('hub: internal error', e));
  const server = createServer((req, res) => {
    void handle(ctx, req, res, onError);
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closed = false;
  return {
    port,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    store,
    faults,
    async close() {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      store.close();
    },
  };
}
