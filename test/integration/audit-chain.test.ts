import { afterEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../src/main/backup/create-backup.ts';
import { restoreProfile } from '../../src/main/backup/restore-profile.ts';
import { openProfile } from '../../src/main/profile/open-profile.ts';
import { verifyAuditLog } from '../../src/main/backup/verify-audit.ts';
import { addIncoming, addOutgoing } from '../support/documents.ts';
import { fixedClock, newProfile } from '../support/temp-profile.ts';

describe('audit log', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  function setup() {
    const t = newProfile(fixedClock('2026-04-01T02:00:00Z'));
    cleanup = t.cleanup;
    addIncoming(t.profile);
    addOutgoing(t.profile);
    addIncoming(t.profile);
    return t;
  }

  it('records every change in a chain that verifies', () => {
    const { profile } = setup();
    const result = profile.audit.verify();
    expect(result).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(profile.audit.list({ limit: 10 }).map((e) => e.action)).toEqual([
      'incoming.register',
      'outgoing.register',
      'incoming.register',
      'series.createDefaults',
      'profile.create',
    ]);
  });

  it('refuses updates and deletes', () => {
    const { profile } = setup();
    expect(() => profile.db.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => profile.db.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(/append-only/);
  });

  it('detects an entry edited behind the triggers', () => {
    const { profile, dir } = setup();
    profile.db.exec('DROP TRIGGER audit_log_no_update');
    profile.db.prepare(`UPDATE audit_log SET details = json_set(details, '$.arrivalNumber', 99) WHERE seq = 3`).run();
    profile.close();
    const reopened = openProfile(dir);
    try {
      expect(reopened.audit.verify()).toMatchObject({ ok: false, firstBrokenSeq: 3, problem: 'entry 3 was changed after it was written' });
    } finally {
      reopened.close();
    }
  });

  it('detects a removed entry and a rewritten link', () => {
    const { profile } = setup();
    profile.db.exec('DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_no_update');
    profile.db.prepare('DELETE FROM audit_log WHERE seq = 4').run();
    expect(profile.audit.verify()).toMatchObject({ ok: false, firstBrokenSeq: 4 });
    profile.db.prepare('UPDATE audit_log SET seq = 4 WHERE seq = 5').run();
    expect(profile.audit.verify()).toMatchObject({ ok: false, firstBrokenSeq: 4, problem: 'entry 4 does not link to entry 3' });
  });
});

describe('audit log anchored by backups', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('detects entries cut off the end after a backup recorded them', async () => {
    const t = newProfile(fixedClock('2026-04-01T02:00:00Z'));
    cleanup = t.cleanup;
    addIncoming(t.profile);
    addIncoming(t.profile);
    await createBackup(t.profile);
    expect(await verifyAuditLog(t.profile)).toMatchObject({ ok: true });
    const head = t.profile.db.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
    t.profile.db.exec('DROP TRIGGER audit_log_no_delete');
    t.profile.db.prepare('DELETE FROM audit_log WHERE seq >= ?').run(head - 2);
    expect(t.profile.audit.verify().ok).toBe(true);
    const anchored = await verifyAuditLog(t.profile);
    expect(anchored).toMatchObject({ ok: false, firstBrokenSeq: head - 2 });
    expect(anchored.problem).toMatch(/missing: backup vanthu-.*\.vtbak recorded entry/);
  });

  it('does not hold a restored history against backups of the history it replaced', async () => {
    const clock = fixedClock('2026-04-01T02:00:00Z');
    const t = newProfile(clock);
    cleanup = t.cleanup;
    addIncoming(t.profile);
    const early = await createBackup(t.profile);
    clock.set('2026-04-02T02:00:00Z');
    addIncoming(t.profile);
    await createBackup(t.profile);
    t.profile.close();
    clock.set('2026-04-03T02:00:00Z');
    restoreProfile(t.dir, early.path, clock);
    const restored = openProfile(t.dir, { clock });
    try {
      expect(await verifyAuditLog(restored)).toMatchObject({ ok: true });
    } finally {
      restored.close();
    }
  });
});
