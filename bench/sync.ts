import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { queueManyLike } from '../test/support/bulk-outgoing.ts';
import { AGENCY_B, type TwoDesks, twoDesks } from '../test/support/sync-desks.ts';
import { SAMPLE_AGENCY } from '../test/support/temp-profile.ts';
import { createTestPki, type TestPki } from '../test/support/test-pki.ts';
import { describeMachine } from './lib/machine.ts';
import { round } from './lib/stats.ts';
import { syncBenchOptions } from './lib/sync-args.ts';
import type { SyncChildReport } from './lib/sync-child.ts';
import { hubBytesSince, hubSnapshot } from './lib/sync-hub-bytes.ts';
import { issuePadded } from './lib/sync-issue.ts';
import { syncInChild } from './lib/sync-run-child.ts';
import { bundleSyncChild, type SyncChildScript, sourceSyncChild } from './lib/sync-bundle.ts';
import { stepAt, timeline } from './lib/sync-timeline.ts';

// `npm run bench:sync` (issue 5 §8): desk A sends N packages of ~2 MB and receives N from desk B
// through the reference hub on loopback, its bandwidth capped (one bucket for both directions);
// then A receives one ~200 MB package with the cap lifted, for its peak RSS. Each measured sync
// runs in its own process (bench/lib/sync-child.ts). Configured by BENCH_SYNC_* environment
// variables (bench/README.md); progress on stderr, one JSON line on stdout.
const options = syncBenchOptions();
const log = (message: string): void => void process.stderr.write(`[bench:sync] ${message}\n`);
const MB = 1_000_000;
const mib = (kb: number): number => round(kb / 1024, 1);
const toB = { name: AGENCY_B.name, organId: AGENCY_B.organId };
const toA = { name: SAMPLE_AGENCY.name, organId: SAMPLE_AGENCY.organId };

// A package carries its files base64-encoded (4 bytes per 3) in a few KB of XML; the unpadded
// draft, its signatures (with their images) and the attachment add ~220 KB of file.
const padFor = (packageBytes: number): number => Math.max(0, Math.round((packageBytes * 3) / 4) - 220_000);

function failIfNotOk(what: string, report: SyncChildReport): void {
  const s = report.summary;
  if (s.outcome !== 'ok') throw new Error(`${what}: sync outcome ${s.outcome}: ${JSON.stringify(s.failures)}`);
}

async function bulk(pki: TestPki, scratch: string, child: SyncChildScript) {
  const env: TwoDesks = await twoDesks();
  try {
    const { a, b, hub } = env;
    const n = options.packages;
    const pad = { mainPadBytes: padFor(options.packageMb * MB), attachmentPadBytes: 0 };
    log(`issuing one document on each desk (main file padded with ${pad.mainPadBytes} random bytes), queueing ${n} in each direction`);
    const first = { a: await issuePadded(a.profile, pki, scratch, { ...pad, recipient: toB }), b: await issuePadded(b.profile, pki, scratch, { ...pad, recipient: toA }) };
    queueManyLike(a.profile, first.a.documentId as number, toB.organId, toB.name, n - 1);
    queueManyLike(b.profile, first.b.documentId as number, toA.organId, toA.name, n - 1);
    const setup = await b.sync();
    if (setup.outcome !== 'ok' || setup.sent !== n) throw new Error(`desk B's setup sync: ${setup.outcome}, sent ${setup.sent} of ${n}`);
    const fromB = hub.store.packages().filter((p) => p.fromCode === toB.organId);
    const packageBytes = Math.round(fromB.reduce((s, p) => s + p.size, 0) / fromB.length);
    log(`desk B sent ${n} packages of ${packageBytes} bytes on average (uncapped, not measured)`);

    const before = hubSnapshot(hub.store, toA.organId);
    hub.faults.bandwidthBytesPerSec = options.capBytesPerSec;
    log(`measured: desk A syncs (sends ${n}, receives ${n}, sends ${n} statuses 01) at ${options.capBytesPerSec} bytes/s`);
    const started = Date.now();
    const ticker = setInterval(() => {
      const now = hubBytesSince(hub.store, toA.organId, before);
      log(`  ${Math.round((Date.now() - started) / 1000)} s: up ${now.upPackages} packages, down ${now.downPackages}`);
    }, 60_000);
    let report: SyncChildReport;
    try {
      report = await syncInChild(child, a, hub.url);
    } finally {
      clearInterval(ticker);
      hub.faults.bandwidthBytesPerSec = 0;
    }
    failIfNotOk('desk A', report);
    const s = report.summary;
    if (s.sent !== n || s.received !== n || s.statusesSent !== n) throw new Error(`desk A: sent ${s.sent}, received ${s.received}, statuses ${s.statusesSent} (expected ${n} each)`);
    const bytes = hubBytesSince(hub.store, toA.organId, before);
    return { report, bytes, packageBytes, sqlite: a.profile.db.prepare('SELECT sqlite_version()').pluck().get() as string };
  } finally {
    await env.close();
  }
}

