import { createHash, createPublicKey, verify } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectAppErrorAsync } from '../../../../test/support/app-error.ts';
import { softwareSigner } from '../../../../test/support/software-signer.ts';
import { createTestPki, type TestPki } from '../../../../test/support/test-pki.ts';
import { buildPadesCms, signedAttributesDer } from './build-cms.ts';
import { essCertIdMatches, parseEssCertId } from './ess-signing-certificate.ts';
import { OID } from './oids.ts';

function signerInfoOf(cms: Uint8Array): { signedData: pkijs.SignedData; signerInfo: pkijs.SignerInfo } {
  const signedData = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(cms).content });
  return { signedData, signerInfo: signedData.signerInfos[0]! };
}

describe('buildPadesCms', () => {
  let pki: TestPki;
  const digest = createHash('sha256').update('document').digest();

  beforeAll(async () => {
    pki = await createTestPki();
  });

  it('signs the DER SET OF signed attributes, sorted as DER requires, with the certificate key', async () => {
    const signer = softwareSigner(pki.leader, [pki.root]);
    const { signerInfo } = signerInfoOf(await buildPadesCms(signer, digest));
    const der = signedAttributesDer(signerInfo.signedAttrs!);
    const encodings = signerInfo.signedAttrs!.attributes.map((a) => Buffer.from(a.toSchema().toBER()));
    expect([...encodings].sort(Buffer.compare)).toEqual(encodings);
    const key = createPublicKey({ key: Buffer.from(pki.leader.certificate.publicKey.rawData), format: 'der', type: 'spki' });
    expect(verify('sha256', der, key, signerInfo.signature.valueBlock.valueHexView)).toBe(true);
  });

  it('puts the document digest in messageDigest and binds the certificate by signing-certificate-v2', async () => {
    const { signerInfo } = signerInfoOf(await buildPadesCms(softwareSigner(pki.ecLeader), digest));
    const byType = new Map(signerInfo.signedAttrs!.attributes.map((a) => [a.type, a.values[0]!]));
    expect(Buffer.from((byType.get(OID.messageDigest) as asn1js.OctetString).valueBlock.valueHexView)).toEqual(digest);
    const id = parseEssCertId(OID.signingCertificateV2, byType.get(OID.signingCertificateV2)!);
    const certificate = pkijs.Certificate.fromBER(pki.ecLeader.der);
    expect(id && essCertIdMatches(id, certificate, pki.ecLeader.der)).toBe(true);
    expect(id && essCertIdMatches(id, pkijs.Certificate.fromBER(pki.leader.der), pki.leader.der)).toBe(false);
    expect(byType.has(OID.signingTime)).toBe(false);
  });

  it('adds the timestamp token over the signature value as an unsigned attribute', async () => {
    const token = new pkijs.ContentInfo({ contentType: OID.signedData, content: new asn1js.Sequence() }).toSchema().toBER();
    let stamped: Uint8Array | null = null;
    const cms = await buildPadesCms(softwareSigner(pki.leader), digest, {
      timestamp: async (signatureValue) => {
        stamped = signatureValue;
        return new Uint8Array(token);
      },
    });
    const { signerInfo } = signerInfoOf(cms);
    expect(Buffer.from(stamped!)).toEqual(Buffer.from(signerInfo.signature.valueBlock.valueHexView));
    const [attribute] = signerInfo.unsignedAttrs!.attributes;
    expect(attribute!.type).toBe(OID.signatureTimeStampToken);
    expect(Buffer.from(attribute!.values[0]!.toBER())).toEqual(Buffer.from(token));
  });

  it('signs B-B when the timestamp callback returns null', async () => {
    const { signerInfo } = signerInfoOf(await buildPadesCms(softwareSigner(pki.leader), digest, { timestamp: async () => null }));
    expect(signerInfo.unsignedAttrs).toBeUndefined();
  });

  it('refuses a timestamp token that is not a ContentInfo of SignedData', async () => {
    await expectAppErrorAsync(() => buildPadesCms(softwareSigner(pki.leader), digest, { timestamp: async () => new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]) }), 'SIGNING_FAILED');
  });

  it('refuses a digest that is not SHA-256 sized', async () => {
    await expectAppErrorAsync(() => buildPadesCms(softwareSigner(pki.leader), digest.subarray(0, 20)), 'INVALID_INPUT');
  });

  it('refuses a signature made by a key other than the certificate’s', async () => {
    const mismatched = { ...softwareSigner(pki.agency), certificate: pki.leader.der };
    await expectAppErrorAsync(() => buildPadesCms(mismatched, digest), 'SIGNING_FAILED', /không khớp/);
  });

  it('refuses an unreadable signer certificate', async () => {
    const broken = { ...softwareSigner(pki.leader), certificate: new Uint8Array([1, 2, 3]) };
    await expectAppErrorAsync(() => buildPadesCms(broken, digest), 'SIGNING_FAILED');
  });
});
