import { afterEach, describe, expect, it } from 'vitest';
import { openProfile } from '../../src/main/profile/open-profile.ts';
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
