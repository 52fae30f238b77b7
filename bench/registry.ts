import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initProfile } from '../src/main/profile/init-profile.ts';
import { openProfile, type Profile } from '../src/main/profile/open-profile.ts';
import { profilePaths } from '../src/main/profile/profile-paths.ts';
import { today } from '../src/main/registry/clock.ts';
import { agencyProfileInput } from '../src/shared/api/schemas/profile.ts';
import { parseBenchArgs } from './lib/args.ts';
import { describeMachine } from './lib/machine.ts';
import { measureMix, type MixTiming } from './lib/measure-queries.ts';
import { measureOpenToFirstPage } from './lib/open-to-first-page.ts';
import { allYearsQueries, listQueries, searchQueries } from './lib/query-mix.ts';
import { seededRandom } from './lib/random.ts';
import { measureRegistrations } from './lib/register-rate.ts';
import { seedDocuments } from './lib/seed.ts';
import { round } from './lib/stats.ts';

// `npm run bench:registry -- --documents N [--profile DIR] [--keep]`: seeds N documents, then
// measures registration, search, list pages and a cold start against them. Progress goes to
// stderr; stdout gets one JSON object (bench/README.md explains each figure).
const options = parseBenchArgs(process.argv.slice(2));
const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

const AGENCY = agencyProfileInput.parse({
  name: 'Ủy ban nhân dân xã Phú Điền',
  parentName: 'Ủy ban nhân dân tỉnh Đồng Nai',
  organId: '000.21.33.H19',
  abbreviation: 'UBND',
  placeName: 'Xã Phú Điền',
  units: [{ name: 'Văn phòng Hội đồng nhân dân và Ủy ban nhân dân', abbreviation: 'VP' }],
});

const tempRoot = options.profile ? null : mkdtempSync(join(tmpdir(), 'vanthu-bench-'));
const dir = options.profile ?? join(tempRoot as string, 'profile');
const reuse = existsSync(profilePaths(dir).database);

function logTimings(kind: string, mix: MixTiming): void {
  for (const t of mix.perQuery) {
    const { direction, limit: _limit, withTotal: _withTotal, ...rest } = t.query;
    log(`  ${kind} ${direction} ${JSON.stringify(rest)}: p50 ${t.p50Ms} ms, max ${t.maxMs} ms, total ${t.total}`);
  }
}

function dbBytes(profile: Profile): number {
  return [profile.paths.database, `${profile.paths.database}-wal`]
    .filter((p) => existsSync(p))
    .reduce((sum, p) => sum + statSync(p).size, 0);
}

let profile: Profile | null = null;
try {
  let seedSeconds: number | null = null;
  if (reuse) {
    profile = openProfile(dir, { actor: 'bench' });
    log(`reusing the profile in ${dir}: no seeding`);
  } else {
    profile = initProfile(dir, AGENCY, { actor: 'bench' });
    log(`seeding ${options.documents} documents into ${dir}`);
    const started = performance.now();
    let reported = 0;
    seedDocuments(profile, options.documents, seededRandom(2026), (done) => {
      const seconds = (performance.now() - started) / 1000;
      if (done === options.documents || seconds - reported >= 10) {
        reported = seconds;
        log(`seeded ${done}/${options.documents} in ${seconds.toFixed(0)} s`);
      }
    });
    seedSeconds = round((performance.now() - started) / 1000, 1);
  }
  const p = profile;
  const documents = (p.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
  const todayIso = today(p.clock);
  const year = Number(todayIso.slice(0, 4));

  log(`registering ${options.registrations} incoming documents, one durable transaction each`);
  const registration = measureRegistrations(p, options.registrations, seededRandom(Date.now()));
  log(
    `registered số đến ${registration.firstNumber}–${registration.lastNumber}: ${registration.perSecond.toFixed(0)}/s, ` +
      `${registration.cpuMs.toFixed(2)} ms CPU each`,
  );

  log('searching');
  const search = measureMix(p, searchQueries(true, year), options.rounds);
  const searchNoTotal = measureMix(p, searchQueries(false, year), options.rounds);
  logTimings('search', search);
  log('listing register pages');
  const list = measureMix(p, listQueries(year, todayIso), options.rounds);
  logTimings('list', list);
  log('listing all years at once');
  const allYears = measureMix(p, allYearsQueries(todayIso), options.rounds);
  logTimings('list', allYears);

  const sqlite = (p.db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  const bytes = dbBytes(p);
  p.close();
  log('opening the profile in fresh processes');
  const firstPage = measureOpenToFirstPage(dir, year, options.firstPageRuns);
  log(`  first page: ${firstPage.samplesMs.join(', ')} ms (${firstPage.rows} rows of ${firstPage.total})`);

  const result = {
    documents,
    seedSeconds,
    registerPerSecond: Math.round(registration.perSecond),
    searchP50Ms: search.p50Ms,
    searchP95Ms: search.p95Ms,
    listPageP95Ms: list.p95Ms,
    openToFirstPageMs: firstPage.medianMs,
    dbBytes: bytes,
    registerCpuMs: round(registration.cpuMs),
    searchNoTotalP95Ms: searchNoTotal.p95Ms,
    listPageP50Ms: list.p50Ms,
    listAllYearsP95Ms: allYears.p95Ms,
    openToFirstPageMaxMs: firstPage.maxMs,
    machine: describeMachine(dir, sqlite),
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  profile?.close();
  if (tempRoot && !options.keep) rmSync(tempRoot, { recursive: true, force: true });
  else log(`profile kept in ${dir}`);
}
