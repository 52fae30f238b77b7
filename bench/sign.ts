import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfsigReport } from '../test/support/nss.ts';
import { describeMachine } from './lib/machine.ts';
import { parseSignBenchArgs } from './lib/sign-args.ts';
import { bundleSignChild, type BundledChild } from './lib/sign-bundle.ts';
import { createBenchIdentity, type BenchIdentity } from './lib/sign-identity.ts';
import { copyAndSyncMs, makeSample, settle, sha256Ms, signOurs, signPdfsig } from './lib/sign-measure.ts';
import { percentile, round } from './lib/stats.ts';

// `npm run bench:sign -- [--sizes 1,20,200] [--runs 3] [--keep]`: signs sample PDFs of each size
// with our path (token worker + signFile, kind 'attachment', a SoftHSM key) in fresh processes,
// bundled as the app ships and from the .ts sources, and with `pdfsig -add-signature` (the same
// key and certificate in an NSS database), next to the time it takes to SHA-256 the file once.
// Progress goes to stderr; stdout gets one JSON object (bench/README.md explains each figure).
const options = parseSignBenchArgs(process.argv.slice(2));
const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);
const dir = mkdtempSync(join(tmpdir(), 'vanthu-bench-sign-'));

const median = (samples: readonly number[]): number => round(percentile(samples, 50), 1);
const mib = (kb: number): number => round(kb / 1024, 1);

interface Samples {
  sha256: number[];
  pdfsig: number[];
  copy: number[];
  fsync: number[];
  bundled: { ms: number[]; secondMs: number[]; processMs: number[]; maxRssKb: number[]; rssAfterLoginKb: number[] };
  source: { ms: number[]; secondMs: number[]; processMs: number[]; maxRssKb: number[]; rssAfterLoginKb: number[] };
}

const ourSamples = () => ({ ms: [], secondMs: [], processMs: [], maxRssKb: [], rssAfterLoginKb: [] });

async function measureSize(identity: BenchIdentity, bundled: BundledChild, size: number) {
  const path = (suffix: string) => join(dir, `sample-${size}${suffix}.pdf`);
  const input = path('');
  const bytes = await makeSample(input, size);
  log(`${size} MiB: sample of ${bytes} bytes`);
  const s: Samples = { sha256: [], pdfsig: [], copy: [], fsync: [], bundled: ourSamples(), source: ourSamples() };
  let valid: { ours: boolean; pdfsig: boolean } | null = null;
  for (let r = 0; r < options.runs; r++) {
    for (const suffix of ['-ours', '-ours-source', '-pdfsig']) rmSync(path(suffix), { force: true });
    s.sha256.push(await sha256Ms(input));
    for (const form of ['bundled', 'source'] as const) {
      const output = path(form === 'bundled' ? '-ours' : '-ours-source');
      const child = await signOurs(identity.token, { input, output, secondOutput: path('-second') }, form === 'bundled' ? bundled : null);
      rmSync(path('-second'), { force: true });
      const into = s[form];
      into.ms.push(child.ms);
      into.secondMs.push(child.secondMs);
      into.processMs.push(child.processMs);
      into.maxRssKb.push(child.maxRssKb);
      into.rssAfterLoginKb.push(child.rssAfterLoginKb);
    }
    s.pdfsig.push(signPdfsig(identity.nss, input, path('-pdfsig')));
    await settle(path('-pdfsig'));
    const io = await copyAndSyncMs(input, path('-copy'));
    s.copy.push(io.copyMs);
    s.fsync.push(io.fsyncMs);
    const at = (list: number[]) => (list.at(-1) ?? Number.NaN).toFixed(0);
    log(
      `${size} MiB run ${r + 1}: sha256 ${at(s.sha256)} ms; ours ${at(s.bundled.ms)} ms (second ${at(s.bundled.secondMs)} ms, ` +
        `max RSS ${mib(s.bundled.maxRssKb.at(-1) ?? 0)} MiB; from source ${at(s.source.ms)} ms, ${mib(s.source.maxRssKb.at(-1) ?? 0)} MiB); ` +
        `pdfsig ${at(s.pdfsig)} ms; copy ${at(s.copy)} ms + fsync ${at(s.fsync)} ms`,
    );
    if (!valid) {
      const ours = pdfsigReport(identity.nss, path('-ours')).at(-1);
      const theirs = pdfsigReport(identity.nss, path('-pdfsig')).at(-1);
      valid = { ours: ours?.valid === true && ours.totalDocumentSigned, pdfsig: theirs?.valid === true && theirs.totalDocumentSigned };
      log(`${size} MiB: pdfsig says of ours "${ours?.validation}", of its own "${theirs?.validation}"`);
    }
  }
  if (!options.keep) for (const suffix of ['', '-ours', '-ours-source', '-pdfsig']) rmSync(path(suffix), { force: true });
  const oursMs = median(s.bundled.ms);
  const pdfsigMs = median(s.pdfsig);
  return {
    mb: size,
    oursMs,
    pdfsigMs,
    ratio: round(oursMs / pdfsigMs, 2),
    oursPeakRssMb: mib(Math.max(...s.bundled.maxRssKb)),
    sha256Ms: median(s.sha256),
    bytes,
    oursSecondMs: median(s.bundled.secondMs),
    ratioSecond: round(median(s.bundled.secondMs) / pdfsigMs, 2),
    oursProcessMs: median(s.bundled.processMs),
    oursRssAfterLoginMb: mib(Math.max(...s.bundled.rssAfterLoginKb)),
    fromSource: {
      ms: median(s.source.ms),
      secondMs: median(s.source.secondMs),
      processMs: median(s.source.processMs),
      peakRssMb: mib(Math.max(...s.source.maxRssKb)),
      rssAfterLoginMb: mib(Math.max(...s.source.rssAfterLoginKb)),
    },
    copyMs: median(s.copy),
    fsyncMs: median(s.fsync),
    validOurs: valid?.ours ?? false,
    validPdfsig: valid?.pdfsig ?? false,
    samples: {
      sha256: s.sha256.map((x) => round(x, 1)),
      ours: s.bundled.ms.map((x) => round(x, 1)),
      pdfsig: s.pdfsig.map((x) => round(x, 1)),
    },
  };
}

try {
  log(`making the signer (RSA 2048) in SoftHSM and in an NSS database under ${dir}`);
  const identity = await createBenchIdentity(dir);
  mkdirSync(join(dir, 'bundle'));
  const bundled = await bundleSignChild(join(dir, 'bundle'));
  const sizes = [];
  for (const size of options.sizes) sizes.push(await measureSize(identity, bundled, size));
  const big = sizes.find((s) => s.mb === 200);
  const targets = {
    ratioAtMost1: sizes.every((s) => s.ratio <= 1),
    peakRss200AtMost150: big ? big.oursPeakRssMb <= 150 : null,
    ours200AtMostHashFloor: big ? big.oursMs <= 1.5 * big.sha256Ms + 100 : null,
  };
  const { sqlite: _sqlite, ...machine } = describeMachine(dir, '');
  const pdfsig = /pdfsig version (\S+)/.exec(spawnSync('pdfsig', ['-v'], { encoding: 'utf8' }).stderr)?.[1] ?? 'unknown';
  const result = { sizes, kind: 'attachment', runs: options.runs, targets, machine: { ...machine, pdfsig, load: loadavg().map((l) => round(l, 2)) } };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  if (options.keep) log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
