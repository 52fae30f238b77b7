import { createHash, X509Certificate } from 'node:crypto';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPadesCms } from '../../src/main/signing/cms/build-cms.ts';
import { shippedTrustListDir } from '../../src/main/signing/trust/shipped-trust-list.ts';
import { loadTrustList, TRUST_MANIFEST } from '../../src/main/signing/trust/trust-list.ts';
import { bytesContent } from '../../src/main/signing/verify/signed-content.ts';
import { readCertificates } from '../../src/main/signing/verify/trust-certificate.ts';
import { buildChain } from '../../src/main/signing/verify/trust-chain.ts';
import { verifyCms } from '../../src/main/signing/verify/verify-cms.ts';
import { commonName } from '../../src/shared/domain/distinguished-name.ts';
import { ROOT } from '../support/cli.ts';
import { softwareSigner } from '../support/software-signer.ts';
import { tempDir } from '../support/temp-profile.ts';
import { createRoot, issue, type TestIdentity } from '../support/test-pki.ts';

const DAY = 86_400_000;
const data = Buffer.from('%PDF byte ranges of a document from another agency');
const digest = createHash('sha256').update(data).digest();

// The trust list the program ships (resources/trust), and path validation through the
// intermediates it holds when a signature carries only the signer's certificate.
describe('the shipped trust list', () => {
  const list = loadTrustList(shippedTrustListDir());

  it('loads whole: the national roots, the Government CA and the licensed public CAs', () => {
    expect(list.problems).toEqual([]);
    const count = (role: string) => list.entries.filter((e) => e.role === role).length;
    expect({ root: count('root'), intermediate: count('intermediate'), timestamping: count('timestamping') }).toEqual({ root: 10, intermediate: 46, timestamping: 6 });
    const subjects = list.entries.map((e) => e.subject);
    for (const name of ['CN=Vietnam National Root CA', 'CN=VIETNAM NATIONAL ROOT CA - RS', 'RootCA chuyên dùng Chính phủ G2', 'CA phục vụ các cơ quan Nhà nước G2', 'CN=VNPT-CA SHA2', 'Viettel-CA', 'BkavCA', 'FPT Certification Authority']) {
      expect(subjects.some((s) => s.includes(name)), name).toBe(true);
    }
  });

  it('chains every intermediate and timestamping certificate to a root of the list, at a time it was valid', () => {
    const roots = readCertificates(list.entries.filter((e) => e.role === 'root').map((e) => e.der));
    const intermediates = readCertificates(list.entries.filter((e) => e.role === 'intermediate').map((e) => e.der));
    for (const entry of list.entries.filter((e) => e.role !== 'root')) {
      const [certificate] = readCertificates([entry.der]);
      const at = new Date(entry.notBefore.getTime() + DAY);
      const chain = buildChain(certificate!, intermediates, roots, at);
      expect({ subject: entry.subject, status: chain.status }).toEqual({ subject: entry.subject, status: 'trusted' });
    }
  });

  // Real signers' certificates from public sources (test/fixtures/real-certificates): a document
  // signed with one, its CMS carrying the certificate alone, is trusted through the list.
  it.each([
    ['vgca-g2-cuc-thue.pem', 'CA phục vụ các cơ quan Nhà nước G2', 'RootCA chuyên dùng Chính phủ G2'],
    ['vgca-g2-tong-cuc-thue.pem', 'CA phục vụ các cơ quan Nhà nước G2', 'RootCA chuyên dùng Chính phủ G2'],
    ['viettel-sha2-trong-tin-vina.pem', 'Viettel-CA SHA2', 'Vietnam National Root CA'],
    ['viettel-rs-mobino.pem', 'Viettel-CA RS', 'Vietnam National Root CA'],
    ['vnpt-smartca-rs-nguyen-tien-dung.pem', 'VNPT SmartCA RS', 'Vietnam National Root CA'],
  ])('chains the real certificate %s through %s to %s', (file, ca, root) => {
    const [leaf] = readCertificates([new Uint8Array(new X509Certificate(readFileSync(join(ROOT, 'test', 'fixtures', 'real-certificates', file))).raw)]);
    const roots = readCertificates(list.entries.filter((e) => e.role === 'root').map((e) => e.der));
    const intermediates = readCertificates(list.entries.filter((e) => e.role === 'intermediate').map((e) => e.der));
    const chain = buildChain(leaf!, intermediates, roots, new Date(leaf!.info.notBefore.getTime() + DAY));
    expect({ status: chain.status, path: chain.path.map((c) => commonName(c.info.subject)) }).toEqual({ status: 'trusted', path: [commonName(leaf!.info.subject), ca, root] });
  });

  describe('refused whole when it does not match its manifest', () => {
    let dir: string;
    let cleanup = () => {};
    beforeAll(() => ({ dir, cleanup } = tempDir('vanthu-trust-list-')));
    afterAll(() => cleanup());

    function copy(name: string): string {
      const target = join(dir, name);
      cpSync(shippedTrustListDir(), target, { recursive: true });
      return target;
    }

    it('a certificate file replaced by another certificate', () => {
      const d = copy('swapped');
      writeFileSync(join(d, 'certs/ca-vnpt-ca-sha2.pem'), readFileSync(join(d, 'certs/ca-viettel-ca-sha2-2024.pem')));
      expect(loadTrustList(d)).toMatchObject({ entries: [], problems: [expect.stringMatching(/refused: certs\/ca-vnpt-ca-sha2\.pem: SHA-256 [0-9a-f]{64} differs from the listed/)] });
    });

    it('a file missing, a file not in the manifest, a role changed, a path out of the folder', () => {
      const missing = copy('missing');
      rmSync(join(missing, 'certs/neac-root-rs.pem'));
      expect(loadTrustList(missing).problems).toEqual([expect.stringMatching(/refused: certs\/neac-root-rs\.pem: ENOENT/)]);

      const extra = copy('extra');
      writeFileSync(join(extra, 'certs/planted.pem'), readFileSync(join(extra, 'certs/neac-root-rs.pem')));
      expect(loadTrustList(extra)).toMatchObject({ entries: [], problems: [expect.stringMatching(/not in the manifest: certs\/planted\.pem/)] });

      const role = copy('role');
      const manifest = JSON.parse(readFileSync(join(role, TRUST_MANIFEST), 'utf8')) as { certificates: { file: string; role: string }[] };
      manifest.certificates.find((c) => c.file === 'certs/ca-bkavca-sha256.pem')!.role = 'root';
      writeFileSync(join(role, TRUST_MANIFEST), JSON.stringify(manifest));
      expect(loadTrustList(role).problems).toEqual([expect.stringMatching(/ca-bkavca-sha256\.pem: listed as root but the certificate is intermediate/)]);

      const escape = copy('escape');
      manifest.certificates.find((c) => c.file === 'certs/ca-bkavca-sha256.pem')!.role = 'intermediate';
      manifest.certificates[0]!.file = '../swapped/certs/ca-bkavca-rs.pem';
      writeFileSync(join(escape, TRUST_MANIFEST), JSON.stringify(manifest));
      expect(loadTrustList(escape).problems).toEqual([expect.stringMatching(/leaves the list folder/)]);
    });
  });
});

