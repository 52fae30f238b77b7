import { availableParallelism, cpus, loadavg } from 'node:os';
import { proposeFields } from '../src/main/prefill/propose-fields.ts';
import { PREFILL_FIELDS } from '../src/shared/api/schemas/prefill.ts';
import { convertWithLibreOffice, findLibreOffice } from '../test/support/libreoffice-batch.ts';
import { expectedOf, prefillCorpus } from '../test/support/prefill-corpus.ts';
import { renderNumberedDraft } from '../test/support/prefill-drafts.ts';
import { corpusFodt } from '../test/support/prefill-fodt.ts';
import { Tally } from './lib/prefill-score.ts';
import { percentile, round } from './lib/stats.ts';

// `npm run bench:prefill -- [--documents 60]`: the share of fields proposed right on from the
// text of (a) drafts this app renders and numbers and (b) PDFs LibreOffice makes from
// Word-like documents (.fodt, three layouts), both from the same varied corpus. stdout: one JSON
// object, {"drafts": {…Share}, "libreoffice": {…Share}, …}; the misses go to stderr.
// bench/README.md explains the method.
const arg = process.argv.indexOf('--documents');
const count = arg >= 0 ? Number(process.argv[arg + 1]) : 60;
const corpus = prefillCorpus(count);
const targetShare = 0.9;

async function score(kind: string, pdfs: ReadonlyArray<{ id: string; pdf: Uint8Array | undefined }>) {
  const tally = new Tally();
  const times: number[] = [];
  for (const { id, pdf } of pdfs) {
    const c = corpus.find((x) => x.id === id);
    if (!c || !pdf) continue;
    const start = performance.now();
    const result = await proposeFields(pdf);
    times.push(performance.now() - start);
    tally.add(id, result, expectedOf(c));
  }
  for (const m of tally.misses) process.stderr.write(`${kind} ${m.id} ${m.field}: ${JSON.stringify(m.proposed)} ≠ ${JSON.stringify(m.expected)}\n`);
  return { ...tally.shares(), proposeMedianMs: round(percentile(times, 50), 1), proposeP95Ms: round(percentile(times, 95), 1) };
}

const drafts = await score('drafts', await Promise.all(corpus.map(async (c) => ({ id: c.id, pdf: await renderNumberedDraft(c) }))));

const soffice = findLibreOffice();
let libreoffice: Record<string, number> | { skipped: string };
if (soffice) {
  const converted = convertWithLibreOffice(corpus.map((c, i) => ({ name: `${c.id}.fodt`, data: corpusFodt(c, i % 3) })), soffice);
  libreoffice = await score('libreoffice', corpus.map((c) => ({ id: c.id, pdf: converted.get(`${c.id}.fodt`) })));
} else {
  libreoffice = { skipped: 'LibreOffice (soffice) is not installed' };
}

const meets = (shares: Record<string, number> | { skipped: string }): boolean =>
  !('skipped' in shares) && PREFILL_FIELDS.every((f) => (shares[`${f}Share`] ?? 0) >= targetShare);

console.log(
  JSON.stringify({
    documents: count,
    drafts,
    libreoffice,
    targets: { everyFieldAtLeast90PercentOnDrafts: meets(drafts), everyFieldAtLeast90PercentOnLibreOffice: meets(libreoffice) },
    machine: { cpus: availableParallelism(), cpuModel: cpus()[0]?.model.trim() ?? 'unknown', node: process.version, load: loadavg().map((l) => round(l, 2)) },
  }),
);
