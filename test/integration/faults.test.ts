import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { agencyProfileInput, type AgencyProfileInput } from '../../src/shared/api/schemas/profile.ts';
import { incomingInput } from '../../src/shared/api/schemas/documents.ts';
import { initProfile } from '../../src/main/profile/init-profile.ts';
import { openProfile, type Profile } from '../../src/main/profile/open-profile.ts';
import { registerIncoming } from '../../src/main/registry/incoming.ts';
import { checkProfile } from '../../src/main/backup/check-profile.ts';
import { expectAppError } from '../support/app-error.ts';
import { addIncoming, incoming } from '../support/documents.ts';
import { SAMPLE_AGENCY, newProfile, tempDir } from '../support/temp-profile.ts';

const countDocs = (p: Profile) => p.db.prepare('SELECT count(*) FROM documents').pluck().get() as number;

describe('a damaged database', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('that is not SQLite at all is refused with the way forward', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    mkdirSync(join(t.dir, 'p'));
    writeFileSync(join(t.dir, 'p', 'vanthu.db'), Buffer.alloc(8192, 0x41));
    expectAppError(() => openProfile(join(t.dir, 'p')), 'DB_CORRUPT', /khôi phục từ bản sao lưu/);
  });

  it('with damaged pages is caught by the full check', async () => {
    const t = newProfile();
    for (let i = 0; i < 300; i++) addIncoming(t.profile, { notes: 'x'.repeat(200) });
    t.profile.db.pragma('wal_checkpoint(TRUNCATE)');
    // A leaf page of the register in the middle of its b-tree, found by SQLite's own page map, so
    // the damage lands on the rows whatever other tables the schema holds.
    const pageSize = t.profile.db.pragma('page_size', { simple: true }) as number;
    const leaves = t.profile.db.prepare("SELECT pageno FROM dbstat WHERE name = 'documents' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[];
    const page = leaves[Math.floor(leaves.length / 2)]!;
    t.profile.close();
    cleanup = t.cleanup;
    const path = join(t.dir, 'vanthu.db');
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(pageSize - 200, 0xff), 0, pageSize - 200, (page - 1) * pageSize + 100);
    closeSync(fd);
    // The damage is inside the register's rows, far from the header and the schema: the profile
    // opens, and the full check finds the broken b-tree page under the main database's header.
    const p = openProfile(t.dir);
    try {
      const result = await checkProfile(p);
      expect(result.ok).toBe(false);
      expect(result.integrity[0]).toMatch(/^\*\*\* in database main \*\*\*\nTree \d+ page \d+( cell \d+)?: /);
    } finally {
      p.close();
    }
  });

  it('reports a database that hits its size limit as a full disk and keeps the register intact', () => {
    const t = newProfile();
    cleanup = t.cleanup;
    addIncoming(t.profile);
    const pages = t.profile.db.pragma('page_count', { simple: true }) as number;
    t.profile.db.pragma(`max_page_count = ${pages}`);
    let failure: unknown;
    for (let i = 0; i < 200 && !failure; i++) {
      try {
        addIncoming(t.profile, { notes: 'y'.repeat(3000) });
      } catch (e) {
        failure = e;
      }
    }
    expect(failure).toMatchObject({ code: 'DISK_FULL' });
    const n = countDocs(t.profile);
    const numbers = t.profile.db.prepare("SELECT number FROM documents WHERE direction = 'incoming' ORDER BY number").pluck().all();
    expect(numbers).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(t.profile.audit.verify().ok).toBe(true);
  });
});

// A real full disk: the profile lives on a small tmpfs that the test fills. Mounting needs root
// (CI runs as root); elsewhere the block is skipped and says why.
const mountPoint = join(tempDir('vanthu-tmpfs-').dir);
let mounted = false;
let mountError = '';
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mountPoint], { stdio: 'pipe' });
  mounted = true;
} catch (e) {
  mountError = (e as Error).message.split('\n')[0] ?? 'mount failed';
  console.warn(`full-disk tests skipped: cannot mount a tmpfs here (${mountError}); they need root`);
}

describe.skipIf(!mounted)('a full disk (real tmpfs of 3 MB)', () => {
  let profile: Profile;
  const filler = join(mountPoint, 'filler');

  beforeAll(() => {
    profile = initProfile(join(mountPoint, 'p'), agencyProfileInput.parse(SAMPLE_AGENCY as AgencyProfileInput));
  });

  afterAll(() => {
    profile?.close();
    execFileSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  function fillDisk(leaveBytes: number): void {
    rmSync(filler, { force: true });
    const fd = openSync(filler, 'w');
    const chunk = Buffer.alloc(16 * 1024, 1);
    try {
      for (;;) writeSync(fd, chunk);
    } catch {
      // ENOSPC: the disk is full.
    } finally {
      closeSync(fd);
    }
    const size = statSync(filler).size;
    execFileSync('truncate', ['-s', String(Math.max(0, size - leaveBytes)), filler]);
  }

  it('refuses an attachment that does not fit, writes nothing, and works again once space is freed', async () => {
    const first = addIncoming(profile);
    fillDisk(64 * 1024);
    const big = Buffer.alloc(256 * 1024, 7).toString('base64');
    expectAppError(
      () => registerIncoming(profile, incomingInput.parse(incoming({ attachments: [{ name: 'lon.pdf', dataBase64: big }] }))),
      'DISK_FULL',
      /Ổ đĩa đã đầy/,
    );
    fillDisk(0);
    let sqliteFull: unknown;
    for (let i = 0; i < 50 && !sqliteFull; i++) {
      try {
        addIncoming(profile, { notes: 'z'.repeat(4000) });
      } catch (e) {
        sqliteFull = e;
      }
    }
    expect(sqliteFull).toMatchObject({ code: 'DISK_FULL' });
    rmSync(filler);
    const after = addIncoming(profile);
    const numbers = profile.db.prepare("SELECT number FROM documents WHERE direction = 'incoming' ORDER BY number").pluck().all() as number[];
    expect(numbers[0]).toBe(first.number);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    expect(after.number).toBe(numbers.length);
    expect(profile.db.prepare("SELECT count(*) FROM document_files WHERE name = 'lon.pdf'").pluck().get()).toBe(0);
    expect((await checkProfile(profile)).ok).toBe(true);
  });
});
