import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Bridge, startBridge } from '../../src/dev/bridge-server.ts';
import { startHub, type RunningHub } from '../../src/hub/main.ts';
import { initProfile } from '../../src/main/profile/init-profile.ts';
import { agencyProfileInput } from '../../src/shared/api/schemas/profile.ts';
import { bridgeCall, bridgeEnvelope, RENDERER_DIR } from '../support/bridge.ts';
import { vanthuAsync } from '../support/cli.ts';
import { type CrlPki, createCrlPki } from '../support/crl-pki.ts';
import { type CrlServer, startCrlServer } from '../support/crl-server.ts';
import { syncThroughApi } from '../support/sync-bridges.ts';
import { SYSTEMS } from '../support/sync-desks.ts';
import { createCrl, type TestIdentity } from '../support/test-pki.ts';
import { signPdf } from '../../src/main/pdf/sign-pdf.ts';
import { buildPadesCms } from '../../src/main/signing/cms/build-cms.ts';
import { outgoing } from '../support/documents.ts';
import { pdfLibSample } from '../support/pdf-samples.ts';
import { softwareSigner } from '../support/software-signer.ts';
import { SAMPLE_AGENCY, tempDir } from '../support/temp-profile.ts';
import { until } from '../support/until.ts';

const HOUR = 3_600_000;


