import { fileKeyCipher } from '../../src/main/hub/secret-cipher.ts';
import { createServices } from '../../src/main/services/create-services.ts';

// Run in a fresh process by open-to-first-page.ts: what the app does when it starts — load the
// services, open the profile, start the background quick_check, answer the list screen's first
// request (this year's incoming register, first page, with its total) — timed from process start
// (performance.now() counts from the process's time origin), module loading included.
const [dir, year] = process.argv.slice(2);
if (!dir || !year) throw new Error('usage: first-page.ts PROFILE_DIR YEAR');
const services = createServices({ profileDir: dir, desktop: { openPath: async () => false }, cipherFor: (p) => fileKeyCipher(p.paths.root) });
const { dispatch } = services;
services.checkIntegrity();
const reply = await dispatch('documents.list', { direction: 'incoming', year: Number(year), withTotal: true });
const ms = performance.now();
if (!reply.ok) throw new Error(`documents.list failed: ${JSON.stringify(reply)}`);
const page = reply.value as { rows: unknown[]; total: number | null };
process.stdout.write(`${JSON.stringify({ ms, rows: page.rows.length, total: page.total })}\n`);
// The quick_check is still reading the file; the measurement is done, so do not wait for it.
process.exit(0);
