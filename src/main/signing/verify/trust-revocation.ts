import { verify } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as asn1js from 'asn1js';
import type { ChainCertificate } from './trust-certificate.ts';

// Revocation from CRLs the caller has (offline: the closed network has no OCSP responder). A CRL
// counts only when its issuer is the certificate's issuer and the issuer's key signed it.
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

// What a CRL check needs: the signed bytes and signature (asn1js, as found), and the issuer,
// times and entries (@peculiar/x509, which also reads CRLs with empty entry extensions, on
// which pkijs fails).
interface Crl {
  readonly tbs: Uint8Array;
  readonly signatureAlgorithm: string;
  readonly signature: Uint8Array;
  readonly issuer: Uint8Array;
  readonly parsed: x509.X509Crl;
}

function readCrl(der: Uint8Array): Crl | null {
  try {
    const asn = asn1js.fromBER(der);
    if (asn.offset !== der.byteLength || !(asn.result instanceof asn1js.Sequence)) return null;
    const [tbs, algorithm, signature] = asn.result.valueBlock.value;
    if (!(tbs instanceof asn1js.Sequence) || !(algorithm instanceof asn1js.Sequence) || !(signature instanceof asn1js.BitString)) return null;
    const oid = algorithm.valueBlock.value[0];
    const fields = tbs.valueBlock.value;
    const issuer = fields[fields[0] instanceof asn1js.Integer ? 2 : 1];
    if (!(oid instanceof asn1js.ObjectIdentifier) || !issuer) return null;
    return {
      tbs: new Uint8Array(tbs.valueBeforeDecodeView),
      signatureAlgorithm: oid.valueBlock.toString(),
      signature: new Uint8Array(signature.valueBlock.valueHexView),
      issuer: new Uint8Array(issuer.valueBeforeDecodeView),
      parsed: new x509.X509Crl(der),
    };
  } catch {
    // Not a CRL: it tells nothing about revocation, and the result says no CRL applied.
    return null;
  }
}

function crlSignedBy(crl: Crl, issuer: ChainCertificate): boolean {
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
  const certificateIssuer = Buffer.from(certificate.asn.issuer.toSchema().toBER());
  const applicable = crls
    .map(readCrl)
    .filter((crl): crl is Crl => crl !== null && certificateIssuer.equals(crl.issuer) && crlSignedBy(crl, issuer) && crl.parsed.thisUpdate <= now);
  if (applicable.length === 0) return { status: 'unknown', source: null, detail: `none of the ${crls.length} CRL(s) is issued and signed by ${issuer.info.subject}` };

  for (const crl of applicable) {
    const entry = crl.parsed.entries.find((e) => e.serialNumber === certificate.info.serialNumber);
    if (entry) {
      const revokedAt = entry.revocationDate;
      const when = revokedAt <= signingTime ? 'before' : 'after';
      return { status: 'revoked', source: 'crl', revokedAt: revokedAt.toISOString(), detail: `listed on the CRL of ${issuer.info.subject} issued ${crl.parsed.thisUpdate.toISOString()}; revoked ${when} the signing time ${signingTime.toISOString()}` };
    }
  }
  const newest = applicable.reduce((a, b) => (b.parsed.thisUpdate > a.parsed.thisUpdate ? b : a));
  const nextUpdate = newest.parsed.nextUpdate;
  if (nextUpdate && nextUpdate < now) {
    return { status: 'unknown', source: 'crl', detail: `not listed, but the newest CRL (issued ${newest.parsed.thisUpdate.toISOString()}) expired on ${nextUpdate.toISOString()}` };
  }
  return { status: 'good', source: 'crl', detail: `not listed on the CRL of ${issuer.info.subject} issued ${newest.parsed.thisUpdate.toISOString()}${nextUpdate ? `, next update ${nextUpdate.toISOString()}` : ''}` };
}
