import * as fs from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackup } from '../../src/main/backup/create-backup.ts';
import { restoreBackup } from '../../src/main/backup/restore-backup.ts';
import { openProfile } from '../../src/main/profile/open-profile.ts';
import { addIncoming } from '../support/documents.ts';
import { newProfile } from '../support/temp-profile.ts';

// The swap of folders can fail halfway (an antivirus or the Windows indexer holding a file):
// the current data must then be back where it was, never left moved aside with no profile.
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  return { ...real, renameSync: vi.fn(real.renameSync) };
});

describe('restore that fails while swapping folders', () => {
  let cleanup = () => {};
  afterEach(() => {
    vi.mocked(fs.renameSync).mockRestore();
    cleanup();
  });

  it('puts the current profile back', async () => {
    const t = newProfile();
    cleanup = t.cleanup;
    addIncoming(t.profile);
    const record = await createBackup(t.profile);
    addIncoming(t.profile);
    t.profile.close();
    const real = vi.mocked(fs.renameSync).getMockImplementation() as typeof fs.renameSync;
    vi.mocked(fs.renameSync).mockImplementation((from, to) => {
      if (String(from).includes('.restore-')) throw Object.assign(new Error('EPERM: operation not permitted'), { code: 'EPERM' });
      real(from, to);
    });
    expect(() => restoreBackup(t.dir, record.path)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    const p = openProfile(t.dir);
    try {
      expect(p.db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(2);
    } finally {
      p.close();
    }
    expect(fs.readdirSync(join(t.dir, '..')).filter((n) => n.includes('before-restore') || n.includes('.restore-'))).toEqual([]);
  });
});
