import { type ChainCertificate, issued, mayCertify, namesIssuer, pathLengthOf, sameCertificate, validityAt } from './trust-certificate.ts';

// Builds the path from a certificate to a configured trust anchor through the certificates the
// signature carries, and checks it at one time (the signing time the caller settled on).
export type TrustStatus = 'trusted' | 'unknown-ca' | 'incomplete-chain' | 'invalid-chain';

export interface ChainResult {
  readonly status: TrustStatus;
  // The path from the certificate upward, as far as it could be built (anchor last when trusted).
  readonly path: readonly ChainCertificate[];
  readonly detail: string;
}

const MAX_DEPTH = 8;

function selfIssued(certificate: ChainCertificate): boolean {
  return namesIssuer(certificate, certificate) && issued(certificate, certificate);
}

// RFC 5280 §6.1 at the signing time: every issuer below the anchor is a CA (basic constraints),
// may sign certificates (key usage keyCertSign when key usage is present), was valid at `at`, and
// has no more CAs under it than its path length allows; names chain and signatures verify (the
// path was built that way). Trust anchors are taken as configured (their own validity and
// constraints are the trust list's choice, as RFC 5280 §6 leaves them).
function checkIssuers(path: readonly ChainCertificate[], anchorIndex: number, at: Date): ChainResult {
  for (const [i, certificate] of path.entries()) {
    if (i === 0 || i === anchorIndex) continue;
    const subject = certificate.info.subject;
    if (!certificate.node.ca) return { status: 'invalid-chain', path, detail: `${subject} issued a certificate on the path but is not a CA` };
    if (!mayCertify(certificate)) return { status: 'invalid-chain', path, detail: `${subject} issued a certificate on the path but its key usage lacks keyCertSign` };
    const validity = validityAt(certificate, at);
    if (validity !== 'valid') return { status: 'invalid-chain', path, detail: `intermediate ${subject} is ${validity} at ${at.toISOString()}` };
    const pathLength = pathLengthOf(certificate);
    // The CAs between the leaf and this one, the leaf excluded.
    if (pathLength !== null && i - 1 > pathLength) return { status: 'invalid-chain', path, detail: `${subject} allows ${pathLength} CA(s) under it, the path has ${i - 1}` };
  }
  const anchor = path[anchorIndex]!;
  return { status: 'trusted', path, detail: `path of ${path.length} certificate(s) to the trust anchor ${anchor.info.subject}, signatures and CA constraints checked at ${at.toISOString()}` };
}

export function buildChain(leaf: ChainCertificate, pool: readonly ChainCertificate[], anchors: readonly ChainCertificate[], at: Date): ChainResult {
  const path: ChainCertificate[] = [leaf];
  let current = leaf;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (anchors.some((a) => sameCertificate(a, current))) return checkIssuers(path, path.length - 1, at);
    const anchor = anchors.find((a) => issued(a, current));
    if (anchor) {
      path.push(anchor);
      return checkIssuers(path, path.length - 1, at);
    }
    if (selfIssued(current)) {
      return { status: 'unknown-ca', path, detail: `the path ends at ${current.info.subject}, a root that is not a configured trust anchor` };
    }
    const named = [...anchors, ...pool].filter((c) => namesIssuer(c, current) && !path.some((p) => sameCertificate(p, c)));
    const next = named.find((c) => issued(c, current));
    if (!next) {
      return named.length > 0
        ? { status: 'invalid-chain', path, detail: `the signature on ${current.info.subject} does not verify with the key of any certificate named ${current.info.issuer}` }
        : { status: 'incomplete-chain', path, detail: `no certificate of the issuer ${current.info.issuer} is in the signature or the trust anchors` };
    }
    path.push(next);
    current = next;
  }
  return { status: 'invalid-chain', path, detail: `no trust anchor within ${MAX_DEPTH} certificates` };
}
