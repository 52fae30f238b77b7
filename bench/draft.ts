import { availableParallelism, cpus, loadavg } from 'node:os';
import { renderDraft } from '../src/main/drafting/render-draft.ts';
import { type DraftInput, parseDraft } from '../src/shared/api/schemas/draft.ts';
import { agencyProfileInput } from '../src/shared/api/schemas/profile.ts';
import { congVan, quyetDinh } from './lib/draft-cases.ts';
import { percentile, round } from './lib/stats.ts';

// `npm run bench:draft -- [--runs 15]`: renders a 10-page công văn and a 30-article quyết định
// in this process, from the parsed draft to the PDF bytes (fonts embedded and subset, saved),
// `runs` times each after two untimed warm-up renders. stdout: one JSON object,
// {"cases":[{"case","pages","renderMedianMs","pdfBytes",…}],…}; bench/README.md explains it.
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 15;
const agency = agencyProfileInput.parse({
  name: 'Ủy ban nhân dân xã Hòa Tiến',
  parentName: 'UBND thành phố Đà Nẵng',
  organId: '000.00.12.H17',
  abbreviation: 'UBND',
  placeName: 'Xã Hòa Tiến',
});

async function pagesOf(input: DraftInput): Promise<number> {
  return (await renderDraft(parseDraft(input), agency, { year: 2026 })).pages;
}

// The smallest công văn of exactly ten pages.
async function tenPageCongVan(): Promise<DraftInput> {
  let n = 40;
  while ((await pagesOf(congVan(n))) < 10) n += 1;
  return congVan(n);
}

async function measure(name: string, input: DraftInput) {
  const draft = parseDraft(input);
  for (let i = 0; i < 2; i++) await renderDraft(draft, agency, { year: 2026 });
  const samples: number[] = [];
  let last = await renderDraft(draft, agency, { year: 2026 });
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = await renderDraft(draft, agency, { year: 2026 });
    samples.push(performance.now() - start);
  }
  return {
    case: name,
    pages: last.pages,
    renderMedianMs: round(percentile(samples, 50), 1),
    pdfBytes: last.pdf.length,
    renderP95Ms: round(percentile(samples, 95), 1),
    runs,
  };
}

const firstStart = performance.now();
const coldDraft = parseDraft(congVan(1));
await renderDraft(coldDraft, agency, { year: 2026 });
const firstRenderMs = round(performance.now() - firstStart, 1);

const cases = [await measure('cong-van-10-pages', await tenPageCongVan()), await measure('quyet-dinh-30-articles', quyetDinh(30))];
const tenPages = cases[0];
console.log(
  JSON.stringify({
    cases,
    firstRenderMs,
    targets: { renderMedianMsAtMost300For10Pages: tenPages !== undefined && tenPages.pages === 10 && tenPages.renderMedianMs <= 300 },
    machine: { cpus: availableParallelism(), cpuModel: cpus()[0]?.model.trim() ?? 'unknown', node: process.version, load: loadavg().map((l) => round(l, 2)) },
  }),
);
