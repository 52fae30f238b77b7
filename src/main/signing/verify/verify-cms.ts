import * as asn1js from 'asn1js';
import { AppError } from '../../../shared/errors.ts';
import { essCertIdMatches, parseEssCertId } from '../cms/ess-signing-certificate.ts';
import { OID } from '../cms/oids.ts';
import { attributeValues, checkSigner, findSignerCertificate, nodeHashName, parseSignedData, type SignedDataParts } from './cms-signed-data.ts';
import { checkSignatureTimestamp, type TimestampCheck } from './cms-timestamp.ts';
import { type ChainCertificate, keyAlgorithmOf, keyUsagePermitsSigning, readCertificates, validityAt } from './trust-certificate.ts';
import { buildChain, type TrustStatus } from './trust-chain.ts';
import { checkRevocation, type RevocationResult } from './trust-revocation.ts';

// Verification of one PDF signature's CMS against the digest of its byte ranges. Each part of
// the report says what it checked; nothing in it is a bare "valid". A CMS that cannot be read as
// one SignedData with one signer is a PDF_UNSUPPORTED error (there is nothing to report on);
// everything readable but wrong (tampered, missing certificate, unknown algorithm) is a report.

export interface CmsVerification {
  // The signer certificate found in the CMS by issuer and serial (or key id); null when absent.
  readonly signer: {
    readonly subject: string;
    readonly issuer: string;
    readonly serialNumber: string;
    readonly notBefore: string;
    readonly notAfter: string;
    readonly keyAlgorithm: string;
  } | null;
  readonly integrity: {
    // Node hash name of the CMS digest algorithm (the caller hashes the byte ranges with it).
    readonly digestAlgorithm: string;
    // messageDigest equals the digest the caller computed over the byte ranges.
    readonly digestMatches: boolean;
    // The signature over the signed attributes verifies with the signer certificate's key.
    readonly signatureValid: boolean;
    readonly problem?: string;
  };
  readonly attributes: {
    // PAdES forbids signingTime; its presence is reported, its value used only as a last resort.
    readonly hasSigningTime: boolean;
    readonly hasSigningCertificateV2: boolean;
    // An ESS signing-certificate attribute, v1 or v2, is there: the signer bound one certificate.
    readonly hasSigningCertificate: boolean;
    // An ESS signing-certificate(-v2) attribute names exactly the signer certificate.
    readonly signingCertificateMatches: boolean;
  };
  readonly timestamp: TimestampCheck | null;
  readonly trust: { readonly status: TrustStatus; readonly chain: readonly string[]; readonly detail: string };
  readonly validityAtSigningTime: {
    readonly time: string;
    readonly basis: 'timestamp' | 'claimed' | 'now';
    readonly status: 'valid' | 'expired' | 'not-yet-valid' | 'unknown';
  };
  readonly revocation: RevocationResult;
  // Key usage allows digitalSignature or nonRepudiation (or is not restricted).
  readonly keyUsageOk: boolean;
}

export interface CmsVerificationContext {
  // DER certificates of the configured trust anchors.
  readonly anchors: readonly Uint8Array[];
  readonly crls?: readonly Uint8Array[];
  // The time the PDF claims (/M), used when there is no trusted timestamp.
  readonly claimedTime?: Date | null;
  readonly now?: Date;
}

function unparseable(detail: string): AppError {
  return new AppError('PDF_UNSUPPORTED', 'Không đọc được chữ ký số trong tài liệu (dữ liệu chữ ký bị hỏng hoặc không đúng định dạng).', `Unreadable CMS: ${detail}`);
}

function read(cms: Uint8Array): SignedDataParts {
  try {
    return parseSignedData(cms);
  } catch (e) {
    throw unparseable((e as Error).message);
  }
}

// The digest algorithm a PDF signature's CMS declares, as a node:crypto hash name, so the caller
// hashes the byte ranges with it; null when unreadable or unsupported.
export function cmsDigestAlgorithm(cms: Uint8Array): string | null {
  try {
    return nodeHashName(parseSignedData(cms).signerInfo.digestAlgorithm.algorithmId);
  } catch {
    return null;
  }
}

