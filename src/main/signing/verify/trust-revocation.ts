import { verify } from 'node:crypto';
import { type CrlView, readCrl } from './crl-reader.ts';
import type { ChainCertificate } from './trust-certificate.ts';

// Revocation from CRLs the caller has (offline: the closed network has no OCSP responder). A CRL
// counts when the key of the certificate's issuer signed it: the key, not the spelling of the name,
// says who issued it (the CAs under the 2025–2026 NEAC roots spell the root's name with an en dash
// in their distribution points and a hyphen in their issuer field).
export interface RevocationResult {
  readonly status: 'good' | 'revoked' | 'unknown';
  readonly source: 'crl' | null;
  readonly revokedAt?: string;
  readonly detail: string;
}

const SIGNATURE_HASH: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};

function crlOf(der: Uint8Array): CrlView | null {
  try {
    return readCrl(der);
  } catch {
    // Not a CRL: it tells nothing about revocation, and the result says no CRL applied.
    return null;
  }
}

export function crlSignedBy(crl: CrlView, issuer: ChainCertificate): boolean {
  const hash = SIGNATURE_HASH[crl.signatureAlgorithm];
  if (!hash) return false;
  try {
    return verify(hash, crl.tbs, { key: issuer.node.publicKey, dsaEncoding: 'der' }, crl.signature);
  } catch {
    return false;
  }
}

export function checkRevocation(certificate: ChainCertificate, issuer: ChainCertificate | null, crls: readonly Uint8Array[], signingTime: Date, now: Date): RevocationResult {
  if (crls.length === 0) return { status: 'unknown', source: null, detail: 'no CRL available (offline; OCSP not used)' };
  if (!issuer) return { status: 'unknown', source: null, detail: 'the issuer certificate is unknown, so no CRL can be checked' };
  const applicable = crls
    .map(crlOf)
    .filter((crl): crl is CrlView => crl !== null && crlSignedBy(crl, issuer) && crl.thisUpdate <= now);
  if (applicable.length === 0) return { status: 'unknown', source: null, detail: `none of the ${crls.length} CRL(s) is issued and signed by ${issuer.info.subject}` };

  const serial = new Uint8Array(certificate.asn.serialNumber.valueBlock.valueHexView);
  for (const crl of applicable) {
    const revokedAt = crl.revokedAt(serial);
    if (revokedAt) {
      const when = revokedAt <= signingTime ? 'before' : 'after';
      return { status: 'revoked', source: 'crl', revokedAt: revokedAt.toISOString(), detail: `listed on the CRL of ${issuer.info.subject} issued ${crl.thisUpdate.toISOString()}; revoked ${when} the signing time ${signingTime.toISOString()}` };
    }
  }
  const newest = applicable.reduce((a, b) => (b.thisUpdate > a.thisUpdate ? b : a));
  const nextUpdate = newest.nextUpdate;
  if (nextUpdate && nextUpdate < now) {
    return { status: 'unknown', source: 'crl', detail: `not listed, but the newest CRL (issued ${newest.thisUpdate.toISOString()}) expired on ${nextUpdate.toISOString()}` };
  }
  return { status: 'good', source: 'crl', detail: `not listed on the CRL of ${issuer.info.subject} issued ${newest.thisUpdate.toISOString()}${nextUpdate ? `, next update ${nextUpdate.toISOString()}` : ''}` };
}
