import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openProfile, type Profile } from '../../src/main/profile/open-profile.ts';
import { cachedCrlRows, cachedCrls, crlFolderOf } from '../../src/main/signing/trust/crl-cache.ts';
import { refreshCrls } from '../../src/main/signing/trust/crl-refresh.ts';
import { noteSignerCertificates } from '../../src/main/signing/trust/crl-sources.ts';
import { revocationStatusOf } from '../../src/main/signing/trust/profile-crls.ts';
import { checkRevocation } from '../../src/main/signing/verify/trust-revocation.ts';
import { readCertificate } from '../../src/main/signing/verify/trust-certificate.ts';
import { type CrlPki, createCrlPki } from '../support/crl-pki.ts';
import { type CrlServer, startCrlServer } from '../support/crl-server.ts';
import { createCrl } from '../support/test-pki.ts';
import { newProfile } from '../support/temp-profile.ts';

const HOUR = 3_600_000;
const pem = (der: Uint8Array) => `-----BEGIN X509 CRL-----\n${Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END X509 CRL-----\n`;

// The revocation cache against a CA's distribution points on loopback: what is fetched is kept in
// the profile, survives reopening it, and answers the verifier after the server is gone; what is
// older, forged, too slow, too large or missing never replaces what is kept.
describe('CRL cache fed from distribution points on loopback', () => {
  let server: CrlServer;
  let pki: CrlPki;
  let env: ReturnType<typeof newProfile>;
  let profile: Profile;
  // The trust list of most tests holds the root only: the CA's list is asked because a verified
  // signer under it was noted.
  const trustList = () => [pki.root.der];

  const setUp = async () => {
    server = await startCrlServer();
    pki = await createCrlPki(server);
    env = newProfile();
    profile = env.profile;
  };
  afterEach(async () => {
    await server.close();
    env.cleanup();
  });

  const serveCaList = async (options: Parameters<typeof createCrl>[1] = {}) => {
    const der = await createCrl(pki.ca, { revoked: [pki.revoked], ...options });
    server.set('/ca.crl', { kind: 'crl', body: der });
    return der;
  };

  it('fetches the lists of the trust list and of noted signers, keeps them durably, and answers offline after reopening', async () => {
    await setUp();
    server.set('/root.crl', { kind: 'crl', body: await createCrl(pki.root) });
    const caList = await serveCaList({ crlNumber: 5n });
    // The CA's point comes from the trust list; the signers' point only from a verified document.
    expect(noteSignerCertificates(profile, [pki.revoked.der, pki.ca.der, pki.root.der])).toBe(2);
    expect(noteSignerCertificates(profile, [pki.revoked.der, pki.ca.der, pki.root.der])).toBe(0);

    const result = await refreshCrls(profile, [pki.root.der, pki.ca.der], { timeoutMs: 5000 });
    expect(result).toMatchObject({ fetched: 2, unchanged: 0, failed: 0, skipped: 0 });
    expect(result.results.map((r) => [r.url, r.outcome, r.issuer]).sort()).toEqual([
      [server.url('/ca.crl'), 'fetched', 'CN=VanThu CRL Test CA, O=VanThu Test, C=VN'],
      [server.url('/root.crl'), 'fetched', 'CN=VanThu CRL Test Root, O=VanThu Test, C=VN'],
    ]);
    const rows = cachedCrlRows(profile);
    const caRow = rows.find((r) => r.url === server.url('/ca.crl'))!;
    expect(caRow).toMatchObject({ crlNumber: '5', size: caList.length, failureVi: null });
    expect(Date.parse(caRow.nextUpdate!)).toBeGreaterThan(Date.now());
    expect(readdirSync(crlFolderOf(profile.db)).sort()).toEqual(rows.map((r) => `${r.sha256}.crl`).sort());

    await server.close();
    profile.close();
    const reopened = openProfile(env.dir);
    try {
      const crls = cachedCrls(reopened);
      expect(crls.map((c) => Buffer.from(c).toString('hex'))).toContain(Buffer.from(caList).toString('hex'));
      const now = new Date();
      const ca = readCertificate(pki.ca.der);
      expect(checkRevocation(readCertificate(pki.revoked.der), ca, crls, now, now)).toMatchObject({ status: 'revoked', source: 'crl' });
      expect(checkRevocation(readCertificate(pki.signer.der), ca, crls, now, now)).toMatchObject({ status: 'good', source: 'crl' });
      expect(checkRevocation(ca, readCertificate(pki.root.der), crls, now, now)).toMatchObject({ status: 'good', source: 'crl' });

      // With the server gone, a refresh fails for each point and keeps both lists.
      const offline = await refreshCrls(reopened, [pki.root.der, pki.ca.der], { timeoutMs: 2000 });
      expect(offline).toMatchObject({ fetched: 0, failed: 2 });
      for (const r of offline.results) expect(r.reasonVi).toBe('không kết nối được máy chủ phát hành danh sách thu hồi');
      expect(cachedCrls(reopened)).toHaveLength(2);
      expect(cachedCrlRows(reopened).every((r) => r.failureVi !== null)).toBe(true);
    } finally {
      reopened.close();
      server = await startCrlServer();
    }
  });

  it('never replaces a list with an older one, and a newer one replaces it and its file', async () => {
    await setUp();
    const newer = await serveCaList({ crlNumber: 7n, thisUpdate: new Date(Date.now() - HOUR) });
    expect((await refreshCrls(profile, trustList())).results).toEqual([]);
    noteSignerCertificates(profile, [pki.signer.der, pki.ca.der]);
    expect((await refreshCrls(profile, trustList())).fetched).toBe(1);

    // A stale mirror, or a replay: issued earlier with a lower number.
    await serveCaList({ crlNumber: 6n, thisUpdate: new Date(Date.now() - 48 * HOUR) });
    const older = await refreshCrls(profile, trustList());
    expect(older.results).toMatchObject([{ outcome: 'failed', reasonVi: 'máy chủ trả về danh sách cũ hơn bản đã lưu; vẫn dùng bản đã lưu' }]);
    expect(cachedCrls(profile).map((c) => Buffer.from(c).equals(newer))).toEqual([true]);
    // The same issue time and a lower number is not newer either.
    await serveCaList({ crlNumber: 6n, thisUpdate: new Date(Date.parse(cachedCrlRows(profile)[0]!.thisUpdate)) });
    expect((await refreshCrls(profile, trustList())).failed).toBe(1);

    // The same list again is unchanged (no ETag here, so it is compared by hash).
    server.set('/ca.crl', { kind: 'crl', body: newer });
    expect((await refreshCrls(profile, trustList())).results).toMatchObject([{ outcome: 'unchanged', reasonVi: null }]);
    expect(cachedCrlRows(profile)[0]!.failureVi).toBeNull();

    const newest = await serveCaList({ crlNumber: 8n, thisUpdate: new Date(Date.now() - 60_000) });
    expect((await refreshCrls(profile, trustList())).results).toMatchObject([{ outcome: 'fetched' }]);
    expect(cachedCrls(profile).map((c) => Buffer.from(c).equals(newest))).toEqual([true]);
    expect(cachedCrlRows(profile)[0]!.crlNumber).toBe('8');
    // The replaced list's file is gone; only the kept one is in the folder.
    expect(readdirSync(crlFolderOf(profile.db))).toEqual([`${cachedCrlRows(profile)[0]!.sha256}.crl`]);
  });

  it('refuses a list signed by another key, issued by another CA, a delta, or not a CRL at all', async () => {
    await setUp();
    noteSignerCertificates(profile, [pki.signer.der, pki.ca.der]);
    const expectRefused = async (reasonVi: string) => {
      const result = await refreshCrls(profile, trustList());
      expect(result.results).toMatchObject([{ url: server.url('/ca.crl'), outcome: 'failed', reasonVi }]);
      expect(cachedCrls(profile)).toEqual([]);
    };
    server.set('/ca.crl', { kind: 'crl', body: await createCrl(pki.ca, { revoked: [], signingKey: pki.other.keys.privateKey }) });
    await expectRefused('chữ ký trên danh sách thu hồi không phải của tổ chức cấp chứng thư');
    server.set('/ca.crl', { kind: 'crl', body: await createCrl(pki.root) });
    await expectRefused('danh sách thu hồi không phải của tổ chức cấp chứng thư');
    server.set('/ca.crl', { kind: 'crl', body: await createCrl(pki.ca, { crlNumber: 9n, deltaOf: 8n }) });
    await expectRefused('máy chủ trả về danh sách thu hồi bổ sung (delta), không phải danh sách đầy đủ');
    server.set('/ca.crl', { kind: 'crl', body: new TextEncoder().encode('<html>Trang đăng nhập Wi-Fi</html>'), contentType: 'text/html' });
    await expectRefused('máy chủ không trả về danh sách thu hồi (CRL)');
    server.set('/ca.crl', { kind: 'crl', body: new Uint8Array([0x30, 0x82, 0x10, 0x00, 0x01]) });
    await expectRefused('máy chủ không trả về danh sách thu hồi (CRL) đọc được');

    // A list served as PEM is as good as DER.
    const der = await createCrl(pki.ca);
    server.set('/ca.crl', { kind: 'crl', body: new TextEncoder().encode(pem(der)), contentType: 'application/x-pem-file' });
    expect((await refreshCrls(profile, trustList())).fetched).toBe(1);
    expect(cachedCrls(profile).map((c) => Buffer.from(c).equals(der))).toEqual([true]);
  });

  it('gives up on a server that never answers or never stops, within the time given', async () => {
    await setUp();
    noteSignerCertificates(profile, [pki.signer.der, pki.ca.der]);
    server.set('/ca.crl', { kind: 'hang' });
    let started = Date.now();
    const hung = await refreshCrls(profile, trustList(), { timeoutMs: 400 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(hung.results).toMatchObject([{ outcome: 'failed', reasonVi: 'máy chủ không trả lời trong thời gian cho phép', detail: 'no complete answer within 400 ms' }]);

    // A body that never ends is cut at the size limit, not read into memory for ever.
    server.set('/ca.crl', { kind: 'endless' });
    started = Date.now();
    const endless = await refreshCrls(profile, trustList(), { timeoutMs: 20_000, maxBytes: 2 * 1024 * 1024 });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(endless.results).toMatchObject([{ outcome: 'failed', reasonVi: 'danh sách thu hồi lớn quá giới hạn cho phép', detail: 'response exceeds 2097152 bytes' }]);

    // The whole refresh has a budget too: what is still waiting then is stopped.
    server.set('/ca.crl', { kind: 'hang' });
    started = Date.now();
    const budget = await refreshCrls(profile, trustList(), { timeoutMs: 20_000, budgetMs: 300 });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(budget.results).toMatchObject([{ outcome: 'failed', reasonVi: 'đã dừng cập nhật' }]);
    expect(cachedCrls(profile)).toEqual([]);
  });

  it('refuses an oversized list, whether its length is declared or not', async () => {
    await setUp();
    noteSignerCertificates(profile, [pki.signer.der, pki.ca.der]);
    const big = await createCrl(pki.ca, { padding: 400 });
    expect(big.length).toBeGreaterThan(8 * 1024);
    server.set('/ca.crl', { kind: 'crl', body: big });
    expect((await refreshCrls(profile, trustList(), { maxBytes: 8 * 1024 })).results).toMatchObject([
      { outcome: 'failed', reasonVi: 'danh sách thu hồi lớn quá giới hạn cho phép', detail: `response of ${big.length} bytes declared, limit 8192` },
    ]);
    server.set('/ca.crl', { kind: 'crl', body: big, chunked: true });
    expect((await refreshCrls(profile, trustList(), { maxBytes: 8 * 1024 })).results).toMatchObject([{ outcome: 'failed', detail: 'response exceeds 8192 bytes' }]);
    expect(cachedCrls(profile)).toEqual([]);
    // Under the limit the same list is taken.
    expect((await refreshCrls(profile, trustList(), { maxBytes: big.length })).fetched).toBe(1);
  });

  it('keeps the list it has when the point answers 404, and says so', async () => {
    await setUp();
    noteSignerCertificates(profile, [pki.signer.der, pki.ca.der]);
    const kept = await serveCaList();
    expect((await refreshCrls(profile, trustList())).fetched).toBe(1);
    server.set('/ca.crl', { kind: 'status', status: 404 });
    const missing = await refreshCrls(profile, trustList());
    expect(missing.results).toMatchObject([{ outcome: 'failed', reasonVi: 'máy chủ trả lỗi HTTP 404' }]);
    // The failure names the list still in use.
    expect(missing.results[0]!.thisUpdate).toBe(cachedCrlRows(profile)[0]!.thisUpdate);
    expect(cachedCrls(profile).map((c) => Buffer.from(c).equals(kept))).toEqual([true]);
    expect(cachedCrlRows(profile)[0]).toMatchObject({ failureVi: 'máy chủ trả lỗi HTTP 404', failureDetail: `HTTP 404 Not Found from ${server.url('/ca.crl')}` });
  });

  it('fetches again a list whose file is gone (a restored backup carries none), even the same one', async () => {
    await setUp();
    noteSignerCertificates(profile, [pki.signer.der, pki.ca.der]);
    const der = await serveCaList();
    expect((await refreshCrls(profile, trustList())).fetched).toBe(1);
    const [row] = cachedCrlRows(profile);
    rmSync(join(crlFolderOf(profile.db), `${row!.sha256}.crl`));
    expect(cachedCrls(profile)).toEqual([]);
    expect(revocationStatusOf(profile).crls).toMatchObject([{ url: server.url('/ca.crl'), present: false }]);
    expect((await refreshCrls(profile, trustList())).results).toMatchObject([{ outcome: 'fetched' }]);
    expect(cachedCrls(profile).map((c) => Buffer.from(c).equals(der))).toEqual([true]);
    expect(revocationStatusOf(profile).crls).toMatchObject([{ present: true, stale: false }]);

    // A damaged copy of the right size is not confirmed as unchanged: it is written again.
    const file = join(crlFolderOf(profile.db), `${row!.sha256}.crl`);
    const damaged = Buffer.from(der);
    damaged.writeUInt8(damaged.readUInt8(damaged.length - 1) ^ 0xff, damaged.length - 1);
    writeFileSync(file, damaged);
    expect((await refreshCrls(profile, trustList())).results).toMatchObject([{ outcome: 'fetched' }]);
    expect(readFileSync(file).equals(der)).toBe(true);
  });

  it('asks with the ETag it holds, follows a redirect, skips points checked recently, and asks only allowed points', async () => {
    await setUp();
    noteSignerCertificates(profile, [pki.signer.der, pki.ca.der]);
    const der = await createCrl(pki.ca);
    server.set('/ca.crl', { kind: 'redirect', location: '/current/ca.crl' });
    server.set('/current/ca.crl', { kind: 'crl', body: der, etag: '"v1"' });
    expect((await refreshCrls(profile, trustList())).fetched).toBe(1);
    const again = await refreshCrls(profile, trustList());
    expect(again.results).toMatchObject([{ outcome: 'unchanged' }]);
    expect(server.requests.at(-1)).toMatchObject({ path: '/current/ca.crl', headers: { 'if-none-match': '"v1"' } });

    const asked = server.requests.length;
    expect(await refreshCrls(profile, trustList(), { minIntervalMs: HOUR })).toMatchObject({ skipped: 1, results: [] });
    expect(await refreshCrls(profile, trustList(), { allowUrl: () => false })).toMatchObject({ skipped: 0, results: [] });
    expect(server.requests.length).toBe(asked);

    // A redirect to anything but http(s) is not followed.
    server.set('/ca.crl', { kind: 'redirect', location: 'file:///etc/passwd' });
    expect((await refreshCrls(profile, trustList())).results).toMatchObject([{ outcome: 'failed', reasonVi: 'máy chủ chuyển hướng đến một địa chỉ không dùng được' }]);
    expect(existsSync(join(crlFolderOf(profile.db), `${cachedCrlRows(profile)[0]!.sha256}.crl`))).toBe(true);
  });

  it('does not fetch a point whose issuer it cannot check, nor note a signer without its issuer', async () => {
    await setUp();
    // The signer alone: its issuer is not among the certificates given, so nothing is noted.
    expect(noteSignerCertificates(profile, [pki.signer.der])).toBe(0);
    // The CA alone in the trust list: its issuer (the root) is unknown, so /root.crl is not asked.
    const result = await refreshCrls(profile, [pki.ca.der]);
    expect(result.results).toMatchObject([{ url: server.url('/root.crl'), outcome: 'failed', detail: 'not fetched: no certificate naming this point has a known issuer' }]);
    expect(server.requests).toEqual([]);
  });
});
