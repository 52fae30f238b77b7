import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LATEST_SCHEMA_VERSION } from '../../src/main/db/migrations/index.ts';
import { initProfile } from '../../src/main/profile/init-profile.ts';
import { agencyProfileInput } from '../../src/shared/api/schemas/profile.ts';
import { seededRandom } from './random.ts';
import { seedDocuments } from './seed.ts';
import { round } from './stats.ts';

export interface CliProfile {
  readonly dir: string;
  // Seconds spent seeding in this run; null when a kept profile was reused.
  readonly seedSeconds: number | null;
}

const READY = 'bench-cli-ready.json';

// Where a profile of `documents` documents is kept between runs: seeding a million takes minutes,
// the measurement seconds. The schema version is in the name, so a new migration seeds afresh
// instead of timing the CLI migrating a big database.
const CACHE = join(tmpdir(), 'vanthu-bench-cli');
const SCHEMA_SUFFIX = `-schema-${LATEST_SCHEMA_VERSION}`;

export function cachedProfileDir(documents: number): string {
  return join(CACHE, `${documents}-documents${SCHEMA_SUFFIX}`);
}

// Kept profiles of older schema versions are never used again (1.5 GB each at a million).
export function pruneCachedProfiles(log: (message: string) => void): void {
  if (!existsSync(CACHE)) return;
  for (const name of readdirSync(CACHE)) {
    if (name.endsWith(SCHEMA_SUFFIX)) continue;
    log(`removing ${join(CACHE, name)}, a profile of an older schema`);
    rmSync(join(CACHE, name), { recursive: true, force: true });
  }
}

// The profile bench:registry measures (seedDocuments with the same seed: ten years of both
// registers, the search index written by the app's own code, merged once at the end), for the
// demo agency. `dir` is reused when an earlier run finished seeding it (the marker is written
// last); a folder left by a run that stopped half-way is seeded again from scratch.
export function ensureCliProfile(dir: string, documents: number, log: (message: string) => void): CliProfile {
  const marker = join(dir, READY);
  if (existsSync(marker)) {
    const ready = JSON.parse(readFileSync(marker, 'utf8')) as { documents: number };
    if (ready.documents !== documents) throw new Error(`${dir} holds ${ready.documents} documents, not ${documents}: pass another --profile`);
    log(`reusing the profile in ${dir}`);
    return { dir, seedSeconds: null };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const agency = agencyProfileInput.parse(JSON.parse(readFileSync(new URL('../../resources/demo/agency.json', import.meta.url), 'utf8')));
  const profile = initProfile(dir, agency, { actor: 'bench' });
  const started = performance.now();
  try {
    log(`seeding ${documents} documents into ${dir}`);
    let reported = 0;
    seedDocuments(profile, documents, seededRandom(2026), (done) => {
      const seconds = (performance.now() - started) / 1000;
      if (done === documents || seconds - reported >= 15) {
        reported = seconds;
        log(`seeded ${done}/${documents} in ${seconds.toFixed(0)} s`);
      }
    });
  } finally {
    profile.close();
  }
  writeFileSync(marker, `${JSON.stringify({ documents, schema: LATEST_SCHEMA_VERSION, seededAt: new Date().toISOString() })}\n`);
  return { dir, seedSeconds: round((performance.now() - started) / 1000, 1) };
}
