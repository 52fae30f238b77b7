import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createOcrEngine, DEFAULT_RECYCLE } from '../src/main/ocr/ocr-engine.ts';
import { proposeFromScan } from '../src/main/ocr/propose-from-scan.ts';
import { recogniseScan } from '../src/main/ocr/recognise.ts';
import { programResources } from '../src/main/program/resources.ts';
import { PREFILL_FIELDS } from '../src/shared/api/schemas/prefill.ts';
import { expectedOf, prefillCorpus } from '../test/support/prefill-corpus.ts';
import { characterErrors } from './lib/cer.ts';
import { round } from './lib/stats.ts';

// `npm run bench:ocr -- [--documents 24] [--quick]`: the app's numbered drafts of every type
// printed and scanned back (test/support/scanned-drafts.ts: pdftoppm at 200 and 300 dpi, skew up
// to 2°, grey paper, noise, JPEG), recognised and read by the field rules. stdout: one JSON
// object, per field `<field>Exact200` / `<field>Exact300` (share proposed exactly right),
// `subjectCer200` / `subjectCer300`, `secondsPerPage`, `peakRssMb`, how often the engine's worker
// was recycled under its default policy, the targets and the machine; the misses go to stderr.
// bench/README.md explains the method.

const { values } = parseArgs({ options: { documents: { type: 'string' }, quick: { type: 'boolean', default: false } }, strict: true });
const quick = values.quick ?? false;
const count = values.documents ? Number(values.documents) : quick ? 2 : 24;
if (!Number.isInteger(count) || count < 1) throw new Error(`--documents must be a positive integer, got "${values.documents}"`);
// The corpus cycles through its types: 24 cases hold every type at least twice.
const corpus = prefillCorpus(count);
const DENSITIES = [200, 300] as const;

const scans = mkdtempSync(join(tmpdir(), 'vanthu-bench-ocr-'));
execFileSync(process.execPath, [fileURLToPath(new URL('./lib/ocr-corpus-child.ts', import.meta.url)), scans, String(count)], { stdio: ['ignore', 'ignore', 'inherit'] });

const same = (a: string, b: string): boolean => a.normalize('NFC').replace(/\s+/g, ' ').trim() === b.normalize('NFC').replace(/\s+/g, ' ').trim();

// The app's engine with its default recycling (docs/ocr.md "Memory"), counted.
let workerRecycles = 0;
const engine = createOcrEngine({
  modelDir: join(programResources().dir, 'ocr'),
  onRecycle: () => {
    workerRecycles += 1;
  },
});
const out: Record<string, number> = {};
let pages = 0;
let ocrSeconds = 0;
let withBoxes = 0;
let proposals = 0;
try {
  for (const dpi of DENSITIES) {
    const right = new Map<string, number>(PREFILL_FIELDS.map((f) => [f, 0]));
    let edits = 0;
    let chars = 0;
    for (const c of corpus) {
      const pdf = new Uint8Array(readFileSync(join(scans, `${dpi}-${c.id}.pdf`)));
      const start = performance.now();
      const doc = await recogniseScan(`${c.id}.pdf`, pdf, { engine });
      ocrSeconds += (performance.now() - start) / 1000;
      pages += doc.pages.length;
      const result = proposeFromScan(doc);
      const expected = expectedOf(c);
      for (const f of PREFILL_FIELDS) {
        const p = result.proposals[f];
        if (p) {
          proposals += 1;
          if (p.boxes && p.boxes.length > 0) withBoxes += 1;
        }
        if (p && same(p.value, expected[f])) right.set(f, (right.get(f) ?? 0) + 1);
        else process.stderr.write(`${dpi} ${c.id} ${f}: ${JSON.stringify(p?.value ?? null)} ≠ ${JSON.stringify(expected[f])}\n`);
      }
      edits += characterErrors(result.proposals.subject?.value ?? '', expected.subject);
      chars += expected.subject.length;
    }
    for (const f of PREFILL_FIELDS) out[`${f}Exact${dpi}`] = round((right.get(f) ?? 0) / corpus.length, 3);
    out[`subjectCer${dpi}`] = round(edits / chars, 4);
  }
} finally {
  await engine.close();
  rmSync(scans, { recursive: true, force: true });
}

// maxRSS covers the worker thread too: it is the same process.
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
const secondsPerPage = round(ocrSeconds / pages, 2);
const at = (f: string, dpi: number): number => out[`${f}Exact${dpi}`] ?? 0;
const keyFields = ['codeNumber', 'codeNotation', 'documentDate'];
console.log(
  JSON.stringify({
    documents: corpus.length,
    quick,
    pages,
    ...out,
    secondsPerPage,
    peakRssMb,
    workerRecycles,
    recycle: DEFAULT_RECYCLE,
    proposalsWithBoxesShare: proposals === 0 ? 0 : round(withBoxes / proposals, 3),
    targets: {
      keyFieldsAtLeast95PercentAt300: keyFields.every((f) => at(f, 300) >= 0.95),
      subjectCerAtMost3PercentAt300: (out.subjectCer300 ?? 1) <= 0.03,
      keyFieldsAtLeast90PercentAt200: keyFields.every((f) => at(f, 200) >= 0.9),
      subjectCerAtMost5PercentAt200: (out.subjectCer200 ?? 1) <= 0.05,
      atMost4SecondsPerPage: secondsPerPage <= 4,
      atMost400Mb: peakRssMb <= 400,
    },
    machine: { cpus: availableParallelism(), cpuModel: cpus()[0]?.model.trim() ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version, load: loadavg().map((l) => round(l, 2)) },
  }),
);
