import { X509Certificate } from 'node:crypto';

// What a certificate of the trust list is for, read from the certificate itself: a root signs
// itself; an intermediate is a CA under a root; a timestamping certificate is the TSA's own
// (CA:FALSE, extended key usage timeStamping), listed so that a token whose TSA certificate is
// missing can still be checked. Anything else (a person's certificate) has no place in the list.
import { TRUST_ROLES } from '../../../shared/api/schemas/trust-list.ts';

export { TRUST_ROLES };
export type TrustRole = (typeof TRUST_ROLES)[number];

const TIME_STAMPING = '1.3.6.1.5.5.7.3.8';

export function selfSigned(certificate: X509Certificate): boolean {
  try {
    return certificate.checkIssued(certificate) && certificate.verify(certificate.publicKey);
  } catch {
    return false;
  }
}

export function roleOf(certificate: X509Certificate): TrustRole | null {
  if (certificate.ca) return selfSigned(certificate) ? 'root' : 'intermediate';
  // node:crypto names the extended key usages keyUsage.
  return certificate.keyUsage?.includes(TIME_STAMPING) ? 'timestamping' : null;
}

export const ROLE_NAMES_VI: Readonly<Record<TrustRole, string>> = {
  root: 'chứng thư gốc',
  intermediate: 'chứng thư trung gian',
  timestamping: 'chứng thư dấu thời gian',
};
