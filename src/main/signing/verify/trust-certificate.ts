import { X509Certificate } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as pkijs from 'pkijs';
import { OID } from '../cms/oids.ts';

// One certificate seen three ways: node:crypto checks issuance and signatures (OpenSSL), pkijs
// gives the raw ASN.1 (names, serial) the CMS and CRL compare against, @peculiar/x509 reads the
// names and extensions for people.
export interface ChainCertificate {
  readonly der: Uint8Array;
  readonly node: X509Certificate;
  readonly asn: pkijs.Certificate;
  readonly info: x509.X509Certificate;
}

// The trust list's certificates are the same arrays for the life of the process (the program's
// list is loaded once), and every signature verified would parse them three ways again: a sync
// that receives hundreds of documents parses them once.
const parsed = new WeakMap<Uint8Array, ChainCertificate>();

export function readCertificate(der: Uint8Array): ChainCertificate {
  let certificate = parsed.get(der);
  if (!certificate) {
    certificate = { der, node: new X509Certificate(der), asn: pkijs.Certificate.fromBER(der), info: new x509.X509Certificate(der) };
    parsed.set(der, certificate);
  }
  return certificate;
}

// Certificates that do not parse are left out; the callers say what they could not use.
export function readCertificates(ders: readonly Uint8Array[]): ChainCertificate[] {
  const out: ChainCertificate[] = [];
  for (const der of ders) {
    try {
      out.push(readCertificate(der));
    } catch {
      // An unreadable certificate cannot be part of a path; the path check reports what is missing.
    }
  }
  return out;
}

export function sameCertificate(a: ChainCertificate, b: ChainCertificate): boolean {
  return Buffer.from(a.der).equals(b.der);
}

// `issuer` issued `subject`: the issuer's name is the subject's issuer name and the signature
// verifies with the issuer's key. Whether the issuer may issue certificates (CA, key usage, path
// length) is the path check's, which says which rule failed; OpenSSL's checkIssued would fold
// those into one "not issued".
export function issued(issuer: ChainCertificate, subject: ChainCertificate): boolean {
  try {
    return namesIssuer(issuer, subject) && subject.node.verify(issuer.node.publicKey);
  } catch {
    return false;
  }
}

export function namesIssuer(issuer: ChainCertificate, subject: ChainCertificate): boolean {
  return subject.asn.issuer.isEqual(issuer.asn.subject);
}

export function keyAlgorithmOf(certificate: ChainCertificate): string {
  const oid = certificate.asn.subjectPublicKeyInfo.algorithm.algorithmId;
  return oid === OID.rsaEncryption ? 'RSA' : oid === OID.ecPublicKey ? 'EC' : oid;
}

export function validityAt(certificate: ChainCertificate, at: Date): 'valid' | 'expired' | 'not-yet-valid' {
  if (at < certificate.info.notBefore) return 'not-yet-valid';
  if (at > certificate.info.notAfter) return 'expired';
  return 'valid';
}

// Key usage permits signing documents (digitalSignature or nonRepudiation), or is unrestricted.
export function keyUsagePermitsSigning(certificate: ChainCertificate): boolean {
  const keyUsage = certificate.info.getExtension(x509.KeyUsagesExtension);
  if (!keyUsage) return true;
  return (keyUsage.usages & (x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation)) !== 0;
}

// A CA's key usage, when present, must include keyCertSign (RFC 5280 §4.2.1.3).
export function mayCertify(certificate: ChainCertificate): boolean {
  const keyUsage = certificate.info.getExtension(x509.KeyUsagesExtension);
  return !keyUsage || (keyUsage.usages & x509.KeyUsageFlags.keyCertSign) !== 0;
}

export function pathLengthOf(certificate: ChainCertificate): number | null {
  return certificate.info.getExtension(x509.BasicConstraintsExtension)?.pathLength ?? null;
}

export function extendedKeyUsages(certificate: ChainCertificate): readonly string[] | null {
  const extension = certificate.info.getExtension(x509.ExtendedKeyUsageExtension);
  return extension ? extension.usages.map(String) : null;
}
