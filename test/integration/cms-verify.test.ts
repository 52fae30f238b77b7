import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPadesCms } from '../../src/main/signing/cms/build-cms.ts';
import { OID } from '../../src/main/signing/cms/oids.ts';
import { requestTimestamp } from '../../src/main/signing/timestamp/tsa-client.ts';
import { bytesContent } from '../../src/main/signing/verify/signed-content.ts';
import { verifyCms } from '../../src/main/signing/verify/verify-cms.ts';
import { expectAppErrorAsync } from '../support/app-error.ts';
import { softwareSigner } from '../support/software-signer.ts';
import { certifyKey, createTestPki, issue, type TestIdentity, type TestPki } from '../support/test-pki.ts';
import { startTestTsa, type TestTsaOptions } from '../support/test-tsa.ts';
import { tempDir } from '../support/temp-profile.ts';

const DAY = 86_400_000;
const data = Buffer.from('%PDF byte ranges of a signed document');
const digest = createHash('sha256').update(data).digest();
// The content as the verifier sees it: here only its digest is known.
const content = { content: bytesContent(data) };

describe('verifyCms', () => {
  let pki: TestPki;
  let anchors: Uint8Array[];
  let dir: string;
  let cleanup = () => {};

  beforeAll(async () => {
    pki = await createTestPki();
    anchors = [pki.root.der];
    ({ dir, cleanup } = tempDir('vanthu-cms-verify-'));
  });
  afterAll(() => cleanup());

  const sign = (who: TestIdentity, chain: TestIdentity[] = [pki.root], timestamp?: (s: Uint8Array) => Promise<Uint8Array | null>) =>
    buildPadesCms(softwareSigner(who, chain), digest, timestamp ? { timestamp } : {});

  async function withTsa<T>(options: TestTsaOptions, run: (stamp: (s: Uint8Array) => Promise<Uint8Array>) => Promise<T>): Promise<T> {
    const tsa = await startTestTsa(pki, options);
    try {
      return await run(async (s) => (await requestTimestamp(tsa.url, s)).token);
    } finally {
      await tsa.close();
    }
  }

  it.each([
    ['RSA', 'leader'],
    ['EC', 'ecLeader'],
  ] as const)('%s: our own B-B signature: intact, trusted, valid now, not revoked on the CRL', async (keyAlgorithm, who) => {
    const report = await verifyCms(await sign(pki[who]), content, { anchors, crls: [pki.crl] });
    expect(report.signer).toMatchObject({ subject: pki[who].certificate.subject, issuer: pki.root.certificate.subject, serialNumber: pki[who].certificate.serialNumber, keyAlgorithm });
    expect(report.integrity).toEqual({ digestAlgorithm: 'sha256', digestMatches: true, signatureValid: true, supported: true, shape: 'signed-attributes' });
    expect(report.attributes).toEqual({ hasSigningTime: false, hasSigningCertificateV2: true, hasSigningCertificate: true, signingCertificateMatches: true });
    expect(report.timestamp).toBeNull();
    expect(report.trust.status).toBe('trusted');
    expect(report.trust.chain).toEqual([pki[who].certificate.subject, pki.root.certificate.subject]);
    expect(report.validityAtSigningTime).toMatchObject({ basis: 'now', status: 'valid' });
    expect(report.revocation).toMatchObject({ status: 'good', source: 'crl' });
    expect(report.keyUsageOk).toBe(true);
  });

  it('reports a digest that differs from messageDigest (the document changed)', async () => {
    const report = await verifyCms(await sign(pki.leader), { content: bytesContent(Buffer.from('other')) }, { anchors });
    expect(report.integrity).toMatchObject({ digestMatches: false, signatureValid: true, problem: expect.stringMatching(/messageDigest differs/) });
  });

  it('reports a flipped byte in the signature value, and in the signed messageDigest', async () => {
    const cms = Buffer.from(await sign(pki.leader));
    const signerInfo = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(cms).content }).signerInfos[0]!;
    const signature = Buffer.from(signerInfo.signature.valueBlock.valueHexView);
    const badSignature = Buffer.from(cms);
    badSignature[cms.indexOf(signature) + 100]! ^= 0x01;
    const r1 = await verifyCms(badSignature, content, { anchors });
    expect(r1.integrity).toMatchObject({ digestMatches: true, signatureValid: false, problem: expect.stringMatching(/does not verify/) });

    const badAttribute = Buffer.from(cms);
    badAttribute[cms.indexOf(digest) + 3]! ^= 0x01;
    const r2 = await verifyCms(badAttribute, content, { anchors });
    expect(r2.integrity).toMatchObject({ digestMatches: false, signatureValid: false });
  });

  it('an expired certificate: expired at now, valid at a claimed time or a trusted timestamp within its validity', async () => {
    const cms = await sign(pki.expired);
    const inside = new Date(pki.expired.certificate.notBefore.getTime() + DAY);
    expect((await verifyCms(cms, content, { anchors })).validityAtSigningTime).toMatchObject({ basis: 'now', status: 'expired' });
    expect((await verifyCms(cms, content, { anchors, claimedTime: inside })).validityAtSigningTime).toEqual({ time: inside.toISOString(), basis: 'claimed', status: 'valid' });

    const oldTsa = await issue(pki.root, { subject: 'CN=Long-lived TSA, O=VanThu Test, C=VN', timeStamping: true, notBefore: new Date(Date.now() - 900 * DAY) });
    const stamped = await withTsa({ identity: oldTsa, clock: () => new Date(inside) }, (stamp) => sign(pki.expired, [pki.root], stamp));
    const report = await verifyCms(stamped, content, { anchors });
    expect(report.timestamp).toMatchObject({ trusted: true, imprintMatches: true, signatureValid: true, tsaSubject: 'CN=Long-lived TSA, O=VanThu Test, C=VN' });
    expect(report.validityAtSigningTime).toMatchObject({ basis: 'timestamp', status: 'valid' });
  });

  it('a revoked certificate is revoked with the CRL, unknown without one', async () => {
    const cms = await sign(pki.revoked);
    const revoked = await verifyCms(cms, content, { anchors, crls: [pki.crl] });
    expect(revoked.revocation).toMatchObject({ status: 'revoked', source: 'crl', revokedAt: expect.any(String), detail: expect.stringMatching(/before the signing time/) });
    expect((await verifyCms(cms, content, { anchors })).revocation).toMatchObject({ status: 'unknown', source: null });
    const forged = await verifyCms(cms, content, { anchors, crls: [randomBytes(300), pki.crl.map((b, i) => (i === pki.crl.length - 5 ? b ^ 1 : b))] });
    expect(forged.revocation.status).toBe('unknown');
  });

  it('a certificate from an unknown CA is unknown-ca with its root, incomplete-chain without it', async () => {
    expect((await verifyCms(await sign(pki.stranger, [pki.unknownRoot]), content, { anchors })).trust).toMatchObject({ status: 'unknown-ca', chain: [pki.stranger.subject, pki.unknownRoot.certificate.subject] });
    const incomplete = await verifyCms(await sign(pki.stranger, []), content, { anchors });
    expect(incomplete.trust).toMatchObject({ status: 'incomplete-chain', detail: expect.stringMatching(/no certificate of the issuer/) });
    expect(incomplete.integrity.signatureValid).toBe(true);
  });

  it('a certificate that names the trusted root but was signed by another key is invalid-chain', async () => {
    const impostorRoot = { ...pki.root, keys: pki.unknownRoot.keys };
    const forgedCert = await certifyKey(impostorRoot, pki.leader.keys.publicKey, { subject: 'CN=Giả Mạo, C=VN' });
    const forged: TestIdentity = { ...pki.leader, subject: 'CN=Giả Mạo, C=VN', certificate: forgedCert, der: new Uint8Array(forgedCert.rawData) };
    const report = await verifyCms(await sign(forged), content, { anchors });
    expect(report.trust.status).toBe('invalid-chain');
    expect(report.integrity.signatureValid).toBe(true);
  });

  it('B-T: a trusted timestamp gives the signing time; a TSA outside the anchors is reported untrusted', async () => {
    const good = await verifyCms(await withTsa({}, (stamp) => sign(pki.leader, [pki.root], stamp)), content, { anchors, claimedTime: new Date(0) });
    expect(good.timestamp).toMatchObject({ trusted: true, imprintMatches: true, signatureValid: true, tsaSubject: pki.tsa.certificate.subject });
    expect(good.validityAtSigningTime.basis).toBe('timestamp');
    expect(Math.abs(new Date(good.timestamp!.genTime!).getTime() - Date.now())).toBeLessThan(60_000);

    const strangerTsa = await verifyCms(await withTsa({ identity: pki.stranger }, (stamp) => sign(pki.leader, [pki.root], stamp)), content, { anchors });
    expect(strangerTsa.timestamp).toMatchObject({ trusted: false, signatureValid: true, imprintMatches: true, trustDetail: expect.stringMatching(/TSA chain incomplete-chain.*timeStamping/) });
    expect(strangerTsa.validityAtSigningTime.basis).toBe('now');
  });

  it('checks a token that left out its TSA certificate against the timestamping certificates of the trust list', async () => {
    const withoutCertificate = async (s: Uint8Array) => {
      const token = await withTsa({}, (stamp) => stamp(s));
      const info = pkijs.ContentInfo.fromBER(token);
      const signed = new pkijs.SignedData({ schema: info.content });
      delete signed.certificates;
      return new Uint8Array(new pkijs.ContentInfo({ contentType: info.contentType, content: signed.toSchema(true) }).toSchema().toBER());
    };
    const cms = await sign(pki.leader, [pki.root], withoutCertificate);
    expect((await verifyCms(cms, content, { anchors })).timestamp).toMatchObject({ trusted: false, trustDetail: 'the TSA certificate is not in the token' });
    const listed = await verifyCms(cms, content, { anchors, timestamping: [pki.tsa.der] });
    expect(listed.timestamp).toMatchObject({ trusted: true, tsaSubject: pki.tsa.certificate.subject });
    expect(listed.validityAtSigningTime.basis).toBe('timestamp');
  });

  it('a timestamp token moved from another signature does not match the imprint', async () => {
    const token = await withTsa({}, (stamp) => stamp(randomBytes(256)));
    const report = await verifyCms(await sign(pki.leader, [pki.root], async () => token), content, { anchors });
    expect(report.timestamp).toMatchObject({ imprintMatches: false, signatureValid: true, trusted: false });
    expect(report.validityAtSigningTime.basis).toBe('now');
  });

  it('reads a CMS made by openssl: signingTime present, no signer certificate reported', async () => {
    writeFileSync(join(dir, 'data'), data);
    writeFileSync(join(dir, 'leader.pem'), pki.leader.pem);
    writeFileSync(join(dir, 'leader.key'), pki.leader.privateKeyPem);
    const args = ['cms', '-sign', '-binary', '-in', join(dir, 'data'), '-signer', join(dir, 'leader.pem'), '-inkey', join(dir, 'leader.key'), '-outform', 'DER', '-md', 'sha256'];
    execFileSync('openssl', [...args, '-out', join(dir, 'with.der')]);
    const report = await verifyCms(readFileSync(join(dir, 'with.der')), content, { anchors });
    expect(report.integrity).toMatchObject({ digestMatches: true, signatureValid: true });
    expect(report.attributes.hasSigningTime).toBe(true);
    expect(report.trust.status).toBe('trusted');

    execFileSync('openssl', [...args, '-nocerts', '-out', join(dir, 'nocerts.der')]);
    const bare = await verifyCms(readFileSync(join(dir, 'nocerts.der')), content, { anchors });
    expect(bare.signer).toBeNull();
    expect(bare.integrity).toMatchObject({ digestMatches: true, signatureValid: false, problem: expect.stringMatching(/signer certificate is not in the CMS/) });
    expect(bare.trust.status).toBe('incomplete-chain');
  });

  it('accepts the zero padding of a /Contents placeholder', async () => {
    const padded = Buffer.concat([await sign(pki.leader), Buffer.alloc(4096)]);
    expect((await verifyCms(padded, content, { anchors })).integrity.signatureValid).toBe(true);
  });

  it('refuses what is not one SignedData as PDF_UNSUPPORTED, without crashing', async () => {
    const cms = Buffer.from(await sign(pki.leader));
    const dataContent = new pkijs.ContentInfo({ contentType: OID.data, content: new asn1js.OctetString({ valueHex: new Uint8Array(4) }) }).toSchema().toBER();
    const deep = Buffer.concat([...Array.from({ length: 20_000 }, () => Buffer.from([0x30, 0x80])), Buffer.alloc(40_000)]);
    for (const hostile of [randomBytes(2000), cms.subarray(0, cms.length - 50), Buffer.concat([cms, Buffer.from('junk')]), new Uint8Array(dataContent), Buffer.alloc(5 * 1024 * 1024, 0x30), deep, new Uint8Array()]) {
      await expectAppErrorAsync(() => verifyCms(hostile, content, { anchors }), 'PDF_UNSUPPORTED', /Không đọc được chữ ký số/);
    }
  });
});
