import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vanthuAsync } from '../support/cli.ts';
import { issueDocument } from '../support/issued-document.ts';
import { AGENCY_B, type Desk, type TwoDesks, twoDesks } from '../support/sync-desks.ts';
import { createTestPki, type TestPki } from '../support/test-pki.ts';

// `vanthu sync` as the clerk's scheduled task runs it: the profile's own hub settings (saved with
// `vanthu hub-config`), progress on stderr, the summary on stdout, exit 1 unless all went through.
describe('vanthu sync', () => {
  let env: TwoDesks;
  let pki: TestPki;

  beforeAll(async () => {
    [env, pki] = await Promise.all([twoDesks(), createTestPki()]);
    for (const desk of [env.a, env.b]) {
      const saved = await configure(desk);
      expect(saved.status).toBe(0);
    }
  }, 120_000);
  afterAll(() => env.close());

  function configure(desk: Desk) {
    return vanthuAsync(['hub-config', '--profile', desk.profileDir, '--endpoint', env.hub.url, '--system-id', desk.system.systemId, '--secret-stdin'], {
      input: `${desk.system.secret}\n`,
    });
  }

  it('sends from one desk and receives on the other, one run each', async () => {
    await issueDocument(env.a.profile, pki, env.dir, { subject: 'Về việc thử lệnh đồng bộ', recipients: [{ name: AGENCY_B.name, organId: AGENCY_B.organId }] });
    const sent = await vanthuAsync(['sync', '--profile', env.a.profileDir, '--json']);
    expect(sent.status).toBe(0);
    expect(sent.json()).toMatchObject({ outcome: 'ok', sent: 1, received: 0 });
    expect(sent.stderr).toMatch(/gửi 1\/1/);

    const received = await vanthuAsync(['sync', '--profile', env.b.profileDir]);
    expect(received.status).toBe(0);
    expect(received.stdout).toContain('Đồng bộ xong.');
    expect(received.stdout).toContain('đã nhận 1 văn bản');
    expect(env.b.profile.db.prepare('SELECT subject FROM inbox').pluck().all()).toEqual(['Về việc thử lệnh đồng bộ']);
  });

  it('recalls a sent document from the command line; the recipient sees the request', async () => {
    const doc = await issueDocument(env.a.profile, pki, env.dir, { subject: 'Về việc thử thu hồi bằng lệnh', recipients: [{ name: AGENCY_B.name, organId: AGENCY_B.organId }] });
    const early = await vanthuAsync(['document', 'recall', '--profile', env.a.profileDir, '--id', String(doc.documentId), '--reason', 'Ban hành nhầm', '--json']);
    expect(early.status).toBe(2);
    expect(JSON.parse(early.stderr)).toMatchObject({ code: 'CONFLICT' });
    expect((await vanthuAsync(['sync', '--profile', env.a.profileDir])).status).toBe(0);
    const recalled = await vanthuAsync(['document', 'recall', '--profile', env.a.profileDir, '--id', String(doc.documentId), '--reason', 'Ban hành nhầm']);
    expect(recalled.status).toBe(0);
    expect(recalled.stdout).toContain('Đã ghi yêu cầu thu hồi');
    expect((await vanthuAsync(['sync', '--profile', env.a.profileDir, '--json'])).json()).toMatchObject({ sent: 1 });
    await vanthuAsync(['sync', '--profile', env.b.profileDir]);
    const requests = await vanthuAsync(['inbox', 'list', '--profile', env.b.profileDir, '--json']);
    expect(requests.json<{ rows: Array<{ businessType: string; subject: string }> }>().rows).toContainEqual(
      expect.objectContaining({ businessType: 'revoke', subject: 'Về việc thử thu hồi bằng lệnh' }),
    );
  });

  it('says the hub cannot be reached and exits 1, with nothing lost', async () => {
    await issueDocument(env.a.profile, pki, env.dir, { subject: 'Về việc chờ mạng', recipients: [{ name: AGENCY_B.name, organId: AGENCY_B.organId }] });
    await env.hub.close();
    const offline = await vanthuAsync(['sync', '--profile', env.a.profileDir, '--json']);
    expect(offline.status).toBe(1);
    expect(offline.json()).toMatchObject({ outcome: 'offline', sent: 0 });
    expect(env.a.profile.db.prepare("SELECT count(*) FROM hub_sends WHERE state = 'pending'").pluck().get()).toBe(1);
  });
});
