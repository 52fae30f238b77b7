import * as asn1js from 'asn1js';
import { AppError } from '../../../shared/errors.ts';
import { essCertIdMatches, parseEssCertId } from '../cms/ess-signing-certificate.ts';
import { OID } from '../cms/oids.ts';
import { attributeValues, checkSigner, CmsTooLarge, findSignerCertificate, nodeHashName, parseSignedData, type SignedDataParts } from './cms-signed-data.ts';
import { checkSignatureTimestamp, type TimestampCheck } from './cms-timestamp.ts';
import { type ChainCertificate, keyAlgorithmOf, keyUsagePermitsSigning, readCertificates, validityAt } from './trust-certificate.ts';
import { buildChain, type TrustStatus } from './trust-chain.ts';
import { checkRevocation, type RevocationResult } from './trust-revocation.ts';
import { bytesContent, type SignedContent } from './signed-content.ts';
import { checkUnattributedSigner } from './unattributed-signer.ts';

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
    // Node hash name of the CMS digest algorithm (the OID when it is not one we know).
    readonly digestAlgorithm: string;
    // The digest the signer signed (messageDigest, the encapsulated SHA-1, or the one an RSA
    // signature without attributes holds) equals the digest of the byte ranges.
    readonly digestMatches: boolean;
    // The signature verifies with the signer certificate's key.
    readonly signatureValid: boolean;
    // false: a shape we cannot check (algorithm, key, unreadable content); the two above then
    // say nothing about the file, and the clerk is told so, never that it was changed.
    readonly supported: boolean;
    // The shape: signed attributes or the content signed directly, detached or encapsulated.
    readonly shape: 'signed-attributes' | 'content' | 'encapsulated-sha1';
    readonly problem?: string;
  };
  // What the signature was made with, for the weak-algorithm warning.
  readonly algorithms: {
    readonly digest: string;
    readonly key: string;
    // RSA modulus or EC curve size in bits; null when unknown.
    readonly keyBits: number | null;
  };
  // The signingTime attribute, as the signer's computer claimed it: never proof of the time.
  readonly cmsSigningTime: string | null;
  // The CRLs the CMS itself carried.
  readonly embeddedCrls: number;
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
  // The certificates of a trusted path (signer first, anchor last), DER; empty otherwise. Not in
  // the report: the profile records their distribution points for the next CRL refresh.
  readonly trustedPath: readonly Uint8Array[];
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
  // Intermediate and timestamping certificates of the trust list: paths may run through them.
  readonly intermediates?: readonly Uint8Array[];
  readonly timestamping?: readonly Uint8Array[];
  readonly crls?: readonly Uint8Array[];
  // The time the PDF claims (/M), used when there is no trusted timestamp.
  readonly claimedTime?: Date | null;
  readonly now?: Date;
}

function read(cms: Uint8Array): SignedDataParts {
  try {
    return parseSignedData(cms);
  } catch (e) {
    if (e instanceof CmsTooLarge) throw new AppError('PDF_UNSUPPORTED', 'Dữ liệu chữ ký quá lớn để kiểm tra: định dạng chưa được hỗ trợ (không phải kết luận tệp bị sửa).', `CMS refused for size: ${e.message}`);
    throw new AppError('PDF_UNSUPPORTED', 'Không đọc được chữ ký số trong tài liệu (dữ liệu chữ ký bị hỏng hoặc không đúng định dạng).', `Unreadable CMS: ${(e as Error).message}`);
  }
}

function signingCertificateBinding(parts: SignedDataParts, signer: ChainCertificate | null): { hasV2: boolean; hasAny: boolean; matches: boolean } {
  const v2 = attributeValues(parts.signerInfo.signedAttrs, OID.signingCertificateV2)?.[0];
  const v1 = attributeValues(parts.signerInfo.signedAttrs, OID.signingCertificate)?.[0];
  const [type, value] = v2 ? [OID.signingCertificateV2, v2] : v1 ? [OID.signingCertificate, v1] : [null, null];
  const id = type && value ? parseEssCertId(type, value) : null;
  return { hasV2: v2 !== undefined, hasAny: type !== null, matches: id !== null && signer !== null && essCertIdMatches(id, signer.asn, signer.der) };
}

