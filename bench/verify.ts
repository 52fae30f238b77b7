import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPadesCms } from '../src/main/signing/cms/build-cms.ts';
import { largeCrl, withEmbeddedCrl } from '../test/support/large-crl.ts';
import { softwareSigner } from '../test/support/software-signer.ts';
import { createTestPki } from '../test/support/test-pki.ts';
import { describeMachine } from './lib/machine.ts';
import { percentile, round } from './lib/stats.ts';

// `npm run bench:verify -- [--entries 50000] [--runs 5]`: the cost of verifying a CMS that carries
// its CA's CRL (as Viettel-CA's signing tools write it): a CRL of that many entries made by
// `openssl ca`, planted in a CMS, verified in fresh processes. The goal (issue 18): a 2 MB CMS
// with 50,000 entries in ≤ 1 s and ≤ 100 MB of memory on top of the loaded program. Progress on
// stderr; one JSON object on stdout.
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const entries = option('entries', 50_000);
const runs = option('runs', 5);
const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);
const dir = mkdtempSync(join(tmpdir(), 'vanthu-bench-verify-'));
try {
  const pki = await createTestPki();
  const crl = largeCrl(pki.root, entries, [], dir);
  const data = Buffer.from('%PDF byte ranges of a signed document');
  const cms = withEmbeddedCrl(await buildPadesCms(softwareSigner(pki.leader, [pki.root]), createHash('sha256').update(data).digest()), crl);
  writeFileSync(join(dir, 'cms.der'), cms);
  writeFileSync(join(dir, 'data.bin'), data);
  writeFileSync(join(dir, 'root.der'), pki.root.der);
  log(`CRL of ${entries} entries: ${crl.length} bytes; CMS ${cms.length} bytes`);
  const samples: { ms: number; extraKb: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnSync(process.execPath, [join(import.meta.dirname, 'lib', 'verify-child.ts'), join(dir, 'cms.der'), join(dir, 'data.bin'), join(dir, 'root.der')], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`verify child failed: ${child.stderr}`);
    const r = JSON.parse(child.stdout) as { ms: number; maxRssBeforeKb: number; maxRssAfterKb: number; integrity: boolean; revocation: string; embeddedCrls: number };
    if (!r.integrity || r.revocation !== 'good' || r.embeddedCrls !== 1) throw new Error(`unexpected verification: ${child.stdout}`);
    samples.push({ ms: r.ms, extraKb: r.maxRssAfterKb - r.maxRssBeforeKb });
    log(`run ${i + 1}: ${round(r.ms, 1)} ms, +${round((r.maxRssAfterKb - r.maxRssBeforeKb) / 1024, 1)} MiB peak`);
  }
  const ms = samples.map((s) => s.ms);
  const extra = samples.map((s) => s.extraKb / 1024);
  process.stdout.write(
    `${JSON.stringify({ crlEntries: entries, crlBytes: crl.length, cmsBytes: cms.length, verifyP50Ms: round(percentile(ms, 50), 1), verifyMaxMs: round(Math.max(...ms), 1), extraPeakMiBMax: round(Math.max(...extra), 1), machine: describeMachine(dir, 'not used') })}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
