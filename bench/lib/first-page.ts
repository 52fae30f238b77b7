import { createDispatch } from '../../src/main/services/dispatch.ts';
import { createHandlers } from '../../src/main/services/handlers.ts';
import { fileKeyCipher } from '../../src/main/hub/secret-cipher.ts';
import { createHubHandlers } from '../../src/main/services/hub-handlers.ts';
import { createIssuanceHandlers } from '../../src/main/services/issuance-handlers.ts';
import { createSigningHandlers } from '../../src/main/services/signing-handlers.ts';
import { createSyncHandlers } from '../../src/main/services/sync-handlers.ts';
import { IntegrityMonitor } from '../../src/main/services/integrity-monitor.ts';
import { ProfileSession } from '../../src/main/services/profile-session.ts';

// Run in a fresh process by open-to-first-page.ts: what the app does when it starts — load the
// services, open the profile, start the background quick_check, answer the list screen's first
// request (this year's incoming register, first page, with its total) — timed from process start
// (performance.now() counts from the process's time origin), module loading included.
const [dir, year] = process.argv.slice(2);
if (!dir || !year) throw new Error('usage: first-page.ts PROFILE_DIR YEAR');
const session = new ProfileSession(dir);
const integrity = new IntegrityMonitor(session.logger);
const signing = createSigningHandlers(() => session.requireInitialized());
const issuance = createIssuanceHandlers(() => session.requireInitialized(), signing);
const cipherFor = (p: { readonly paths: { readonly root: string } }) => fileKeyCipher(p.paths.root);
const hub = createHubHandlers(() => session.requireInitialized(), cipherFor);
const sync = createSyncHandlers(() => session.requireInitialized(), cipherFor);
const dispatch = createDispatch(createHandlers(session, { openPath: async () => false }, integrity, { signing: signing.handlers, issuance, hub, sync: sync.handlers }), session.logger);
void integrity.start(session.current().paths.database);
const reply = await dispatch('documents.list', { direction: 'incoming', year: Number(year), withTotal: true });
const ms = performance.now();
if (!reply.ok) throw new Error(`documents.list failed: ${JSON.stringify(reply)}`);
const page = reply.value as { rows: unknown[]; total: number | null };
process.stdout.write(`${JSON.stringify({ ms, rows: page.rows.length, total: page.total })}\n`);
// The quick_check is still reading the file; the measurement is done, so do not wait for it.
process.exit(0);
