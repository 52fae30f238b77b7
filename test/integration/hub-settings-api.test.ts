import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../src/dev/bridge-server.ts';
import type { RunningHub } from '../../src/hub/main.ts';
import { DEFAULT_PROBE_TIMEOUT_MS } from '../../src/main/hub/hub-client.ts';
import { FILE_KEY_CIPHER } from '../../src/main/hub/secret-cipher.ts';
import { initProfile } from '../../src/main/profile/init-profile.ts';
import { agencyProfileInput } from '../../src/shared/api/schemas/profile.ts';
import { bridgeEnvelope, RENDERER_DIR } from '../support/bridge.ts';
import { SYS_B, testHubDir, type TestHubDir } from '../support/hub-fixtures.ts';
import { SAMPLE_AGENCY, tempDir } from '../support/temp-profile.ts';

// The hub operations of the API contract through the loopback bridge (the same dispatch,
// validation and services as the app), against the reference hub on loopback.
describe('hub settings and agency directory through the API', () => {
  let dir: TestHubDir;
  let hub: RunningHub;
  let work: { dir: string; cleanup: () => void };
  let profileDir: string;
  let bridge: Bridge;
  // Every answer the page got, to check that none ever carried the secret.
  const answers: string[] = [];

  async function call(name: Parameters<typeof bridgeEnvelope>[1], input: unknown) {
    const envelope = await bridgeEnvelope(bridge, name, input);
    answers.push(JSON.stringify(envelope));
    return envelope;
  }
  async function value<T>(name: Parameters<typeof bridgeEnvelope>[1], input: unknown): Promise<T> {
    const envelope = await call(name, input);
    if (!envelope.ok) throw new Error(`${name}: ${envelope.error.code} ${envelope.error.message}`);
    return envelope.value as T;
  }
  const endpoint = () => `${hub.url}/XrdAdapter/adapter`;

  beforeAll(async () => {
    dir = testHubDir();
    hub = await dir.start();
    work = tempDir();
    profileDir = join(work.dir, 'profile');
    initProfile(profileDir, agencyProfileInput.parse(SAMPLE_AGENCY), { actor: 'test' }).close();
    bridge = await startBridge({ profileDir, rendererDir: RENDERER_DIR });
  });
  afterAll(async () => {
    await bridge.close();
    await hub.close();
    dir.remove();
    work.cleanup();
  });

  it('starts unconfigured, with the organId of the agency profile', async () => {
    expect(await value('hub.settings', {})).toEqual({
      settings: null,
      organId: SAMPLE_AGENCY.organId,
      cipher: FILE_KEY_CIPHER,
      secretReadable: false,
      directory: { count: 0, refreshedAt: null },
    });
  });

  it('refuses a first save without a secret, and an organId, on their fields', async () => {
    const noSecret = await call('hub.saveSettings', { endpoint: endpoint(), systemId: SYS_B.systemId });
    expect(noSecret).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', data: { issues: [{ path: 'secret' }] } } });
    const withOrganId = await call('hub.saveSettings', { endpoint: endpoint(), systemId: SYS_B.systemId, secret: SYS_B.secret, organId: '000.00.02.H99' });
    expect(withOrganId).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const badTime = await call('hub.saveSettings', { endpoint: endpoint(), systemId: SYS_B.systemId, secret: SYS_B.secret, scheduleTime: '5pm' });
    expect(badTime).toMatchObject({ ok: false, error: { data: { issues: [{ path: 'scheduleTime' }] } } });
    expect(await value('hub.settings', {})).toMatchObject({ settings: null });
  });

  it('saves, keeps the secret when none is sent, and never gives it back', async () => {
    const saved = await value('hub.saveSettings', { endpoint: endpoint(), systemId: SYS_B.systemId, secret: SYS_B.secret, scheduleTime: '16:45' });
    expect(saved).toEqual({
      settings: { endpoint: endpoint(), systemId: 'SYS-B', caCertificatePaths: [], scheduleTime: '16:45', enabled: true, hasSecret: true, secretCipher: FILE_KEY_CIPHER },
      organId: SAMPLE_AGENCY.organId,
      cipher: FILE_KEY_CIPHER,
      secretReadable: true,
      directory: { count: 0, refreshedAt: null },
    });
    const kept = await value('hub.saveSettings', { endpoint: endpoint(), systemId: SYS_B.systemId, scheduleTime: null, enabled: false });
    expect(kept).toMatchObject({ settings: { scheduleTime: null, enabled: false, hasSecret: true }, secretReadable: true });
    expect(await value('hub.settings', {})).toEqual(kept);
  });

  it('probes the hub: reachable, with the latency', async () => {
    const probe = await value<{ reachable: boolean; latencyMs: number; checkedAt: string; detail: string | null }>('hub.probe', {});
    // Latency and time are measured: their shape and range, not a value.
    expect(probe).toEqual({ reachable: true, latencyMs: expect.any(Number), checkedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/), detail: null });
    expect(Number.isInteger(probe.latencyMs)).toBe(true);
    expect(probe.latencyMs).toBeLessThan(DEFAULT_PROBE_TIMEOUT_MS);
    expect(Date.parse(probe.checkedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('refreshes the directory from the hub and searches it without diacritics', async () => {
    const refreshed = await value<{ total: number; added: number }>('hub.refreshAgencies', {});
    expect(refreshed).toMatchObject({ total: 4, added: 4, removed: 0 });
    const found = await value<{ items: Array<{ name: string }>; total: number; refreshedAt: string }>('hub.agencies', { query: 'binh minh' });
    expect(found.items.map((a) => a.name)).toContain('UBND xã Bình Minh');
    expect(found.total).toBe(2);
    expect(await value('hub.agencies', { query: 'binh minh', limit: 1, offset: 1 })).toMatchObject({ total: 2, items: [{ name: 'Văn phòng UBND xã Bình Minh' }] });
    expect(await value('hub.settings', {})).toMatchObject({ directory: { count: 4, refreshedAt: found.refreshedAt } });
    expect(await call('hub.agencies', { query: 'x', limit: 1000 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('reports the network down on a closed port at once, and on a silent hub within the probe timeout; refresh keeps the cache', async () => {
    const closed = await freePort();
    await value('hub.saveSettings', { endpoint: `http://127.0.0.1:${closed}/adapter`, systemId: SYS_B.systemId });
    let started = performance.now();
    expect(await value('hub.probe', {})).toMatchObject({ reachable: false, latencyMs: null });
    expect(performance.now() - started).toBeLessThan(DEFAULT_PROBE_TIMEOUT_MS);
    expect(await call('hub.refreshAgencies', {})).toMatchObject({ ok: false, error: { code: 'HUB_UNREACHABLE' } });
    expect(await value('hub.agencies', { query: 'binh minh' })).toMatchObject({ total: 2 });

    const silent = await silentServer();
    try {
      await value('hub.saveSettings', { endpoint: `http://127.0.0.1:${(silent.server.address() as AddressInfo).port}/adapter`, systemId: SYS_B.systemId });
      started = performance.now();
      const probe = await value<{ reachable: boolean; detail: string }>('hub.probe', {});
      const elapsed = performance.now() - started;
      expect(probe.reachable).toBe(false);
      // The probe's deadline (or, as the two are equal, the idle timer) gave up on the silent hub.
      expect(probe.detail).toMatch(/^countReceiveEdoc: ETIMEDOUT: (waiting for )?\/adapter\/countReceiveEdoc( \(idle\))? timed out$/);
      expect(elapsed).toBeGreaterThanOrEqual(DEFAULT_PROBE_TIMEOUT_MS - 100);
      expect(elapsed).toBeLessThan(DEFAULT_PROBE_TIMEOUT_MS + 1500);
    } finally {
      silent.close();
    }
  });

  it('never wrote the secret to an answer, the database, the audit log or the logs', async () => {
    const secret = Buffer.from(SYS_B.secret);
    const audit = await value<unknown[]>('audit.list', { limit: 500 });
    expect(JSON.stringify(audit)).toContain('settings.hub');
    for (const text of [...answers, JSON.stringify(audit)]) expect(text).not.toContain(SYS_B.secret);
    for (const name of readdirSync(profileDir)) {
      if (!name.startsWith('vanthu.db')) continue;
      expect(readFileSync(join(profileDir, name)).includes(secret), name).toBe(false);
    }
    const logs = readdirSync(join(profileDir, 'logs'));
    expect(logs).toEqual(['vanthu.log']);
    for (const name of logs) expect(readFileSync(join(profileDir, 'logs', name)).includes(secret), name).toBe(false);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// Accepts connections and never answers: a hub behind a dead link.
async function silentServer(): Promise<{ server: Server; close(): void }> {
  const sockets = new Set<Socket>();
  const server = createServer((s) => sockets.add(s));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}