describe('path validation at the signing time', () => {
  let root: TestIdentity;
  let ca: TestIdentity;
  let leaf: TestIdentity;
  beforeAll(async () => {
    root = await createRoot('CN=Test National Root, O=Test, C=VN');
    ca = await issue(root, { subject: 'CN=Test Public CA, O=Test, C=VN', ca: true });
    leaf = await issue(ca, { subject: 'CN=Chủ tịch UBND xã Khác, O=UBND xã Khác, C=VN' });
  });
  const leafOnly = (who: TestIdentity) => buildPadesCms(softwareSigner(who, []), digest);
  const verify = async (cms: Uint8Array, intermediates: Uint8Array[], anchors = [root.der]) => (await verifyCms(cms, { content: bytesContent(data) }, { anchors, intermediates })).trust;

  it('chains a CMS that carries only the signer certificate through a listed intermediate', async () => {
    const cms = await leafOnly(leaf);
    expect(await verify(cms, [ca.der])).toMatchObject({ status: 'trusted', chain: [leaf.subject, ca.subject, root.subject].map((s) => expect.stringContaining(s.split(',')[0]!)) });
    // Without the list's intermediate the issuer is unknown: not trusted, not forged.
    expect((await verify(cms, [])).status).toBe('incomplete-chain');
  });

  it('leaves a signer of a CA outside the list undetermined', async () => {
    const otherRoot = await createRoot('CN=Unlisted Root, O=Elsewhere, C=VN');
    const otherCa = await issue(otherRoot, { subject: 'CN=Unlisted CA, O=Elsewhere, C=VN', ca: true });
    const stranger = await issue(otherCa, { subject: 'CN=Người Lạ, O=Elsewhere, C=VN' });
    expect((await verify(await leafOnly(stranger), [ca.der])).status).toBe('incomplete-chain');
    expect((await verify(await buildPadesCms(softwareSigner(stranger, [otherCa, otherRoot]), digest), [ca.der])).status).toBe('unknown-ca');
  });

  it('refuses a wrong issuer, an intermediate expired at the signing time, a CA:FALSE intermediate', async () => {
    // Same name as the listed CA, another key: the signature on the leaf does not verify.
    const impostor = await issue(root, { subject: ca.subject, ca: true });
    const forgedLeaf = await issue(impostor, { subject: 'CN=Giả Mạo, O=UBND xã Khác, C=VN' });
    expect(await verify(await leafOnly(forgedLeaf), [ca.der])).toMatchObject({ status: 'invalid-chain', detail: expect.stringMatching(/does not verify with the key/) });

    const now = Date.now();
    const expiredCa = await issue(root, { subject: 'CN=Expired Public CA, O=Test, C=VN', ca: true, notBefore: new Date(now - 900 * DAY), notAfter: new Date(now - 10 * DAY) });
    const lateLeaf = await issue(expiredCa, { subject: 'CN=Ký Muộn, O=Test, C=VN', notBefore: new Date(now - 100 * DAY) });
    expect(await verify(await leafOnly(lateLeaf), [expiredCa.der])).toMatchObject({ status: 'invalid-chain', detail: expect.stringMatching(/intermediate .*Expired Public CA.* is expired/) });

    const notCa = await issue(root, { subject: 'CN=Not A CA, O=Test, C=VN', ca: false });
    const underNotCa = await issue(notCa, { subject: 'CN=Dưới Người Thường, O=Test, C=VN' });
    expect(await verify(await leafOnly(underNotCa), [notCa.der])).toMatchObject({ status: 'invalid-chain', detail: expect.stringMatching(/is not a CA/) });
  });
});
