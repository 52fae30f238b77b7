import type { HubCall } from './sync-child.ts';
import { round } from './stats.ts';

// Where a run's time went, from its timed hub calls (the engine makes them one at a time).
// Phases are cut at each getReceivedEdocList: "send" before the first (the queue), "receive"
// between the first and the second (documents: download, read, verify, store, ack), "statuses"
// after it (the status list, then the 01s queued on arrival, sent at the end).
export interface PhaseFigures {
  readonly seconds: number;
  readonly packages: number;
  readonly bytes: number;
  // Package bytes over phase time, as a share of the cap.
  readonly utilization: number;
  // Inside sendEdoc/downloadEdoc: the bodies crossing the link (and the hub's own fsync and
  // commit, which it does before it answers a send).
  readonly transferSeconds: number;
  // Inside the other hub calls (lists, acks, probe): round trips that carry no package.
  readonly roundTripSeconds: number;
  // Between hub calls: the client's own work (building packages, reading and verifying them,
  // durable copies and commits), while the link is idle.
  readonly clientSeconds: number;
  // Per package: the client's work, and the calls that carry no package.
  readonly clientMsPerPackage: number;
  readonly roundTripMsPerPackage: number;
}

const TRANSFER = new Set(['sendEdoc', 'downloadEdoc', 'getEdoc']);

function phaseOf(calls: readonly HubCall[], from: number, to: number, cap: number): PhaseFigures {
  const inside = calls.filter((c) => c.start >= from && c.end <= to);
  const transfers = inside.filter((c) => TRANSFER.has(c.op));
  const sum = (list: readonly HubCall[]) => list.reduce((s, c) => s + (c.end - c.start), 0);
  const ms = to - from;
  const transferMs = sum(transfers);
  const roundTripMs = sum(inside) - transferMs;
  const bytes = transfers.reduce((s, c) => s + c.bytes, 0);
  const n = Math.max(1, transfers.length);
  return {
    seconds: round(ms / 1000, 2),
    packages: transfers.length,
    bytes,
    utilization: ms > 0 ? round(bytes / ((ms / 1000) * cap), 3) : 0,
    transferSeconds: round(transferMs / 1000, 2),
    roundTripSeconds: round(roundTripMs / 1000, 2),
    clientSeconds: round((ms - transferMs - roundTripMs) / 1000, 2),
    clientMsPerPackage: round((ms - transferMs - roundTripMs) / n, 1),
    roundTripMsPerPackage: round(roundTripMs / n, 1),
  };
}

export function timeline(calls: readonly HubCall[], totalMs: number, cap: number): Record<'send' | 'receive' | 'statuses', PhaseFigures> {
  const lists = calls.filter((c) => c.op === 'getReceivedEdocList').map((c) => c.start);
  const firstList = lists[0] ?? totalMs;
  const secondList = lists[1] ?? totalMs;
  return {
    send: phaseOf(calls, 0, firstList, cap),
    receive: phaseOf(calls, firstList, secondList, cap),
    statuses: phaseOf(calls, secondList, totalMs, cap),
  };
}

// The hub call running at `at` ms, or 'client' when the engine was between calls.
export function stepAt(calls: readonly HubCall[], at: number): string {
  return calls.find((c) => c.start <= at && at <= c.end)?.op ?? 'client';
}
