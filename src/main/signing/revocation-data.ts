import type { DssData } from '../pdf/dss.ts';
import type { RawSigner } from './raw-signer.ts';
import { issued, readCertificates, type ChainCertificate } from './verify/trust-certificate.ts';
import { checkRevocation } from './verify/trust-revocation.ts';

// The data for a B-LT signature's DSS: the signer's chain and every given CRL that is issued and
// signed by an issuer on that chain (so a verifier later, offline, can check revocation without
// fetching anything). null when none applies: the signature then stays B-B/B-T.
export function revocationDataFor(signer: RawSigner, crls: readonly Uint8Array[], now: Date): DssData | null {
  if (crls.length === 0) return null;
  let chain: ChainCertificate[];
  try {
    chain = readCertificates([signer.certificate, ...signer.chain]);
  } catch {
    return null;
  }
  const applicable = new Set<Uint8Array>();
  for (const certificate of chain) {
    const issuer = chain.find((c) => c !== certificate && issued(c, certificate)) ?? null;
    if (!issuer) continue;
    for (const crl of crls) {
      if (checkRevocation(certificate, issuer, [crl], now, now).source === 'crl') applicable.add(crl);
    }
  }
  if (applicable.size === 0) return null;
  return { certificates: [signer.certificate, ...signer.chain], crls: [...applicable], ocsps: [] };
}
