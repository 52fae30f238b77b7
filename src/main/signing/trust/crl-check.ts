import { createHash } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { type CrlView, readCrl } from '../verify/crl-reader.ts';
import { childrenOf, contentOf, oidOf, readTlv, TAG } from '../verify/der.ts';
import type { ChainCertificate } from '../verify/trust-certificate.ts';
import { crlSignedBy } from '../verify/trust-revocation.ts';
import { CrlFetchFailure } from './crl-fetch.ts';

// What a distribution point answered, checked before it is kept: a CRL (DER, or PEM as some CAs
// serve it), complete (not a delta, which lists only changes since another list), and signed by
// the key of the issuer of a certificate that names this point. A list nobody we trust signed is
// refused, whatever it says. The signature check and the reading of the list are the verifier's
// own (trust-revocation.ts, crl-reader.ts), so what is cached is what the verifier will use.

export interface CrlCandidate {
  // A certificate naming the point, the certificate that issued it, and the cRLIssuer names the
  // point gives (empty: the certificate's issuer).
  readonly certificate: ChainCertificate;
  readonly issuer: ChainCertificate;
  readonly crlIssuers: readonly Uint8Array[];
}

export interface CheckedCrl {
  readonly der: Uint8Array;
  readonly sha256: string;
  readonly issuer: string;
  readonly thisUpdate: Date;
  readonly nextUpdate: Date | null;
  // cRLNumber in hexadecimal without leading zeros; null when the list has none.
  readonly crlNumber: string | null;
}

const PEM_CRL = /-----BEGIN X509 CRL-----([A-Za-z0-9+/=\s]+?)-----END X509 CRL-----/;
const CRL_NUMBER = '2.5.29.20';
const DELTA_CRL_INDICATOR = '2.5.29.27';

const refuse = (reasonVi: string, detail: string): never => {
  throw new CrlFetchFailure(reasonVi, detail);
};

function derOf(bytes: Uint8Array): Uint8Array {
  if (bytes[0] === 0x30) return bytes;
  const pem = PEM_CRL.exec(Buffer.from(bytes).toString('latin1'));
  if (!pem) return refuse('máy chủ không trả về danh sách thu hồi (CRL)', `neither DER nor PEM "X509 CRL" (first bytes ${Buffer.from(bytes.subarray(0, 8)).toString('hex')})`);
  return new Uint8Array(Buffer.from(pem[1]!.replace(/\s+/g, ''), 'base64'));
}

// The crlExtensions ([0] EXPLICIT Extensions, last in tbsCertList) by OID: their extnValue octets.
function extensionsOf(tbs: Uint8Array): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const fields = childrenOf(tbs, readTlv(tbs, 0));
  const tagged = fields.find((f) => f.tag === 0xa0);
  if (!tagged) return out;
  const [list] = childrenOf(tbs, tagged);
  for (const extension of list ? childrenOf(tbs, list) : []) {
    const parts = childrenOf(tbs, extension);
    const oid = parts[0];
    const value = parts.at(-1);
    if (oid?.tag === TAG.oid && value?.tag === TAG.octetString) out.set(oidOf(contentOf(tbs, oid)), contentOf(tbs, value));
  }
  return out;
}

function crlNumberOf(value: Uint8Array | undefined): string | null {
  if (!value) return null;
  const integer = readTlv(value, 0);
  if (integer.tag !== TAG.integer) return null;
  const hex = Buffer.from(contentOf(value, integer)).toString('hex').replace(/^0+/, '');
  return hex === '' ? '0' : hex;
}

function namedBy(view: CrlView, candidate: CrlCandidate): boolean {
  const issuerName = Buffer.from(view.issuer);
  const certificateIssuer = Buffer.from(candidate.certificate.asn.issuer.toSchema().toBER());
  return issuerName.equals(certificateIssuer) || candidate.crlIssuers.some((name) => issuerName.equals(name));
}

export function checkCrl(bytes: Uint8Array, candidates: readonly CrlCandidate[]): CheckedCrl {
  const der = derOf(bytes);
  let view: CrlView;
  let extensions: Map<string, Uint8Array>;
  try {
    view = readCrl(der);
    extensions = extensionsOf(view.tbs);
  } catch (e) {
    return refuse('máy chủ không trả về danh sách thu hồi (CRL) đọc được', `not a CRL: ${(e as Error).message}`);
  }
  const issuer = new x509.Name(view.issuer).toString();
  if (extensions.has(DELTA_CRL_INDICATOR)) return refuse('máy chủ trả về danh sách thu hồi bổ sung (delta), không phải danh sách đầy đủ', `delta CRL of ${issuer}`);
  const named = candidates.filter((c) => namedBy(view, c));
  if (named.length === 0) {
    return refuse('danh sách thu hồi không phải của tổ chức cấp chứng thư', `CRL issued by ${issuer}, expected ${[...new Set(candidates.map((c) => c.certificate.info.issuer))].join(' or ')}`);
  }
  if (!named.some((c) => crlSignedBy(view, c.issuer))) {
    return refuse('chữ ký trên danh sách thu hồi không phải của tổ chức cấp chứng thư', `the CRL of ${issuer} does not verify with the key of ${named[0]!.issuer.info.subject}`);
  }
  let crlNumber: string | null;
  try {
    crlNumber = crlNumberOf(extensions.get(CRL_NUMBER));
  } catch {
    crlNumber = null;
  }
  return { der, sha256: createHash('sha256').update(der).digest('hex'), issuer, thisUpdate: view.thisUpdate, nextUpdate: view.nextUpdate, crlNumber };
}

// Whether `candidate` is a newer list than the one cached: issued later, or at the same time with
// a higher cRLNumber. An older list (a stale mirror, or a replay) never replaces a newer one.
export function isNewer(candidate: { thisUpdate: string; crlNumber: string | null }, cached: { thisUpdate: string; crlNumber: string | null }): boolean {
  if (candidate.thisUpdate !== cached.thisUpdate) return candidate.thisUpdate > cached.thisUpdate;
  if (candidate.crlNumber === null || cached.crlNumber === null) return false;
  return BigInt(`0x${candidate.crlNumber}`) > BigInt(`0x${cached.crlNumber}`);
}
