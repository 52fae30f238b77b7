// One sync run in its own process, for tests that kill it (SIGKILL) at any point:
// node sync-child.ts PROFILE_DIR ENDPOINT SYSTEM_ID SECRET
import { createHubClient } from '../../src/main/hub/hub-client.ts';
import { openProfile } from '../../src/main/profile/open-profile.ts';
import { PACKAGE_BUILDERS } from '../../src/main/sync/package-builders.ts';
import { runSync } from '../../src/main/sync/run-sync.ts';

const [dir, endpoint, systemId, secret] = process.argv.slice(2);
if (!dir || !endpoint || !systemId || !secret) throw new Error('usage: sync-child PROFILE ENDPOINT SYSTEM_ID SECRET');
const profile = openProfile(dir);
const client = createHubClient({ endpoint, systemId, secret, retry: { baseDelayMs: 10, maxDelayMs: 50 } });
try {
  const summary = await runSync(profile, { client, builders: PACKAGE_BUILDERS });
  process.stdout.write(JSON.stringify(summary));
} finally {
  client.close();
  profile.close();
}
