import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileKeyCipher } from '../src/main/hub/secret-cipher.ts';
import { initProfile } from '../src/main/profile/init-profile.ts';
import { openProfile, type Profile } from '../src/main/profile/open-profile.ts';
import { profilePaths } from '../src/main/profile/profile-paths.ts';
import { today } from '../src/main/registry/clock.ts';
import { recordDocumentUse } from '../src/main/reports/document-use.ts';
import { createServices } from '../src/main/services/create-services.ts';
import type { CaseFileDetail } from '../src/shared/api/schemas/casefiles.ts';
import { agencyProfileInput } from '../src/shared/api/schemas/profile.ts';
import type { YearlyReport } from '../src/shared/api/schemas/reports.ts';
import { seedCaseFiles } from './lib/case-file-seed.ts';
import { attachPdfs } from './lib/file-pdfs.ts';
import { describeMachine } from './lib/machine.ts';
import { seededRandom } from './lib/random.ts';
import { parseRecordsArgs } from './lib/records-args.ts';
import { call, measure, type Sample, summarise, timed, type Timing } from './lib/records-measure.ts';
import { seedDocuments } from './lib/seed.ts';
import { round } from './lib/stats.ts';

// `npm run bench:records [-- --quick] [--documents N] [--files N] [--profile DIR --keep]`: the
// registers of bench:registry with case files on top (issue 13 "Scale"), then the case-file and
// report operations through the dispatcher as the app serves them. Progress goes to stderr;
// stdout gets one JSON object (bench/README.md "Case files and reports").
const options = parseRecordsArgs(process.argv.slice(2));
const log = (message: string): void => void process.stderr.write(`[bench:records] ${message}\n`);

