// One sync run of a desk in its own process, as the app runs it, so that its peak RSS is the
// client's alone (the hub and the bench's setup live in the parent):
// node sync-child.ts '{"profileDir":…,"endpoint":…,"systemId":…,"secret":…,"resourcesDir":…}'
// Prints one JSON line (SyncChildReport). Every hub call is timed through a thin wrapper around
// the real client, to tell link time from the client's own work between transfers.
import { createHubClient, type HubClient } from '../../src/main/hub/hub-client.ts';
import { openProfile } from '../../src/main/profile/open-profile.ts';
import { PACKAGE_BUILDERS } from '../../src/main/sync/package-builders.ts';
import { runSync, type SyncSummary } from '../../src/main/sync/run-sync.ts';

export interface SyncChildRequest {
  readonly profileDir: string;
  readonly endpoint: string;
  readonly systemId: string;
  readonly secret: string;
  readonly resourcesDir: string;
}

// One hub call: which, when (ms from the start of runSync) and how many package bytes it moved.
export interface HubCall {
  readonly op: string;
  readonly start: number;
  readonly end: number;
  readonly bytes: number;
}

export interface SyncChildReport {
  readonly summary: SyncSummary;
  // runSync, start to end (the measured window).
  readonly ms: number;
  // process.resourceUsage().maxRSS after the run, in KiB: the process's peak (VmHWM).
  readonly maxRssKb: number;
  // RSS once the code is loaded and the profile open, just before runSync.
  readonly rssBeforeKb: number;
  // The highest RSS seen by sampling every 50 ms, and when (ms from the start of runSync): which
  // step holds the memory (samples wait while the event loop is busy).
  readonly sampledPeak: { readonly rssKb: number; readonly at: number };
  readonly calls: readonly HubCall[];
}

// The real client with each call's start and end recorded.
function timed(client: HubClient, calls: HubCall[], t0: () => number): HubClient {
  const record = async <T>(op: string, run: () => Promise<T>, bytesOf: (r: T) => number = () => 0): Promise<T> => {
    const start = t0();
    const result = await run();
    calls.push({ op, start, end: t0(), bytes: bytesOf(result) });
    return result;
  };
  return {
    sendEdoc: (path, o) => record('sendEdoc', () => client.sendEdoc(path, o), (r) => r.size),
    getReceivedEdocList: (q) => record('getReceivedEdocList', () => client.getReceivedEdocList(q)),
    downloadEdoc: (id, dest, o) => record('downloadEdoc', () => client.downloadEdoc(id, dest, o), (r) => r.size - r.resumedFrom),
    getEdoc: (id, dest) => record('getEdoc', () => client.getEdoc(id, dest), (r) => r.size),
    updateStatus: (id, s, d) => record('updateStatus', () => client.updateStatus(id, s, d)),
    getSentEdocList: (q) => record('getSentEdocList', () => client.getSentEdocList(q)),
    countReceiveEdoc: () => record('countReceiveEdoc', () => client.countReceiveEdoc()),
    countReceiveStatus: () => record('countReceiveStatus', () => client.countReceiveStatus()),
    getAgenciesList: () => client.getAgenciesList(),
    getAgenciesListQD20: (o) => client.getAgenciesListQD20(o),
    getSynchronizeUnit: () => client.getSynchronizeUnit(),
    probe: (ms) => record('probe', () => client.probe(ms)),
    close: () => client.close(),
  };
}

const request = JSON.parse(process.argv[2] ?? '{}') as SyncChildRequest;
const profile = openProfile(request.profileDir);
const real = createHubClient({ endpoint: request.endpoint, systemId: request.systemId, secret: request.secret });
const calls: HubCall[] = [];
try {
  const rssBeforeKb = Math.round(process.memoryUsage.rss() / 1024);
  const started = performance.now();
  const client = timed(real, calls, () => performance.now() - started);
  const sampledPeak = { rssKb: 0, at: 0 };
  const sampler = setInterval(() => {
    const rssKb = Math.round(process.memoryUsage.rss() / 1024);
    if (rssKb > sampledPeak.rssKb) Object.assign(sampledPeak, { rssKb, at: performance.now() - started });
  }, 50);
  const summary = await runSync(profile, { client, builders: PACKAGE_BUILDERS, resourcesDir: request.resourcesDir });
  const ms = performance.now() - started;
  clearInterval(sampler);
  const report: SyncChildReport = { summary, ms, maxRssKb: process.resourceUsage().maxRSS, rssBeforeKb, sampledPeak, calls };
  process.stdout.write(`${JSON.stringify(report)}\n`);
} finally {
  real.close();
  profile.close();
}
