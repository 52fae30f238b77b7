import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../src/hub/main.ts';
import { createHubClient } from '../../src/main/hub/hub-client.ts';
import { initProfile } from '../../src/main/profile/init-profile.ts';
import type { Profile } from '../../src/main/profile/open-profile.ts';
import { saveSigningSettings } from '../../src/main/signing/signing-settings.ts';
import { cachedCrlRows } from '../../src/main/signing/trust/crl-cache.ts';
import { LOOPBACK_CRL_POLICY } from '../../src/main/signing/trust/crl-policy.ts';
import { noteSignerCertificates } from '../../src/main/signing/trust/crl-sources.ts';
import { createSyncService, type SyncService } from '../../src/main/sync/sync-service.ts';
import { agencyProfileInput } from '../../src/shared/api/schemas/profile.ts';
import { signingSettingsInput } from '../../src/shared/api/schemas/signing.ts';
import { type CrlPki, createCrlPki } from '../support/crl-pki.ts';
import { type CrlServer, startCrlServer } from '../support/crl-server.ts';
import { SYSTEMS } from '../support/sync-desks.ts';
import { createCrl } from '../support/test-pki.ts';
import { SAMPLE_AGENCY, tempDir } from '../support/temp-profile.ts';
import { until } from '../support/until.ts';

type LogLine = { event: string; level: string; trigger?: string; fetched?: number; failed?: number; failures?: { url: string; detail: string }[] };


// The sync service as the app runs it, against the reference hub, with the test CA trusted
// through an administrator's folder and its distribution points on loopback: after a run that
// reached the hub the lists are refreshed in the background, and nothing about them touches the
// run's outcome or holds it.
describe('revocation lists refreshed after a sync', () => {
  let t: ReturnType<typeof tempDir>;
  let hub: RunningHub;
  let server: CrlServer;
  let pki: CrlPki;
  let profile: Profile;
  let service: SyncService;

  const setUp = async () => {
    t = tempDir('vanthu-crl-sync-');
    mkdirSync(join(t.dir, 'hub'));
    writeFileSync(join(t.dir, 'systems.json'), JSON.stringify(SYSTEMS));
    hub = await startHub({ dataDir: join(t.dir, 'hub'), systems: join(t.dir, 'systems.json'), onError: () => undefined });
    server = await startCrlServer();
    pki = await createCrlPki(server);
    const trustDir = join(t.dir, 'trust');
    mkdirSync(trustDir);
    writeFileSync(join(trustDir, 'root.pem'), pki.root.pem);
    writeFileSync(join(trustDir, 'ca.pem'), pki.ca.pem);
    profile = initProfile(join(t.dir, 'profile'), agencyProfileInput.parse(SAMPLE_AGENCY), { actor: 'test' });
    saveSigningSettings(profile, signingSettingsInput.parse({ trustAnchorDirs: [trustDir] }));
    // What the verifier does for a trusted signature: its signer's point is asked from then on.
    noteSignerCertificates(profile, [pki.signer.der, pki.ca.der, pki.root.der]);
    const system = SYSTEMS[0];
    service = createSyncService({
      clientFor: () => createHubClient({ endpoint: hub.url, systemId: system.systemId, secret: system.secret, retry: { baseDelayMs: 10, maxDelayMs: 50 } }),
      probeTimeoutMs: 2000,
      crlPolicy: LOOPBACK_CRL_POLICY,
    });
  };
  afterEach(async () => {
    await service.idle();
    profile.close();
    await server.close();
    await hub.close();
    t.cleanup();
  });

  const logLines = (): LogLine[] =>
    readFileSync(join(profile.paths.logs, 'vanthu.log'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as LogLine);
  const refreshLogs = () => logLines().filter((l) => l.event === 'crl.refresh');
  const cachedUrls = () => cachedCrlRows(profile).map((r) => r.url).sort();

  it('fetches them once the run is answered, never holds the run or the shutdown, and skips points checked lately', async () => {
    await setUp();
    server.set('/root.crl', { kind: 'crl', body: await createCrl(pki.root) });
    // The CA's server never answers: the run must not wait for it.
    server.set('/ca.crl', { kind: 'hang' });
    const started = Date.now();
    const summary = await service.start(profile, 'manual').done;
    expect(summary).toMatchObject({ outcome: 'ok', failures: [] });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(service.running(profile)).toBe(false);

    // The root's list arrives in the background while the CA's server still hangs.
    await until('the root list', () => (cachedUrls().includes(server.url('/root.crl')) ? true : undefined));
    expect(server.requests.map((r) => r.path).sort()).toEqual(['/ca.crl', '/root.crl']);
    // Shutting down stops the hung fetch instead of waiting the 20 s a point may take.
    const stopping = Date.now();
    await service.idle();
    expect(Date.now() - stopping).toBeLessThan(3000);
    const [stopped] = refreshLogs();
    expect(stopped).toMatchObject({ level: 'warn', trigger: 'sync', fetched: 1, failed: 1, failures: [{ url: server.url('/ca.crl'), detail: 'aborted (the program is closing or the refresh ran out of time)' }] });

    // The next run: the root's point was confirmed a moment ago and is skipped; the CA's is asked.
    server.set('/ca.crl', { kind: 'crl', body: await createCrl(pki.ca, { revoked: [pki.revoked] }) });
    expect((await service.start(profile, 'manual').done).outcome).toBe('ok');
    await until('the CA list', () => (cachedUrls().includes(server.url('/ca.crl')) ? true : undefined));
    await service.idle();
    const paths = server.requests.map((r) => r.path);
    expect([paths.slice(0, 2).sort(), paths.slice(2)]).toEqual([['/ca.crl', '/root.crl'], ['/ca.crl']]);
    expect(refreshLogs().at(-1)).toMatchObject({ level: 'info', fetched: 1, failed: 0 });
  });

  it('leaves the run as it was when the CA servers fail, and does not refresh after a run that found no hub', async () => {
    await setUp();
    server.set('/root.crl', { kind: 'status', status: 500 });
    server.set('/ca.crl', { kind: 'status', status: 503 });
    const summary = await service.start(profile, 'manual').done;
    expect(summary).toMatchObject({ outcome: 'ok', failures: [] });
    const logged = await until('the refresh log line', () => refreshLogs()[0]);
    expect(logged).toMatchObject({ level: 'warn', trigger: 'sync', fetched: 0, failed: 2 });
    expect(cachedUrls()).toEqual([]);
    // The run's record is untouched by what followed it.
    expect(service.state(profile).lastRun).toMatchObject({ outcome: 'ok', failures: [] });
    await service.idle();

    const asked = server.requests.length;
    await hub.close();
    const offline = await service.start(profile, 'manual').done;
    expect(offline.outcome).toBe('offline');
    await service.idle();
    expect(server.requests.length).toBe(asked);
    expect(refreshLogs()).toHaveLength(1);
    hub = await startHub({ dataDir: join(t.dir, 'hub'), systems: join(t.dir, 'systems.json'), onError: () => undefined });
  });
});
