import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/main/log/logger.ts';
import { IntegrityMonitor } from '../../src/main/db/integrity-monitor.ts';
import { addIncoming } from '../support/documents.ts';
import { newProfile } from '../support/temp-profile.ts';

// The background quick_check: damage sends the clerk to restore a backup, so only real damage
// may say 'failed'; a check that could not run says 'unavailable'.
describe('background integrity check', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('reports a sound database as ok', async () => {
    const t = newProfile();
    cleanup = t.cleanup;
    addIncoming(t.profile);
    const monitor = new IntegrityMonitor(silentLogger);
    expect(await monitor.start(t.profile.paths.database)).toBe('ok');
    expect(monitor.detail).toBeNull();
  });

  it('reports damaged pages as failed', async () => {
    const t = newProfile();
    for (let i = 0; i < 300; i++) addIncoming(t.profile, { notes: 'x'.repeat(200) });
    t.profile.db.pragma('wal_checkpoint(TRUNCATE)');
    t.profile.close();
    cleanup = t.cleanup;
    const path = join(t.dir, 'vanthu.db');
    const fd = openSync(path, 'r+');
    for (let page = 2; page < statSync(path).size / 4096; page += 3) writeSync(fd, Buffer.alloc(16, 0xff), 0, 16, page * 4096);
    closeSync(fd);
    const monitor = new IntegrityMonitor(silentLogger);
    expect(await monitor.start(path)).toBe('failed');
    // So many broken page headers stop quick_check itself: its error is the finding.
    expect(monitor.detail).toBe('SQLITE_CORRUPT: database disk image is malformed');
  });

  it('says unavailable, not failed, when the check cannot run', async () => {
    const t = newProfile();
    cleanup = t.cleanup;
    expect(await new IntegrityMonitor(silentLogger).start(join(t.dir, 'no-such.db'))).toBe('unavailable');
    const missingWorker = new IntegrityMonitor(silentLogger, new URL('file:///nonexistent/worker.cjs'));
    expect(await missingWorker.start(t.profile.paths.database)).toBe('unavailable');
  });
});
