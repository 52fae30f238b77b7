import { createPublicKey, verify } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { AppError } from '../../../shared/errors.ts';
import type { RawSigner } from '../raw-signer.ts';
import { signingCertificateV2 } from './ess-signing-certificate.ts';
import { OID } from './oids.ts';

// The CMS of a PAdES baseline signature (ETSI EN 319 142-1 B-B, B-T with a timestamp): detached
// SignedData over the PDF byte ranges, SHA-256, signed attributes contentType, messageDigest and
// signing-certificate-v2, and no signingTime (PAdES keeps the claimed time in the PDF's /M).

export interface PadesCmsOptions {
  // Asked for an RFC 3161 token over the signature value once the key has signed; null signs
  // B-B. The callback decides what a TSA failure means: an exception here fails the signature
  // although the token already signed, so a caller that degrades to B-B returns null instead.
  readonly timestamp?: (signatureValue: Uint8Array) => Promise<Uint8Array | null>;
}

const SHA256_LENGTH = 32;

function parseCertificate(der: Uint8Array, role: string): pkijs.Certificate {
  try {
    return pkijs.Certificate.fromBER(der);
  } catch (e) {
    throw new AppError('SIGNING_FAILED', 'Chứng thư số trên thiết bị ký không đọc được.', `The ${role} certificate is not valid DER X.509: ${(e as Error).message}`);
  }
}

function attribute(type: string, value: asn1js.AsnType): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

// DER sorts the members of a SET OF by their encodings; the signature covers that encoding.
function derSorted(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((a) => ({ a, der: Buffer.from(a.toSchema().toBER()) }));
  return encoded.sort((x, y) => Buffer.compare(x.der, y.der)).map((e) => e.a);
}

// RFC 5652 §5.4: the signature is over the signed attributes encoded as an explicit SET OF,
// not with the [0] IMPLICIT tag they carry inside SignerInfo.
export function signedAttributesDer(signedAttrs: pkijs.SignedAndUnsignedAttributes): Uint8Array {
  const der = new Uint8Array(signedAttrs.toSchema().toBER());
  der[0] = 0x31;
  return der;
}

function signatureAlgorithm(keyAlgorithm: RawSigner['keyAlgorithm']): pkijs.AlgorithmIdentifier {
  // rsaEncryption with NULL parameters is what OpenSSL, NSS and Adobe write for RSA PKCS#1 v1.5.
  return keyAlgorithm === 'RSA'
    ? new pkijs.AlgorithmIdentifier({ algorithmId: OID.rsaEncryption, algorithmParams: new asn1js.Null() })
    : new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 });
}

// A token may hold a certificate whose key is not the one that signed (a wrong CKA_ID pairing):
// checking here costs one public-key operation and keeps a broken signature out of the PDF.
function assertSignatureMatchesCertificate(certificateDer: Uint8Array, certificate: pkijs.Certificate, data: Uint8Array, signature: Uint8Array): void {
  let ok = false;
  try {
    const key = createPublicKey({ key: Buffer.from(certificate.subjectPublicKeyInfo.toSchema().toBER()), format: 'der', type: 'spki' });
    ok = verify('sha256', data, { key, dsaEncoding: 'der' }, signature);
  } catch {
    ok = false;
  }
  if (!ok) {
    throw new AppError(
      'SIGNING_FAILED',
      'Chữ ký do thiết bị tạo ra không khớp với chứng thư số đã chọn.',
      `The signature value does not verify with the public key of the signer certificate (${certificateDer.length} bytes)`,
    );
  }
}

function parseTimestampToken(token: Uint8Array): asn1js.AsnType {
  const parsed = asn1js.fromBER(token);
  const ok = parsed.offset !== -1 && parsed.offset === token.byteLength && parsed.result instanceof asn1js.Sequence;
  const contentType = ok ? (parsed.result as asn1js.Sequence).valueBlock.value[0] : undefined;
  if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== OID.signedData) {
    throw new AppError('SIGNING_FAILED', 'Dấu thời gian nhận được không hợp lệ.', 'The timestamp token is not a DER ContentInfo of SignedData');
  }
  return parsed.result;
}

export async function buildPadesCms(signer: RawSigner, digest: Uint8Array, options: PadesCmsOptions = {}): Promise<Uint8Array> {
  if (digest.byteLength !== SHA256_LENGTH) {
    throw new AppError('INVALID_INPUT', 'Giá trị băm của tài liệu không hợp lệ.', `The document digest must be SHA-256 (32 bytes), got ${digest.byteLength}`);
  }
  const certificate = parseCertificate(signer.certificate, 'signer');
  const chain = signer.chain.map((der) => parseCertificate(der, 'chain'));

  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    attributes: derSorted([
      attribute(OID.contentType, new asn1js.ObjectIdentifier({ value: OID.data })),
      attribute(OID.messageDigest, new asn1js.OctetString({ valueHex: digest })),
      attribute(OID.signingCertificateV2, signingCertificateV2(certificate, signer.certificate)),
    ]),
  });
  const toBeSigned = signedAttributesDer(signedAttrs);
  const signatureValue = await signer.sign(toBeSigned);
  assertSignatureMatchesCertificate(signer.certificate, certificate, toBeSigned, signatureValue);

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: certificate.issuer, serialNumber: certificate.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs,
    signatureAlgorithm: signatureAlgorithm(signer.keyAlgorithm),
    signature: new asn1js.OctetString({ valueHex: signatureValue }),
  });
  const token = options.timestamp ? await options.timestamp(signatureValue) : null;
  if (token) {
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [attribute(OID.signatureTimeStampToken, parseTimestampToken(token))],
    });
  }

  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [certificate, ...chain],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER());
}
