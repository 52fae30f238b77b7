import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { incomingInput } from '../../src/shared/api/schemas/documents.ts';
import { createBackup } from '../../src/main/backup/create-backup.ts';
import { restoreBackup } from '../../src/main/backup/restore-backup.ts';
import { restoreProfile } from '../../src/main/backup/restore-profile.ts';
import { openProfile } from '../../src/main/profile/open-profile.ts';
import { readAttachment, getDocumentDetail } from '../../src/main/registry/documents.ts';
import { registerIncoming } from '../../src/main/registry/incoming.ts';
import { checkProfile } from '../../src/main/backup/check-profile.ts';
import { expectAppError, expectAppErrorAsync } from '../support/app-error.ts';
import { addIncoming, addOutgoing, incoming } from '../support/documents.ts';
import { fixedClock, newProfile } from '../support/temp-profile.ts';

describe('backup and restore', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  function setup() {
    const t = newProfile(fixedClock('2026-07-01T02:00:00Z'));
    cleanup = t.cleanup;
    const withFile = registerIncoming(
      t.profile,
      incomingInput.parse(incoming({ attachments: [{ name: 'qd.pdf', dataBase64: Buffer.from('%PDF-1.4 nội dung').toString('base64') }] })),
    );
    addOutgoing(t.profile);
    return { ...t, withFile };
  }

  it('round-trips the registers, files and audit chain', async () => {
    const { profile, dir, withFile } = setup();
    const record = await createBackup(profile);
    expect(record).toMatchObject({ documents: 2, files: 1 });
    expect(record.fileName).toMatch(/^vanthu-\d{8}-\d{6}\.vtbak$/);
    addIncoming(profile, { subject: 'Sau khi sao lưu' });
    profile.close();
    const outcome = restoreBackup(dir, record.path);
    expect(outcome.previousDataKeptAt && existsSync(outcome.previousDataKeptAt)).toBe(true);
    const restored = openProfile(dir);
    try {
      expect(restored.db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(2);
      const att = getDocumentDetail(restored, withFile.id).attachments[0]!;
      expect(readAttachment(restored, withFile.id, att.sha256).data.toString()).toBe('%PDF-1.4 nội dung');
      expect((await checkProfile(restored)).ok).toBe(true);
      expect(readdirSync(restored.paths.backups)).toContain(record.fileName);
    } finally {
      restored.close();
    }
    const kept = openProfile(outcome.previousDataKeptAt as string);
    try {
      expect(kept.db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(3);
    } finally {
      kept.close();
    }
  });

  it('refuses a tampered archive and changes nothing', async () => {
    const { profile, dir } = setup();
    const record = await createBackup(profile);
    profile.close();
    const bytes = readFileSync(record.path);
    const dbEntry = bytes.indexOf(Buffer.from('SQLite format 3'));
    bytes[dbEntry + 5000] = (bytes[dbEntry + 5000] ?? 0) ^ 0xff;
    const bad = join(dir, '..', 'bad.vtbak');
    writeFileSync(bad, bytes);
    expectAppError(() => restoreBackup(dir, bad), 'BACKUP_INVALID', /bị hỏng/);
    writeFileSync(bad, 'not a tar at all');
    expectAppError(() => restoreBackup(dir, bad), 'BACKUP_INVALID');
    const p = openProfile(dir);
    try {
      expect(p.db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(2);
    } finally {
      p.close();
    }
  });

  it('refuses while another program has the profile open, and changes nothing', async () => {
    const { profile, dir } = setup();
    const record = await createBackup(profile);
    addIncoming(profile, { subject: 'Vào sổ khi ứng dụng đang mở' });
    expectAppError(() => restoreBackup(dir, record.path), 'DB_BUSY', /đang được mở/);
    expect(profile.db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(3);
    expect(addIncoming(profile).number).toBe(3);
  });

  it('refuses a folder that is not a VanThu profile, and a compressed archive', async () => {
    const { profile, dir } = setup();
    const record = await createBackup(profile);
    profile.close();
    const someoneElses = join(dir, '..', 'tai-lieu');
    mkdirSync(someoneElses);
    writeFileSync(join(someoneElses, 'thu.txt'), 'x');
    expectAppError(() => restoreBackup(someoneElses, record.path), 'INVALID_INPUT', /không phải thư mục dữ liệu VanThu/);
    expect(readFileSync(join(someoneElses, 'thu.txt'), 'utf8')).toBe('x');
    const gz = join(dir, '..', 'nen.vtbak');
    writeFileSync(gz, gzipSync(readFileSync(record.path)));
    expectAppError(() => restoreBackup(dir, gz), 'BACKUP_INVALID');
  });

  it('records the restore in the restored audit log', async () => {
    const { profile, dir } = setup();
    const record = await createBackup(profile);
    profile.close();
    restoreProfile(dir, record.path, fixedClock('2026-07-02T02:00:00Z'));
    const p = openProfile(dir);
    try {
      const [entry] = p.audit.list({ limit: 1 });
      expect(entry).toMatchObject({ action: 'backup.restore', entityId: record.fileName });
      expect(p.audit.verify().ok).toBe(true);
    } finally {
      p.close();
    }
  });

  it('refuses to back up a database that fails the integrity check', async () => {
    const { profile } = setup();
    const spy = profile.db.backup.bind(profile.db);
    profile.db.backup = (async (dest: string) => {
      const r = await spy(dest);
      const f = readFileSync(dest);
      for (let page = 1; page < f.length / 4096; page++) f.fill(0xee, page * 4096, page * 4096 + 12);
      writeFileSync(dest, f);
      return r;
    }) as typeof profile.db.backup;
    await expectAppErrorAsync(() => createBackup(profile), 'DB_CORRUPT', /bản sao lưu/);
    expect(readdirSync(profile.paths.backups).filter((n) => n.endsWith('.vtbak'))).toEqual([]);
  });
});