function timestampOf(parts: SignedDataParts, anchors: readonly ChainCertificate[], extra: readonly ChainCertificate[]): TimestampCheck | null {
  const token = attributeValues(parts.signerInfo.unsignedAttrs, OID.signatureTimeStampToken)?.[0];
  if (!token) return null;
  return checkSignatureTimestamp(token, new Uint8Array(parts.signerInfo.signature.valueBlock.valueHexView), anchors, extra);
}

function cmsSigningTimeOf(parts: SignedDataParts): Date | null {
  const value = attributeValues(parts.signerInfo.signedAttrs, OID.signingTime)?.[0];
  if (value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime) {
    const time = value.toDate();
    return Number.isNaN(time.getTime()) ? null : time;
  }
  return null;
}

function algorithmsOf(parts: SignedDataParts, signer: ChainCertificate | null): CmsVerification['algorithms'] {
  const digest = nodeHashName(parts.signerInfo.digestAlgorithm.algorithmId) ?? parts.signerInfo.digestAlgorithm.algorithmId;
  if (!signer) return { digest, key: 'unknown', keyBits: null };
  const details = signer.node.publicKey.asymmetricKeyDetails;
  const curveBits: Readonly<Record<string, number>> = { prime256v1: 256, secp384r1: 384, secp521r1: 521 };
  const keyBits = details?.modulusLength ?? (details?.namedCurve ? (curveBits[details.namedCurve] ?? null) : null);
  return { digest, key: keyAlgorithmOf(signer), keyBits };
}

// The integrity of the content for each shape. `subFilter` adbe.pkcs7.sha1 encapsulates the
// SHA-1 of the byte ranges and signs that; every other shape signs the byte ranges.
async function integrityOf(parts: SignedDataParts, signer: ChainCertificate, signed: SignedInput): Promise<CmsVerification['integrity']> {
  const digestAlgorithm = nodeHashName(parts.signerInfo.digestAlgorithm.algorithmId) ?? parts.signerInfo.digestAlgorithm.algorithmId;
  const attributed = parts.signerInfo.signedAttrs !== undefined;
  const encapsulated = signed.subFilter === 'adbe.pkcs7.sha1';
  const shape = encapsulated ? 'encapsulated-sha1' : attributed ? 'signed-attributes' : 'content';
  const notChecked = (problem: string) => ({ digestAlgorithm, digestMatches: false, signatureValid: false, supported: false, shape, problem }) as const;
  try {
    let content = signed.content;
    let encapsulatedMatches = true;
    if (encapsulated) {
      if (!parts.eContent) return notChecked('adbe.pkcs7.sha1 without an encapsulated digest');
      encapsulatedMatches = Buffer.from(parts.eContent).equals(await signed.content.digest('sha1'));
      content = bytesContent(parts.eContent);
    }
    const hash = nodeHashName(parts.signerInfo.digestAlgorithm.algorithmId);
    const check = attributed
      ? hash
        ? checkSigner(parts, signer.asn, await content.digest(hash))
        : { digestMatches: false, signatureValid: false, supported: false, problem: `digest algorithm ${digestAlgorithm} is not supported` }
      : await checkUnattributedSigner(parts, signer.asn, content);
    if (!check.supported) return notChecked(check.problem ?? 'not supported');
    const problems = [check.problem, encapsulatedMatches ? undefined : 'the SHA-1 the CMS encapsulates differs from the SHA-1 of the byte ranges'].filter((p): p is string => p !== undefined);
    return {
      digestAlgorithm,
      digestMatches: check.digestMatches && encapsulatedMatches,
      signatureValid: check.signatureValid,
      supported: true,
      shape,
      ...(problems.length > 0 ? { problem: problems.join('; ') } : {}),
    };
  } catch (e) {
    return notChecked(`the signed content could not be read: ${(e as Error).message}`);
  }
}

export interface SignedInput {
  readonly content: SignedContent;
  // The PDF signature's /SubFilter, which decides what the CMS signs.
  readonly subFilter?: string | null;
}