function signingCertificateBinding(parts: SignedDataParts, signer: ChainCertificate | null): { hasV2: boolean; hasAny: boolean; matches: boolean } {
  const v2 = attributeValues(parts.signerInfo.signedAttrs, OID.signingCertificateV2)?.[0];
  const v1 = attributeValues(parts.signerInfo.signedAttrs, OID.signingCertificate)?.[0];
  const [type, value] = v2 ? [OID.signingCertificateV2, v2] : v1 ? [OID.signingCertificate, v1] : [null, null];
  const id = type && value ? parseEssCertId(type, value) : null;
  return { hasV2: v2 !== undefined, hasAny: type !== null, matches: id !== null && signer !== null && essCertIdMatches(id, signer.asn, signer.der) };
}

function timestampOf(parts: SignedDataParts, anchors: readonly ChainCertificate[]): TimestampCheck | null {
  const token = attributeValues(parts.signerInfo.unsignedAttrs, OID.signatureTimeStampToken)?.[0];
  if (!token) return null;
  return checkSignatureTimestamp(token, new Uint8Array(parts.signerInfo.signature.valueBlock.valueHexView), anchors);
}

function settleSigningTime(timestamp: TimestampCheck | null, claimed: Date | null | undefined, now: Date): { time: Date; basis: 'timestamp' | 'claimed' | 'now' } {
  if (timestamp?.trusted && timestamp.genTime) return { time: new Date(timestamp.genTime), basis: 'timestamp' };
  if (claimed && !Number.isNaN(claimed.getTime())) return { time: claimed, basis: 'claimed' };
  return { time: now, basis: 'now' };
}

function describe(signer: ChainCertificate): NonNullable<CmsVerification['signer']> {
  return {
    subject: signer.info.subject,
    issuer: signer.info.issuer,
    serialNumber: signer.info.serialNumber,
    notBefore: signer.info.notBefore.toISOString(),
    notAfter: signer.info.notAfter.toISOString(),
    keyAlgorithm: keyAlgorithmOf(signer),
  };
}

export async function verifyCms(cms: Uint8Array, digest: Uint8Array, context: CmsVerificationContext): Promise<CmsVerification> {
  const now = context.now ?? new Date();
  const parts = read(cms);
  const anchors = readCertificates(context.anchors);
  const pool = readCertificates(parts.certificates.map((c) => c.der));
  const signerEntry = findSignerCertificate(parts);
  const signer = signerEntry ? (readCertificates([signerEntry.der])[0] ?? null) : null;
  const digestAlgorithm = nodeHashName(parts.signerInfo.digestAlgorithm.algorithmId) ?? parts.signerInfo.digestAlgorithm.algorithmId;
  const timestamp = timestampOf(parts, anchors);
  const { time, basis } = settleSigningTime(timestamp, context.claimedTime, now);
  const binding = signingCertificateBinding(parts, signer);
  const attributes = {
    hasSigningTime: attributeValues(parts.signerInfo.signedAttrs, OID.signingTime) !== null,
    hasSigningCertificateV2: binding.hasV2,
    hasSigningCertificate: binding.hasAny,
    signingCertificateMatches: binding.matches,
  };

  if (!signer) {
    const messageDigest = attributeValues(parts.signerInfo.signedAttrs, OID.messageDigest)?.[0];
    return {
      signer: null,
      integrity: {
        digestAlgorithm,
        digestMatches: messageDigest instanceof asn1js.OctetString && Buffer.from(messageDigest.valueBlock.valueHexView).equals(digest),
        signatureValid: false,
        problem: 'the signer certificate is not in the CMS, so the signature cannot be checked',
      },
      attributes,
      timestamp,
      trust: { status: 'incomplete-chain', chain: [], detail: 'no signer certificate' },
      validityAtSigningTime: { time: time.toISOString(), basis, status: 'unknown' },
      revocation: { status: 'unknown', source: null, detail: 'no signer certificate' },
      keyUsageOk: false,
    };
  }

  const integrity = checkSigner(parts, signer.asn, digest);
  const chain = buildChain(signer, pool, anchors, time);
  const issuer = chain.path[1] ?? null;
  return {
    signer: describe(signer),
    integrity: { digestAlgorithm, ...integrity },
    attributes,
    timestamp,
    trust: { status: chain.status, chain: chain.path.map((c) => c.info.subject), detail: chain.detail },
    validityAtSigningTime: { time: time.toISOString(), basis, status: validityAt(signer, time) },
    revocation: checkRevocation(signer, issuer, context.crls ?? [], time, now),
    keyUsageOk: keyUsagePermitsSigning(signer),
  };
}