// The revocation lists through the API contract, as the settings panel uses it, on the app's
// services behind the loopback bridge (which asks loopback points only, so the real CAs named by
// the shipped trust list are never contacted), then through the `vanthu trust crl-…` commands.
describe('revocation lists through the API and the CLI', () => {
  let t: ReturnType<typeof tempDir>;
  let hub: RunningHub;
  let server: CrlServer;
  let pki: CrlPki;
  let bridge: Bridge;
  let profileDir: string;

  beforeAll(async () => {
    t = tempDir('vanthu-crl-api-');
    mkdirSync(join(t.dir, 'hub'));
    writeFileSync(join(t.dir, 'systems.json'), JSON.stringify(SYSTEMS));
    hub = await startHub({ dataDir: join(t.dir, 'hub'), systems: join(t.dir, 'systems.json'), onError: () => undefined });
    server = await startCrlServer();
    pki = await createCrlPki(server);
    const trustDir = join(t.dir, 'trust');
    mkdirSync(trustDir);
    writeFileSync(join(trustDir, 'ca.pem'), pki.ca.pem);
    writeFileSync(join(trustDir, 'root.pem'), pki.root.pem);
    profileDir = join(t.dir, 'profile');
    initProfile(profileDir, agencyProfileInput.parse(SAMPLE_AGENCY), { actor: 'test' }).close();
    bridge = await startBridge({ profileDir, rendererDir: RENDERER_DIR, probeTimeoutMs: 1000 });
    await bridgeCall(bridge, 'signing.saveSettings', { trustAnchorDirs: [trustDir] });
  }, 60_000);
  afterAll(async () => {
    await bridge?.close();
    await server?.close();
    await hub?.close();
    t?.cleanup();
  });

  const rootUrl = () => server.url('/root.crl');
  const status = () => bridgeCall(bridge, 'trust.revocationStatus', {});

  it('fills the cache after a sync through the app services, then on request, and keeps the list when the server fails', async () => {
    const before = await status();
    expect(before.crls).toEqual([]);
    expect(before.missingUrls).toContain(rootUrl());

    server.set('/root.crl', { kind: 'crl', body: await createCrl(pki.root, { thisUpdate: new Date(Date.now() - 2 * HOUR), crlNumber: 1n }) });
    await bridgeCall(bridge, 'hub.saveSettings', { endpoint: hub.url, systemId: SYSTEMS[0].systemId, secret: SYSTEMS[0].secret });
    expect((await syncThroughApi(bridge)).final.lastRun).toMatchObject({ outcome: 'ok', failures: [] });
    const afterSync = await until('the list fetched after the sync', async () => {
      const s = await status();
      return s.crls.length > 0 ? s : undefined;
    });
    expect(afterSync.crls).toEqual([
      expect.objectContaining({ url: rootUrl(), issuer: 'CN=VanThu CRL Test Root, O=VanThu Test, C=VN', stale: false, present: true, lastFailure: null }),
    ]);
    expect(afterSync.missingUrls).not.toContain(rootUrl());

    // On request every point is asked again, however recently; only loopback ones behind the bridge.
    server.set('/root.crl', { kind: 'crl', body: await createCrl(pki.root, { thisUpdate: new Date(Date.now() - HOUR), crlNumber: 2n }) });
    const refreshed = await bridgeCall(bridge, 'trust.refreshRevocation', {});
    expect(refreshed).toMatchObject({ fetched: 1, unchanged: 0, failed: 0, skipped: 0 });
    expect(refreshed.results.map((r) => r.url)).toEqual([rootUrl()]);
    const newer = (await status()).crls[0]!;
    expect(Date.parse(newer.thisUpdate)).toBeGreaterThan(Date.parse(afterSync.crls[0]!.thisUpdate));

    server.set('/root.crl', { kind: 'status', status: 404 });
    const failed = await bridgeCall(bridge, 'trust.refreshRevocation', {});
    expect(failed.results).toEqual([expect.objectContaining({ url: rootUrl(), outcome: 'failed', reasonVi: 'máy chủ trả lỗi HTTP 404', thisUpdate: newer.thisUpdate })]);
    expect((await status()).crls).toEqual([expect.objectContaining({ sha256: newer.sha256, lastFailure: expect.objectContaining({ reasonVi: 'máy chủ trả lỗi HTTP 404' }) })]);

    expect(await bridgeEnvelope(bridge, 'trust.refreshRevocation', { urls: [rootUrl()] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('lists and refreshes from the command line, only the points named with --url', async () => {
    server.set('/root.crl', { kind: 'crl', body: await createCrl(pki.root, { thisUpdate: new Date(Date.now() - 60_000), crlNumber: 3n }) });
    const refresh = await vanthuAsync(['trust', 'crl-refresh', '--profile', profileDir, '--url', rootUrl(), '--json']);
    expect(refresh.status, refresh.stderr + refresh.stdout).toBe(0);
    expect(refresh.json()).toMatchObject({ fetched: 1, failed: 0, results: [{ url: rootUrl(), outcome: 'fetched' }] });

    const list = await vanthuAsync(['trust', 'crl-list', '--profile', profileDir]);
    expect(list.status).toBe(0);
    expect(list.stdout).toContain('1 danh sách thu hồi đã lưu:');
    expect(list.stdout).toContain(rootUrl());

    const unknown = await vanthuAsync(['trust', 'crl-refresh', '--profile', profileDir, '--url', 'http://127.0.0.1:9/none.crl']);
    expect(unknown).toMatchObject({ status: 1 });
    expect(unknown.stdout).toContain('Không có điểm phân phối danh sách thu hồi nào khớp với --url');
    expect(await vanthuAsync(['trust', 'crl-refresh', '--profile', profileDir, '--url', 'ldap://ldap.example.vn/cn=CA'])).toMatchObject({ status: 2 });
  });

  // A document from another agency: verified offline (no list yet), the signer's point recorded,
  // the list fetched on request, then the same document verified again with the server gone.
  it('records the point of a trusted signer, fetches its list, and judges revocation from the cache offline', async () => {
    const signedBy = async (who: TestIdentity, name: string) => {
      const input = await pdfLibSample(join(t.dir, `${name}-in.pdf`), { objectStreams: false });
      const out = join(t.dir, `${name}.pdf`);
      await signPdf({ input, output: out, appearance: null, signingTime: new Date(), sign: (d) => buildPadesCms(softwareSigner(who, []), d) });
      const doc = await bridgeCall(bridge, 'outgoing.register', outgoing());
      const file = await bridgeCall(bridge, 'documents.addAttachment', { documentId: doc.id, name: `${name}.pdf`, dataBase64: readFileSync(out).toString('base64') });
      return { documentId: doc.id, sha256: file.sha256 };
    };
    const good = await signedBy(pki.signer, 'cong-van-ky');
    const revoked = await signedBy(pki.revoked, 'cong-van-thu-hoi');
    const caUrl = server.url('/ca.crl');

    const offline = (await bridgeCall(bridge, 'signing.verify', revoked)).signatures[0]!;
    expect({ verdict: offline.verdict, revocation: offline.checks.revocation.status }).toEqual({ verdict: 'valid', revocation: 'unknown' });
    expect(offline.verdictVi).toMatch(/^Hợp lệ — chưa kiểm tra được tình trạng thu hồi \(không có mạng\)/);
    expect((await status()).missingUrls).toContain(caUrl);

    server.set('/ca.crl', { kind: 'crl', body: await createCrl(pki.ca, { revoked: [pki.revoked], crlNumber: 1n }) });
    expect((await bridgeCall(bridge, 'trust.refreshRevocation', {})).results).toContainEqual(expect.objectContaining({ url: caUrl, outcome: 'fetched' }));
    server.set('/ca.crl', { kind: 'status', status: 503 });

    const judged = (await bridgeCall(bridge, 'signing.verify', revoked)).signatures[0]!;
    expect({ verdict: judged.verdict, revocation: judged.checks.revocation.status }).toEqual({ verdict: 'invalid', revocation: 'failed' });
    const clean = (await bridgeCall(bridge, 'signing.verify', good)).signatures[0]!;
    expect({ verdict: clean.verdict, revocation: clean.checks.revocation.status }).toEqual({ verdict: 'valid', revocation: 'ok' });
    expect(clean.verdictVi).toMatch(/không bị thu hồi/);
  });
});