const AGENCY = agencyProfileInput.parse({
  name: 'Ủy ban nhân dân xã Phú Điền',
  parentName: 'Ủy ban nhân dân tỉnh Đồng Nai',
  organId: '000.21.33.H19',
  abbreviation: 'UBND',
  placeName: 'Xã Phú Điền',
  units: [{ name: 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân', abbreviation: 'VP' }],
});
// Documents of this year looked at, each once: the views report's rows.
const VIEWED = 2_000;

const tempRoot = options.profile ? null : mkdtempSync(join(tmpdir(), 'vanthu-bench-records-'));
const dir = options.profile ?? join(tempRoot as string, 'profile');
const reuse = existsSync(profilePaths(dir).database);

function seed(): { seedSeconds: number } {
  const started = performance.now();
  const profile = initProfile(dir, AGENCY, { actor: 'bench' });
  try {
    log(`seeding ${options.documents} documents into ${dir}`);
    let reported = 0;
    seedDocuments(profile, options.documents, seededRandom(2026), (done) => {
      const seconds = (performance.now() - started) / 1000;
      if (done === options.documents || seconds - reported >= 15) {
        reported = seconds;
        log(`seeded ${done}/${options.documents} in ${seconds.toFixed(0)} s`);
      }
    });
    const thisYear = Number(today(profile.clock).slice(0, 4));
    const files = seedCaseFiles(profile, { files: options.files, bigFile: options.bigFile, thisYear }, seededRandom(13), log);
    log(`${files.files} case files in ${files.plans} plans, ${files.filings} filings`);
    return { seedSeconds: round((performance.now() - started) / 1000, 1) };
  } finally {
    profile.close();
  }
}

// Run once on a new profile, after the seed: PDFs for the big file and a year of views.
async function seedUse(bigFileId: number, thisYear: number): Promise<void> {
  const profile = openProfile(dir, { actor: 'bench' });
  try {
    const attached = await attachPdfs(profile, bigFileId);
    log(`big file: a PDF for each of its ${attached.documents} documents, ${attached.pages} pages`);
    const viewed = profile.db.prepare("SELECT id FROM documents WHERE year = ? AND status = 'active' ORDER BY id").pluck().all(thisYear) as number[];
    const r = seededRandom(6);
    for (let i = 0; i < Math.min(VIEWED, viewed.length); i++) recordDocumentUse(profile, viewed[r.int(0, viewed.length - 1)] as number, 'view');
  } finally {
    profile.close();
  }
}

function findBigFile(profile: Profile, thisYear: number): { id: number; documents: number } {
  const row = profile.db
    .prepare(
      `SELECT x.case_file_id AS id, count(*) AS documents FROM case_file_documents x JOIN case_files cf ON cf.id = x.case_file_id JOIN file_plans p ON p.id = cf.plan_id
       WHERE p.year = ? AND cf.status = 'open' AND x.removed_at IS NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
    )
    .get(thisYear) as { id: number; documents: number } | undefined;
  if (!row) throw new Error(`no open case file of ${thisYear} in ${dir}`);
  return row;
}

// Documents of this year in no file, each to be filed once into another open file of the year.
function filingPairs(profile: Profile, thisYear: number, bigFileId: number, n: number): Array<{ caseFileId: number; documentId: number }> {
  const documents = profile.db
    .prepare(
      `SELECT d.id FROM documents d WHERE d.year = ? AND d.status = 'active'
         AND NOT EXISTS (SELECT 1 FROM case_file_documents x WHERE x.document_id = d.id AND x.removed_at IS NULL)
       ORDER BY d.id DESC LIMIT ?`,
    )
    .pluck()
    .all(thisYear, n) as number[];
  const files = profile.db
    .prepare("SELECT cf.id FROM case_files cf JOIN file_plans p ON p.id = cf.plan_id WHERE p.year = ? AND cf.status = 'open' AND cf.id <> ? ORDER BY cf.id")
    .pluck()
    .all(thisYear, bigFileId) as number[];
  if (documents.length < n || files.length === 0) throw new Error(`not enough unfiled documents (${documents.length}) or open files (${files.length}) of ${thisYear}`);
  const r = seededRandom(29);
  return documents.map((documentId) => ({ caseFileId: files[r.int(0, files.length - 1)] as number, documentId }));
}

function dbBytes(): number {
  const db = profilePaths(dir).database;
  return [db, `${db}-wal`].filter((p) => existsSync(p)).reduce((sum, p) => sum + statSync(p).size, 0);
}

const logTiming = (name: string, t: Timing): void => log(`  ${name}: p50 ${t.p50Ms} ms, p95 ${t.p95Ms} ms, max ${t.maxMs} ms, CPU ${t.cpuP50Ms} ms (${t.samples} samples)`);

try {
  let seedSeconds: number | null = null;
  if (reuse) log(`reusing the profile in ${dir}: no seeding`);
  else seedSeconds = seed().seedSeconds;

  const probe = openProfile(dir, { actor: 'bench' });
  const todayIso = today(probe.clock);
  const thisYear = Number(todayIso.slice(0, 4));
  let big = findBigFile(probe, thisYear);
  probe.close();
  if (!reuse) await seedUse(big.id, thisYear);

  const services = createServices({ profileDir: dir, desktop: { openPath: async () => false }, cipherFor: (p) => fileKeyCipher(p.paths.root) });
  try {
    const { dispatch } = services;
    const profile = services.session.requireInitialized();
    const counts = profile.db
      .prepare('SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM case_files) AS caseFiles, (SELECT count(*) FROM case_file_documents WHERE removed_at IS NULL) AS filings')
      .get() as { documents: number; caseFiles: number; filings: number };
    big = findBigFile(profile, thisYear);
    log(`${counts.documents} documents, ${counts.caseFiles} case files, ${counts.filings} filings; big file ${big.id} with ${big.documents} documents`);

    // The first open in a process counts the pages of every PDF; later ones find the counts cached.
    const first = performance.now();
    const detail = await call<CaseFileDetail>(dispatch, 'caseFiles.detail', { id: big.id });
    const openFileFirstMs = round(performance.now() - first);
    const pages = detail.documents.reduce((n, d) => n + d.pages, 0);
    log(`opened file ${detail.notation} (${detail.documents.length} documents, ${pages} pages) in ${openFileFirstMs} ms, page counts cold`);

    log(`filing ${options.filings} documents, one durable transaction each`);
    const pairs = filingPairs(profile, thisYear, big.id, options.filings);
    const fileSamples: Sample[] = [];
    for (const pair of pairs) fileSamples.push(await timed(() => call(dispatch, 'caseFiles.addDocument', pair)));
    const fileDocument = summarise(fileSamples);
    logTiming('caseFiles.addDocument', fileDocument);

    log('opening the big file');
    const openFile = await measure([() => call(dispatch, 'caseFiles.detail', { id: big.id })], options.rounds);
    logTiming('caseFiles.detail', openFile);
    log('printing its mục lục');
    // The first print in a process measures every word's width; later ones find them kept.
    const firstPrint = await timed(() => call(dispatch, 'archive.printContents', { caseFileId: big.id }));
    const printContentsFirstMs = round(firstPrint.ms);
    log(`  first print: ${printContentsFirstMs} ms, CPU ${round(firstPrint.cpuMs)} ms`);
    let printedBytes = 0;
    const printContents = await measure(
      [
        async () => {
          printedBytes = (await call<{ bytes: number }>(dispatch, 'archive.printContents', { caseFileId: big.id })).bytes;
        },
      ],
      options.rounds,
    );
    logTiming('archive.printContents', printContents);

    log('reports');
    const thisPeriod = { from: `${thisYear}-01-01`, to: todayIso };
    const lastYear = { from: `${thisYear - 1}-01-01`, to: `${thisYear - 1}-12-31` };
    let yearly: YearlyReport | null = null;
    const yearlyReport = await measure(
      [thisYear, thisYear - 1].map((year) => async () => {
        const r = await call<YearlyReport>(dispatch, 'reports.yearly', { year });
        if (year === thisYear) yearly = r;
      }),
      options.rounds,
    );
    logTiming('reports.yearly', yearlyReport);
    const incomingReport = await measure([thisPeriod, lastYear].map((period) => () => call(dispatch, 'reports.incoming', period)), options.rounds);
    logTiming('reports.incoming', incomingReport);
    const outgoingReport = await measure([thisPeriod, lastYear].map((period) => () => call(dispatch, 'reports.outgoing', period)), options.rounds);
    logTiming('reports.outgoing', outgoingReport);
    const viewsReport = await measure([() => call(dispatch, 'reports.views', thisPeriod)], options.rounds);
    logTiming('reports.views', viewsReport);
    const y = yearly as YearlyReport | null;
    if (y) log(`  ${thisYear}: ${y.incoming.total} incoming, ${y.outgoing.total} outgoing, files ${JSON.stringify(y.caseFiles)}`);

    const sqlite = (profile.db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
    const result = {
      quick: options.quick,
      documents: counts.documents,
      caseFiles: counts.caseFiles,
      filings: counts.filings,
      bigFileDocuments: detail.documents.length,
      bigFilePages: pages,
      seedSeconds,
      fileDocumentP95Ms: fileDocument.p95Ms,
      openFileP95Ms: openFile.p95Ms,
      printContentsP95Ms: printContents.p95Ms,
      yearlyReportP95Ms: yearlyReport.p95Ms,
      incomingReportP95Ms: incomingReport.p95Ms,
      outgoingReportP95Ms: outgoingReport.p95Ms,
      viewsReportP95Ms: viewsReport.p95Ms,
      fileDocumentP50Ms: fileDocument.p50Ms,
      openFileP50Ms: openFile.p50Ms,
      openFileFirstMs,
      printContentsP50Ms: printContents.p50Ms,
      printContentsFirstMs,
      printContentsBytes: printedBytes,
      yearlyReportP50Ms: yearlyReport.p50Ms,
      fileDocumentCpuMs: fileDocument.cpuP50Ms,
      openFileCpuMs: openFile.cpuP50Ms,
      printContentsCpuMs: printContents.cpuP50Ms,
      yearlyReportCpuMs: yearlyReport.cpuP50Ms,
      dbBytes: dbBytes(),
      targets: {
        fileDocumentUnder200Ms: fileDocument.p95Ms < 200,
        openFileUnder200Ms: openFile.p95Ms < 200,
        printContentsUnder200Ms: printContents.p95Ms < 200,
        yearlyReportAtMost2000Ms: yearlyReport.p95Ms <= 2000,
      },
      machine: { ...describeMachine(dir, sqlite), load: loadavg().map((l) => round(l, 2)) },
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await services.close();
  }
} finally {
  if (tempRoot && !options.keep) rmSync(tempRoot, { recursive: true, force: true });
  else log(`profile kept in ${dir}`);
}
