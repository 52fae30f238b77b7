import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { essCertIdMatches, parseEssCertId } from '../cms/ess-signing-certificate.ts';
import { OID } from '../cms/oids.ts';
import { attributeValues, checkSigner, digestOf, findSignerCertificate, parseSignedData } from './cms-signed-data.ts';
import { type ChainCertificate, extendedKeyUsages, readCertificates, validityAt } from './trust-certificate.ts';
import { buildChain } from './trust-chain.ts';

// The signature timestamp of a PAdES B-T signature (RFC 3161 token in the unsigned attribute
// id-aa-signatureTimeStampToken): over the signature value, signed by a TSA that chains to a
// trust anchor, holds the timeStamping purpose and was valid at genTime.
export interface TimestampCheck {
  // null when the token could not be read at all.
  readonly genTime: string | null;
  // The token's message imprint is the hash of this signature's value.
  readonly imprintMatches: boolean;
  // The TSA's signature over TSTInfo verifies with the TSA certificate in the token.
  readonly signatureValid: boolean;
  readonly tsaSubject: string | null;
  // Imprint, signature, path to a trust anchor, timeStamping purpose, validity at genTime and the
  // ESS certificate binding all hold: only then does genTime become the signing time.
  readonly trusted: boolean;
  readonly trustDetail: string;
  readonly problem?: string;
}

function unreadable(problem: string): TimestampCheck {
  return { genTime: null, imprintMatches: false, signatureValid: false, tsaSubject: null, trusted: false, trustDetail: 'token unreadable', problem };
}

function essBindingHolds(signerInfo: pkijs.SignerInfo, tsa: ChainCertificate): boolean {
  for (const type of [OID.signingCertificateV2, OID.signingCertificate]) {
    const value = attributeValues(signerInfo.signedAttrs, type)?.[0];
    const id = value ? parseEssCertId(type, value) : null;
    if (id) return essCertIdMatches(id, tsa.asn, tsa.der);
  }
  return false;
}

// `extra` are the trust list's intermediates and timestamping certificates: a path may run through
// them, and a token that left out its TSA certificate is checked with the listed one.
export function checkSignatureTimestamp(token: asn1js.AsnType, signatureValue: Uint8Array, anchors: readonly ChainCertificate[], extra: readonly ChainCertificate[] = []): TimestampCheck {
  let parts: ReturnType<typeof parseSignedData>;
  let info: pkijs.TSTInfo;
  try {
    parts = parseSignedData(new Uint8Array(token.toBER()));
    if (parts.eContentType !== OID.tstInfo || !parts.eContent) return unreadable(`token content type ${parts.eContentType} is not TSTInfo`);
    info = pkijs.TSTInfo.fromBER(parts.eContent);
  } catch (e) {
    return unreadable(`timestamp token: ${(e as Error).message}`);
  }
  const genTime = info.genTime;
  const expectedImprint = digestOf(info.messageImprint.hashAlgorithm.algorithmId, signatureValue);
  const imprintMatches = expectedImprint !== null && Buffer.from(info.messageImprint.hashedMessage.valueBlock.valueHexView).equals(expectedImprint);
  const signerEntry = findSignerCertificate(parts, extra);
  const tsa = signerEntry ? readCertificates([signerEntry.der])[0] : undefined;
  const problems: string[] = imprintMatches ? [] : ['the message imprint is not the hash of the signature value'];
  if (!tsa) {
    return { genTime: genTime.toISOString(), imprintMatches, signatureValid: false, tsaSubject: null, trusted: false, trustDetail: 'the TSA certificate is not in the token', problem: [...problems, 'TSA certificate missing'].join('; ') };
  }
  const expectedDigest = digestOf(parts.signerInfo.digestAlgorithm.algorithmId, parts.eContent!);
  const signer = expectedDigest ? checkSigner(parts, tsa.asn, expectedDigest) : { digestMatches: false, signatureValid: false, supported: false, problem: 'unsupported digest algorithm' };
  const signatureValid = signer.digestMatches && signer.signatureValid;
  if (signer.problem) problems.push(`TSA signature: ${signer.problem}`);

  const pool = [...readCertificates(parts.certificates.map((c) => c.der)), ...extra];
  const chain = buildChain(tsa, pool, anchors, genTime);
  const timeStamping = extendedKeyUsages(tsa)?.includes(OID.extKeyUsageTimeStamping) === true;
  const validity = validityAt(tsa, genTime);
  const bound = essBindingHolds(parts.signerInfo, tsa);
  const reasons = [
    chain.status === 'trusted' ? null : `TSA chain ${chain.status}: ${chain.detail}`,
    timeStamping ? null : 'the TSA certificate lacks the timeStamping extended key usage',
    validity === 'valid' ? null : `the TSA certificate is ${validity} at genTime`,
    bound ? null : 'no ESS signing-certificate attribute naming the TSA certificate',
  ].filter((r): r is string => r !== null);
  const trusted = imprintMatches && signatureValid && reasons.length === 0;
  return {
    genTime: genTime.toISOString(),
    imprintMatches,
    signatureValid,
    tsaSubject: tsa.info.subject,
    trusted,
    trustDetail: reasons.length === 0 ? chain.detail : reasons.join('; '),
    ...(problems.length > 0 ? { problem: problems.join('; ') } : {}),
  };
}
