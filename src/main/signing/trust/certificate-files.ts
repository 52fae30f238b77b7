import { X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

// The certificates in a file as the CAs publish them: PEM (one or many), DER (.cer/.crt), or a
// PKCS#7 certificate bundle (.p7b / .p7c, DER or PEM "PKCS7"), as the national root CA publishes
// its list. Parsing is the check: node:crypto (OpenSSL) refuses anything that is not one X.509
// certificate. Throws an Error with an English reason when the file holds none.

const PEM_BLOCK = /-----BEGIN (CERTIFICATE|PKCS7)-----([A-Za-z0-9+/=\s]+?)-----END \1-----/g;
const SIGNED_DATA = '1.2.840.113549.1.7.2';

function certificatesOfBundle(der: Uint8Array): Uint8Array[] | null {
  const parsed = asn1js.fromBER(der);
  if (parsed.offset === -1) return null;
  try {
    const info = new pkijs.ContentInfo({ schema: parsed.result });
    if (info.contentType !== SIGNED_DATA) return null;
    const signed = new pkijs.SignedData({ schema: info.content });
    return (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate).map((c) => new Uint8Array(c.toSchema().toBER()));
  } catch {
    // Not a ContentInfo: the caller tries the bytes as one certificate.
    return null;
  }
}

function certificatesOfDer(der: Uint8Array): Uint8Array[] {
  const bundle = certificatesOfBundle(der);
  const ders = bundle ?? [der];
  if (bundle && bundle.length === 0) throw new Error('a PKCS#7 bundle with no certificate');
  return ders.map((d) => new Uint8Array(new X509Certificate(d).raw));
}

export function certificatesInFile(bytes: Uint8Array): Uint8Array[] {
  const text = Buffer.from(bytes).toString('latin1');
  const blocks = [...text.matchAll(PEM_BLOCK)];
  if (blocks.length === 0 && text.includes('-----BEGIN')) throw new Error('PEM without a CERTIFICATE or PKCS7 block');
  if (blocks.length === 0) return certificatesOfDer(bytes);
  return blocks.flatMap((m) => certificatesOfDer(new Uint8Array(Buffer.from(m[2]!.replace(/\s+/g, ''), 'base64'))));
}