async function big(pki: TestPki, scratch: string, child: SyncChildScript) {
  const env = await twoDesks();
  try {
    const { a, b, hub } = env;
    log(`issuing on desk B one document with a ${options.bigMb} MB package (attachment padded), cap lifted`);
    await issuePadded(b.profile, pki, scratch, { mainPadBytes: 0, attachmentPadBytes: padFor(options.bigMb * MB), recipient: toA });
    const setup = await b.sync();
    if (setup.outcome !== 'ok' || setup.sent !== 1) throw new Error(`desk B's big send: ${setup.outcome}`);
    const before = hubSnapshot(hub.store, toA.organId);
    const report = await syncInChild(child, a, hub.url);
    failIfNotOk('desk A (big package)', report);
    if (report.summary.received !== 1) throw new Error(`desk A received ${report.summary.received} big packages`);
    const bytes = hubBytesSince(hub.store, toA.organId, before);
    log(`desk A received ${bytes.down} bytes in ${round(report.ms / 1000, 1)} s, peak RSS ${mib(report.maxRssKb)} MiB`);
    return { report, bytes };
  } finally {
    await env.close();
  }
}

const scratch = mkdtempSync(join(process.env.TMPDIR ?? '/tmp', 'vanthu-bench-sync-'));
try {
  const pki = await createTestPki();
  const child = options.fromSource ? sourceSyncChild() : await bundleSyncChild(scratch);
  const bigRun = options.bigMb > 0 ? await big(pki, scratch, child) : null;
  const main = await bulk(pki, scratch, child);
  const { report, bytes } = main;
  const bytesOnWire = bytes.up + bytes.down;
  const seconds = report.ms / 1000;
  const clientBytes = report.calls.reduce((s, c) => s + c.bytes, 0);
  const result = {
    packages: options.packages * 2,
    bytesOnWire,
    seconds: round(seconds, 1),
    linkUtilization: round(bytesOnWire / (seconds * options.capBytesPerSec), 3),
    peakRssMb: mib(report.maxRssKb),
    bigPackagePeakRssMb: bigRun ? mib(bigRun.report.maxRssKb) : null,
    detail: {
      capBytesPerSec: options.capBytesPerSec,
      child: options.fromSource ? 'sources' : 'bundled',
      packageBytes: main.packageBytes,
      up: { packages: bytes.upPackages, bytes: bytes.up },
      down: { packages: bytes.downPackages, bytes: bytes.down },
      clientCountedBytes: clientBytes,
      phases: timeline(report.calls, report.ms, options.capBytesPerSec),
      rssBeforeSyncMb: mib(report.rssBeforeKb),
      sampledPeakDuring: stepAt(report.calls, report.sampledPeak.at),
      summary: { sent: report.summary.sent, received: report.summary.received, statusesSent: report.summary.statusesSent, outcome: report.summary.outcome },
      big: bigRun
        ? {
            packageBytes: bigRun.bytes.down,
            seconds: round(bigRun.report.ms / 1000, 1),
            rssBeforeSyncMb: mib(bigRun.report.rssBeforeKb),
            sampledPeakMb: mib(bigRun.report.sampledPeak.rssKb),
            sampledPeakDuring: stepAt(bigRun.report.calls, bigRun.report.sampledPeak.at),
            capped: false,
          }
        : null,
    },
    targets: { linkUtilizationAtLeast085: bytesOnWire / (seconds * options.capBytesPerSec) >= 0.85, bigPackagePeakRssAtMost200: bigRun ? mib(bigRun.report.maxRssKb) <= 200 : null },
    machine: { ...describeMachine(scratch, main.sqlite), load: loadavg().map((l) => round(l, 2)) },
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
