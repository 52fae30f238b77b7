import type { HubStore } from '../../src/hub/store.ts';
import { traceHeaderBytes } from '../../src/hub/trace-header.ts';

// The hub's OrganId in the TraceHeader it splices into each delivered package: startHub's
// default (src/hub/server.ts), which twoDesks() keeps.
const HUB_ORGAN_ID = '000.00.00.G22';

export interface HubSnapshot {
  readonly packages: ReadonlySet<string>;
  readonly downloads: ReadonlyMap<string, number>;
}

// What the hub's records say before the measured run: the packages it holds and how many times
// each delivery to `organId` has been downloaded.
export function hubSnapshot(store: HubStore, organId: string): HubSnapshot {
  return {
    packages: new Set(store.packages().map((p) => p.docId)),
    downloads: new Map(store.deliveries(organId).map((d) => [d.receiverDocId, d.downloadCount])),
  };
}

export interface HubBytes {
  // Package bodies the hub stored from `organId` since the snapshot (documents and statuses).
  readonly up: number;
  readonly upPackages: number;
  // Package bodies the hub served to `organId` since the snapshot: each new download of a
  // delivery counts its delivered form (the stored package with the hub's TraceHeader spliced
  // in). A download resumed with Range would be counted whole; the bench's loopback has no cuts.
  readonly down: number;
  readonly downPackages: number;
}

export function hubBytesSince(store: HubStore, organId: string, before: HubSnapshot): HubBytes {
  const sent = store.packages().filter((p) => p.fromCode === organId && !before.packages.has(p.docId));
  let down = 0;
  let downPackages = 0;
  for (const d of store.deliveries(organId)) {
    const times = d.downloadCount - (before.downloads.get(d.receiverDocId) ?? 0);
    if (times <= 0) continue;
    const p = store.package(d.senderDocId);
    if (!p) continue;
    const insert = p.trace ? traceHeaderBytes(p.trace, HUB_ORGAN_ID, p.createdAt).length : 0;
    down += times * (p.size + insert);
    downPackages += times;
  }
  return { up: sent.reduce((s, p) => s + p.size, 0), upPackages: sent.length, down, downPackages };
}