// The time the certificate is judged at: a trusted timestamp proves it; otherwise the time the
// PDF claims (/M), then the CMS signingTime, both claims of the signer's computer (some tools
// write local time there, seven hours off), marked as such.
function settleSigningTime(timestamp: TimestampCheck | null, claimed: Date | null | undefined, cmsClaim: Date | null, now: Date): { time: Date; basis: 'timestamp' | 'claimed' | 'now' } {
  if (timestamp?.trusted && timestamp.genTime) return { time: new Date(timestamp.genTime), basis: 'timestamp' };
  if (claimed && !Number.isNaN(claimed.getTime())) return { time: claimed, basis: 'claimed' };
  if (cmsClaim) return { time: cmsClaim, basis: 'claimed' };
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

export async function verifyCms(cms: Uint8Array, signed: SignedInput, context: CmsVerificationContext): Promise<CmsVerification> {
  const now = context.now ?? new Date();
  const parts = read(cms);
  const anchors = readCertificates(context.anchors);
  const listed = readCertificates([...(context.intermediates ?? []), ...(context.timestamping ?? [])]);
  const pool = [...readCertificates(parts.certificates.map((c) => c.der)), ...listed];
  const signerEntry = findSignerCertificate(parts);
  const signer = signerEntry ? (readCertificates([signerEntry.der])[0] ?? null) : null;
  const digestAlgorithm = nodeHashName(parts.signerInfo.digestAlgorithm.algorithmId) ?? parts.signerInfo.digestAlgorithm.algorithmId;
  const timestamp = timestampOf(parts, anchors, listed);
  const cmsClaim = cmsSigningTimeOf(parts);
  const { time, basis } = settleSigningTime(timestamp, context.claimedTime, cmsClaim, now);
  const binding = signingCertificateBinding(parts, signer);
  const attributes = {
    hasSigningTime: attributeValues(parts.signerInfo.signedAttrs, OID.signingTime) !== null,
    hasSigningCertificateV2: binding.hasV2,
    hasSigningCertificate: binding.hasAny,
    signingCertificateMatches: binding.matches,
  };
  const common = { attributes, timestamp, algorithms: algorithmsOf(parts, signer), cmsSigningTime: cmsClaim?.toISOString() ?? null, embeddedCrls: parts.crls.length };

  if (!signer) {
    const messageDigest = attributeValues(parts.signerInfo.signedAttrs, OID.messageDigest)?.[0];
    const hash = nodeHashName(parts.signerInfo.digestAlgorithm.algorithmId);
    const ours = hash && messageDigest instanceof asn1js.OctetString ? await signed.content.digest(hash).catch(() => null) : null;
    return {
      signer: null,
      integrity: {
        digestAlgorithm,
        digestMatches: ours !== null && messageDigest instanceof asn1js.OctetString && Buffer.from(messageDigest.valueBlock.valueHexView).equals(ours),
        signatureValid: false,
        supported: true,
        shape: parts.signerInfo.signedAttrs ? 'signed-attributes' : 'content',
        problem: 'the signer certificate is not in the CMS, so the signature cannot be checked',
      },
      ...common,
      trust: { status: 'incomplete-chain', chain: [], detail: 'no signer certificate' },
      trustedPath: [],
      validityAtSigningTime: { time: time.toISOString(), basis, status: 'unknown' },
      revocation: { status: 'unknown', source: null, detail: 'no signer certificate' },
      keyUsageOk: false,
    };
  }

  const integrity = await integrityOf(parts, signer, signed);
  const chain = buildChain(signer, pool, anchors, time);
  const issuer = chain.path[1] ?? null;
  return {
    signer: describe(signer),
    integrity,
    ...common,
    trust: { status: chain.status, chain: chain.path.map((c) => c.info.subject), detail: chain.detail },
    trustedPath: chain.status === 'trusted' ? chain.path.map((c) => c.der) : [],
    validityAtSigningTime: { time: time.toISOString(), basis, status: validityAt(signer, time) },
    revocation: checkRevocation(signer, issuer, [...(context.crls ?? []), ...parts.crls], time, now),
    keyUsageOk: keyUsagePermitsSigning(signer),
  };
}
