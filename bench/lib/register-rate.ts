import type { Profile } from '../../src/main/profile/open-profile.ts';
import { today } from '../../src/main/registry/clock.ts';
import { registerIncoming } from '../../src/main/registry/incoming.ts';
import { incomingInput } from '../../src/shared/api/schemas/documents.ts';
import { incomingForm } from './corpus.ts';
import type { Random } from './random.ts';

export interface RegisterRate {
  readonly registrations: number;
  readonly perSecond: number;
  // CPU time of this process per registration: what the code costs, apart from the wait for the
  // disk's fsync, which on a shared virtual disk varies from run to run far more.
  readonly cpuMs: number;
  readonly firstNumber: number;
  readonly lastNumber: number;
}

// Registrations as the clerk makes them: the form validated, then registerIncoming — duplicate
// check, next số đến, row, search index, audit entry — one durable transaction (synchronous=FULL)
// each. Code numbers start above any seeded one and above earlier runs on the same profile, so
// the duplicate check runs and finds nothing, as it does for most documents.
export function measureRegistrations(profile: Profile, count: number, r: Random): RegisterRate {
  const base = (profile.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n + 100_000;
  const todayIso = today(profile.clock);
  const forms = Array.from({ length: count }, (_, i) => incomingForm(r, todayIso, String(base + i)));
  let firstNumber = 0;
  let lastNumber = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (const form of forms) {
    const doc = registerIncoming(profile, incomingInput.parse(form));
    if (firstNumber === 0) firstNumber = doc.number;
    lastNumber = doc.number;
  }
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  return { registrations: count, perSecond: count / seconds, cpuMs: (used.user + used.system) / 1000 / count, firstNumber, lastNumber };
}
