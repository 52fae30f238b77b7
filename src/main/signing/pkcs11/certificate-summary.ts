import * as x509 from '@peculiar/x509';
import { AppError } from '../../../shared/errors.ts';
import type { KeyAlgorithm } from '../raw-signer.ts';
import type { TokenCertificate } from './token-types.ts';

const KEY_USAGE_NAMES: ReadonlyArray<readonly [x509.KeyUsageFlags, string]> = [
  [x509.KeyUsageFlags.digitalSignature, 'digitalSignature'],
  [x509.KeyUsageFlags.nonRepudiation, 'nonRepudiation'],
  [x509.KeyUsageFlags.keyEncipherment, 'keyEncipherment'],
  [x509.KeyUsageFlags.dataEncipherment, 'dataEncipherment'],
  [x509.KeyUsageFlags.keyAgreement, 'keyAgreement'],
  [x509.KeyUsageFlags.keyCertSign, 'keyCertSign'],
  [x509.KeyUsageFlags.cRLSign, 'cRLSign'],
  [x509.KeyUsageFlags.encipherOnly, 'encipherOnly'],
  [x509.KeyUsageFlags.decipherOnly, 'decipherOnly'],
];

const CURVE_BITS: Readonly<Record<string, number>> = { 'P-256': 256, 'P-384': 384, 'P-521': 521 };

export function parseCertificate(der: Uint8Array): x509.X509Certificate {
  try {
    return new x509.X509Certificate(der);
  } catch (e) {
    throw new AppError('TOKEN_UNAVAILABLE', 'Thiết bị ký số chứa một chứng thư số không đọc được.', `certificate on the token does not parse: ${(e as Error).message}`);
  }
}

export function keyOf(certificate: x509.X509Certificate): { keyAlgorithm: KeyAlgorithm; keySize: number } | null {
  const algorithm = certificate.publicKey.algorithm as { name: string; modulusLength?: number; namedCurve?: string };
  if (algorithm.name.startsWith('RSA')) return { keyAlgorithm: 'RSA', keySize: algorithm.modulusLength ?? 0 };
  if (algorithm.name === 'ECDSA' || algorithm.name === 'ECDH') return { keyAlgorithm: 'EC', keySize: CURVE_BITS[algorithm.namedCurve ?? ''] ?? 0 };
  return null;
}

export function isCaCertificate(certificate: x509.X509Certificate): boolean {
  return certificate.getExtension(x509.BasicConstraintsExtension)?.ca === true;
}

// The facts the sign dialog shows for a certificate; null for a key type we cannot sign with
// (neither RSA nor EC), which the listing then leaves out.
export function summarizeCertificate(id: string, label: string, der: Uint8Array): TokenCertificate | null {
  const certificate = parseCertificate(der);
  const key = keyOf(certificate);
  if (!key) return null;
  const usages = certificate.getExtension(x509.KeyUsagesExtension)?.usages ?? 0;
  return {
    id,
    label,
    subject: certificate.subject,
    issuer: certificate.issuer,
    serialNumber: certificate.serialNumber.toLowerCase(),
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
    keyUsage: KEY_USAGE_NAMES.filter(([flag]) => (usages & flag) !== 0).map(([, name]) => name),
    ...key,
    derBase64: Buffer.from(der).toString('base64'),
  };
}

// The issuing chain found among the token's certificates, nearest issuer first, by issuer and
// subject names; stops at a self-signed certificate or when no issuer is on the token.
export function chainOf(signer: x509.X509Certificate, candidates: readonly x509.X509Certificate[]): x509.X509Certificate[] {
  const chain: x509.X509Certificate[] = [];
  let current = signer;
  while (current.subject !== current.issuer && chain.length < 8) {
    const issuer = candidates.find((c) => c.subject === current.issuer && isCaCertificate(c) && !chain.includes(c));
    if (!issuer) break;
    chain.push(issuer);
    current = issuer;
  }
  return chain;
}
