import { createHash, createPublicKey, verify, constants, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from '../cms/oids.ts';

// Reading a CMS SignedData we did not make (an incoming PDF's signature, a TSA's token) and
// checking its one signer's signature with node:crypto. Nothing here throws on a well-formed
// but wrong signature: the checks return what they found, for the report.

export const MAX_CMS_BYTES = 4 * 1024 * 1024;

export interface SignedDataParts {
  readonly signedData: pkijs.SignedData;
  readonly signerInfo: pkijs.SignerInfo;
  // X.509 certificates carried in the CMS, with their DER as found.
  readonly certificates: readonly { readonly certificate: pkijs.Certificate; readonly der: Uint8Array }[];
  readonly eContentType: string;
  readonly eContent: Uint8Array | null;
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
  if (der.byteLength > MAX_CMS_BYTES) throw new Error(`CMS of ${der.byteLength} bytes exceeds the ${MAX_CMS_BYTES}-byte limit`);
  const parsed = asn1js.fromBER(der);
  if (parsed.offset === -1) throw new Error(`not BER: ${parsed.result.error}`);
  if (!onlyZeroPadding(der, parsed.offset)) throw new Error('bytes other than zero padding follow the ContentInfo');
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
  };
}

// eContent may be a primitive or (BER) constructed OCTET STRING.
function octetStringContent(value: asn1js.OctetString): Uint8Array {
  if (!value.idBlock.isConstructed) return new Uint8Array(value.valueBlock.valueHexView).slice();
  const parts = value.valueBlock.value.map((part) => (part instanceof asn1js.OctetString ? octetStringContent(part) : new Uint8Array()));
  return new Uint8Array(Buffer.concat(parts));
}

export function findSignerCertificate(parts: SignedDataParts): SignedDataParts['certificates'][number] | null {
  const sid = parts.signerInfo.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return parts.certificates.find((c) => c.certificate.issuer.isEqual(sid.issuer) && c.certificate.serialNumber.isEqual(sid.serialNumber)) ?? null;
  }
  // subjectKeyIdentifier: [0] IMPLICIT OCTET STRING.
  const keyId = sid instanceof asn1js.Primitive ? Buffer.from(sid.valueBlock.valueHexView) : null;
  if (!keyId) return null;
  return (
    parts.certificates.find((c) => {
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
  // messageDigest equals the expected digest of the content.
  readonly digestMatches: boolean;
  // The signature over the signed attributes verifies with the signer certificate's key.
  readonly signatureValid: boolean;
  readonly problem?: string;
}

const RSA_SIGNATURES = new Set([OID.rsaEncryption, '1.2.840.113549.1.1.5', OID.sha256WithRsaEncryption, '1.2.840.113549.1.1.12', '1.2.840.113549.1.1.13']);
const RSA_PSS = '1.2.840.113549.1.1.10';
const EC_SIGNATURES = new Set([OID.ecPublicKey, '1.2.840.10045.4.1', OID.ecdsaWithSha256, '1.2.840.10045.4.3.3', '1.2.840.10045.4.3.4']);

function signatureVerifies(signerInfo: pkijs.SignerInfo, key: KeyObject, hash: string, data: Uint8Array): { ok: boolean; problem?: string } {
  const algorithm = signerInfo.signatureAlgorithm.algorithmId;
  const signature = signerInfo.signature.valueBlock.valueHexView;
  try {
    if (RSA_SIGNATURES.has(algorithm) && key.asymmetricKeyType === 'rsa') return { ok: verify(hash, data, key, signature) };
    if (algorithm === RSA_PSS && (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss')) {
      return { ok: verify(hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO }, signature) };
    }
    if (EC_SIGNATURES.has(algorithm) && key.asymmetricKeyType === 'ec') return { ok: verify(hash, data, { key, dsaEncoding: 'der' }, signature) };
  } catch (e) {
    return { ok: false, problem: `signature check failed: ${(e as Error).message}` };
  }
  return { ok: false, problem: `signature algorithm ${algorithm} does not fit a ${key.asymmetricKeyType ?? 'unknown'} key or is not supported` };
}

// Checks the signer: the messageDigest attribute against `expectedDigest`, the contentType
// attribute against eContentType, and the signature over the signed attributes as encoded.
export function checkSigner(parts: SignedDataParts, signerCertificate: pkijs.Certificate, expectedDigest: Uint8Array): SignerCheck {
  const { signerInfo } = parts;
  const hash = nodeHashName(signerInfo.digestAlgorithm.algorithmId);
  if (!hash) return { digestMatches: false, signatureValid: false, problem: `digest algorithm ${signerInfo.digestAlgorithm.algorithmId} is not supported` };
  const signedAttrs = signerInfo.signedAttrs;
  if (!signedAttrs) return { digestMatches: false, signatureValid: false, problem: 'the signer has no signed attributes (not supported for PDF signatures)' };

  const digestValue = attributeValues(signedAttrs, OID.messageDigest)?.[0];
  const contentType = attributeValues(signedAttrs, OID.contentType)?.[0];
  const digestMatches = digestValue instanceof asn1js.OctetString && Buffer.from(digestValue.valueBlock.valueHexView).equals(expectedDigest);
  let key: KeyObject;
  try {
    key = publicKeyOf(signerCertificate);
  } catch (e) {
    return { digestMatches, signatureValid: false, problem: `the signer certificate's public key is unreadable: ${(e as Error).message}` };
  }
  const signature = signatureVerifies(signerInfo, key, hash, new Uint8Array(signedAttrs.encodedValue));
  // RFC 5652 §11.1: a signature whose contentType attribute names other content is not valid.
  const contentTypeOk = contentType instanceof asn1js.ObjectIdentifier && contentType.valueBlock.toString() === parts.eContentType;
  const problems = [
    digestValue instanceof asn1js.OctetString ? null : 'no messageDigest attribute',
    digestMatches || !(digestValue instanceof asn1js.OctetString) ? null : 'messageDigest differs from the digest of the signed content',
    contentTypeOk ? null : 'the contentType attribute is missing or differs from eContentType',
    signature.problem ?? (signature.ok ? null : 'the signature value does not verify with the signer certificate key'),
  ].filter((p): p is string => p !== null);
  return { digestMatches, signatureValid: signature.ok && contentTypeOk, ...(problems.length > 0 ? { problem: problems.join('; ') } : {}) };
}

export function digestOf(hashOid: string, data: Uint8Array): Uint8Array | null {
  const hash = nodeHashName(hashOid);
  return hash ? new Uint8Array(createHash(hash).update(data).digest()) : null;
}
