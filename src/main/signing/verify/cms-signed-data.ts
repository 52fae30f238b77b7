import { constants, createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from '../cms/oids.ts';
import { type SeparatedCms, separateCrls } from './cms-crls.ts';

// Reading a CMS SignedData we did not make (an incoming PDF's signature, a TSA's token) and
// checking its one signer's signature with node:crypto. Nothing here throws on a well-formed
// but wrong signature: the checks return what they found, for the report.

// A CMS larger than this is refused as a format we do not read (never as a broken signature):
// a PDF reserves what its signing tool chose, and Viettel-CA's tools reserve a megabyte or more to
// carry the CA's revocation list; 32 MB holds a CRL of several hundred thousand entries.
export const MAX_CMS_BYTES = 32 * 1024 * 1024;
// The parser's guard against hostile nesting, applied once the CRLs are out: certificates, the
// signer and a timestamp token stay far below it.
const MAX_NODES = 100_000;

export class CmsTooLarge extends Error {}

export interface SignedDataParts {
  readonly signedData: pkijs.SignedData;
  readonly signerInfo: pkijs.SignerInfo;
  // X.509 certificates carried in the CMS, with their DER as found.
  readonly certificates: readonly { readonly certificate: pkijs.Certificate; readonly der: Uint8Array }[];
  readonly eContentType: string;
  readonly eContent: Uint8Array | null;
  // The CRLs the signer carried in the SignedData (DER), for the revocation check.
  readonly crls: readonly Uint8Array[];
}

const NODE_HASH: Readonly<Record<string, string>> = {
  [OID.sha1]: 'sha1',
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
};

export function nodeHashName(oid: string): string | null {
  return NODE_HASH[oid] ?? null;
}

// A PDF's /Contents is a hex placeholder padded with zeros after the DER: accept that padding
// and nothing else after the ContentInfo.
function onlyZeroPadding(bytes: Uint8Array, from: number): boolean {
  for (let i = from; i < bytes.byteLength; i++) if (bytes[i] !== 0) return false;
  return true;
}

// Throws a plain Error with an English reason when the bytes are not one SignedData with
// exactly one signer; the callers turn that into their own error.
export function parseSignedData(der: Uint8Array): SignedDataParts {
  if (der.byteLength > MAX_CMS_BYTES) throw new CmsTooLarge(`CMS of ${der.byteLength} bytes exceeds the ${MAX_CMS_BYTES}-byte limit`);
  let separated: SeparatedCms;
  try {
    separated = separateCrls(der);
  } catch (e) {
    throw new Error(`not BER: ${(e as Error).message}`);
  }
  if (!onlyZeroPadding(der, separated.end)) throw new Error('bytes other than zero padding follow the ContentInfo');
  const parsed = asn1js.fromBER(separated.cms, { maxNodes: MAX_NODES });
  if (parsed.offset === -1) throw new Error(`not BER: ${parsed.result.error}`);
  const contentInfo = new pkijs.ContentInfo({ schema: parsed.result });
  if (contentInfo.contentType !== OID.signedData) throw new Error(`content type ${contentInfo.contentType} is not SignedData`);
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  if (signedData.signerInfos.length !== 1) throw new Error(`${signedData.signerInfos.length} SignerInfos; exactly one is expected`);
  const certificates = (signedData.certificates ?? [])
    .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
    .map((certificate) => ({ certificate, der: new Uint8Array(certificate.toSchema().toBER()) }));
  const eContent = signedData.encapContentInfo.eContent;
  return {
    signedData,
    signerInfo: signedData.signerInfos[0]!,
    certificates,
    eContentType: signedData.encapContentInfo.eContentType,
    eContent: eContent ? octetStringContent(eContent) : null,
    crls: separated.crls,
  };
}

// eContent may be a primitive or (BER) constructed OCTET STRING.
function octetStringContent(value: asn1js.OctetString): Uint8Array {
  if (!value.idBlock.isConstructed) return new Uint8Array(value.valueBlock.valueHexView).slice();
  const parts = value.valueBlock.value.map((part) => (part instanceof asn1js.OctetString ? octetStringContent(part) : new Uint8Array()));
  return new Uint8Array(Buffer.concat(parts));
}

// The signer's certificate, found by issuer and serial (or key id) among those the CMS carries,
// then among `extra` (the trust list's, for a token that left its own out).
export function findSignerCertificate(
  parts: SignedDataParts,
  extra: readonly { readonly asn: pkijs.Certificate; readonly der: Uint8Array }[] = [],
): SignedDataParts['certificates'][number] | null {
  const sid = parts.signerInfo.sid;
  const all = [...parts.certificates, ...extra.map((c) => ({ certificate: c.asn, der: c.der }))];
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return all.find((c) => c.certificate.issuer.isEqual(sid.issuer) && c.certificate.serialNumber.isEqual(sid.serialNumber)) ?? null;
  }
  // subjectKeyIdentifier: [0] IMPLICIT OCTET STRING.
  const keyId = sid instanceof asn1js.Primitive ? Buffer.from(sid.valueBlock.valueHexView) : null;
  if (!keyId) return null;
  return (
    all.find((c) => {
      const ski = c.certificate.extensions?.find((e) => e.extnID === '2.5.29.14')?.parsedValue;
      return ski instanceof asn1js.OctetString && keyId.equals(Buffer.from(ski.valueBlock.valueHexView));
    }) ?? null
  );
}

// The values of a signed (or unsigned) attribute, or null when absent.
export function attributeValues(attributes: pkijs.SignedAndUnsignedAttributes | undefined, oid: string): asn1js.AsnType[] | null {
  return attributes?.attributes.find((a) => a.type === oid)?.values ?? null;
}

function publicKeyOf(certificate: pkijs.Certificate): KeyObject {
  return createPublicKey({ key: Buffer.from(certificate.subjectPublicKeyInfo.toSchema().toBER()), format: 'der', type: 'spki' });
}

export interface SignerCheck {
  // messageDigest (or, without signed attributes, the digest the signature holds) equals the
  // digest of the content.
  readonly digestMatches: boolean;
  // The signature verifies with the signer certificate's key.
  readonly signatureValid: boolean;
  // false when we cannot check this shape (an algorithm or key we do not know): neither of the
  // above then says anything about the file.
  readonly supported: boolean;
  readonly problem?: string;
}

const RSA_SIGNATURES = new Set([OID.rsaEncryption, '1.2.840.113549.1.1.5', OID.sha256WithRsaEncryption, '1.2.840.113549.1.1.12', '1.2.840.113549.1.1.13', '1.2.840.113549.1.1.14']);
const RSA_PSS = '1.2.840.113549.1.1.10';
const EC_SIGNATURES = new Set([OID.ecPublicKey, '1.2.840.10045.4.1', OID.ecdsaWithSha256, '1.2.840.10045.4.3.3', '1.2.840.10045.4.3.4']);

export type VerifyKey = Parameters<typeof verify>[2];

// The node:crypto key options for the signer's signature algorithm, or a reason it is not one we
// check. PKCS#1 v1.5 is 'rsa'; PSS takes its salt from the signature (AUTO); ECDSA values are DER.
export function verifyKeyFor(signerInfo: pkijs.SignerInfo, key: KeyObject): { key: VerifyKey; kind: 'rsa' | 'rsa-pss' | 'ec' } | { unsupported: string } {
  const algorithm = signerInfo.signatureAlgorithm.algorithmId;
  if (RSA_SIGNATURES.has(algorithm) && key.asymmetricKeyType === 'rsa') return { key, kind: 'rsa' };
  if (algorithm === RSA_PSS && (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss')) {
    return { key: { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO }, kind: 'rsa-pss' };
  }
  if (EC_SIGNATURES.has(algorithm) && key.asymmetricKeyType === 'ec') return { key: { key, dsaEncoding: 'der' }, kind: 'ec' };
  return { unsupported: `signature algorithm ${algorithm} with a ${key.asymmetricKeyType ?? 'unknown'} key is not supported` };
}

export function signerKey(certificate: pkijs.Certificate): KeyObject | { unsupported: string } {
  try {
    return publicKeyOf(certificate);
  } catch (e) {
    return { unsupported: `the signer certificate's public key is unreadable: ${(e as Error).message}` };
  }
}

const unsupported = (problem: string): SignerCheck => ({ digestMatches: false, signatureValid: false, supported: false, problem });

// Checks a signer with signed attributes: the messageDigest attribute against `expectedDigest`,
// the contentType attribute against eContentType, and the signature over the signed attributes
// as encoded.
export function checkSigner(parts: SignedDataParts, signerCertificate: pkijs.Certificate, expectedDigest: Uint8Array): SignerCheck {
  const { signerInfo } = parts;
  const hash = nodeHashName(signerInfo.digestAlgorithm.algorithmId);
  if (!hash) return unsupported(`digest algorithm ${signerInfo.digestAlgorithm.algorithmId} is not supported`);
  const signedAttrs = signerInfo.signedAttrs;
  if (!signedAttrs) return unsupported('the signer has no signed attributes');
  const key = signerKey(signerCertificate);
  if ('unsupported' in key) return unsupported(key.unsupported);
  const verifyKey = verifyKeyFor(signerInfo, key);
  if ('unsupported' in verifyKey) return unsupported(verifyKey.unsupported);

  const digestValue = attributeValues(signedAttrs, OID.messageDigest)?.[0];
  const contentType = attributeValues(signedAttrs, OID.contentType)?.[0];
  const digestMatches = digestValue instanceof asn1js.OctetString && Buffer.from(digestValue.valueBlock.valueHexView).equals(expectedDigest);
  let signatureOk: boolean;
  try {
    signatureOk = verify(hash, new Uint8Array(signedAttrs.encodedValue), verifyKey.key, signerInfo.signature.valueBlock.valueHexView);
  } catch (e) {
    return { digestMatches, signatureValid: false, supported: true, problem: `signature check failed: ${(e as Error).message}` };
  }
  // RFC 5652 §11.1: a signature whose contentType attribute names other content is not valid.
  const contentTypeOk = contentType instanceof asn1js.ObjectIdentifier && contentType.valueBlock.toString() === parts.eContentType;
  const problems = [
    digestValue instanceof asn1js.OctetString ? null : 'no messageDigest attribute',
    digestMatches || !(digestValue instanceof asn1js.OctetString) ? null : 'messageDigest differs from the digest of the signed content',
    contentTypeOk ? null : 'the contentType attribute is missing or differs from eContentType',
    signatureOk ? null : 'the signature value does not verify with the signer certificate key',
  ].filter((p): p is string => p !== null);
  return { digestMatches, signatureValid: signatureOk && contentTypeOk, supported: true, ...(problems.length > 0 ? { problem: problems.join('; ') } : {}) };
}

export function digestOf(hashOid: string, data: Uint8Array): Uint8Array | null {
  const hash = nodeHashName(hashOid);
  return hash ? new Uint8Array(createHash(hash).update(data).digest()) : null;
}
