import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

// A test certification authority and the certificates the signing tests need: a leader and an
// agency (RSA 2048, as Vietnamese CA tokens are), an EC leader, an expired one, a revoked one
// (with the root's CRL), one from a CA nobody trusts, and a timestamping authority. Made fresh
// per test run, never checked in.
x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

type CryptoKey = webcrypto.CryptoKey;
type CryptoKeyPair = webcrypto.CryptoKeyPair;

const RSA: webcrypto.RsaHashedKeyGenParams = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
const EC: webcrypto.EcKeyGenParams & { hash: string } = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const DAY = 86_400_000;

export interface TestIdentity {
  readonly subject: string;
  readonly certificate: x509.X509Certificate;
  readonly der: Uint8Array;
  readonly pem: string;
  readonly keys: CryptoKeyPair;
  // PKCS#8 PEM of the private key, for openssl, pk12util and node:crypto.
  readonly privateKeyPem: string;
}

export interface TestPki {
  readonly root: TestIdentity;
  readonly leader: TestIdentity;
  readonly agency: TestIdentity;
  readonly ecLeader: TestIdentity;
  readonly expired: TestIdentity;
  readonly revoked: TestIdentity;
  readonly unknownRoot: TestIdentity;
  readonly stranger: TestIdentity;
  readonly tsa: TestIdentity;
  // DER CRL of the root listing `revoked`.
  readonly crl: Uint8Array;
}

export interface IssueOptions {
  readonly subject: string;
  readonly ca?: boolean;
  readonly notBefore?: Date;
  readonly notAfter?: Date;
  readonly timeStamping?: boolean;
  readonly serialNumber?: string;
  // URLs for the CRL distribution points extension (the revocation cache tests serve them on loopback).
  readonly crlDistributionPoints?: readonly string[];
}

async function pemOfPrivateKey(key: CryptoKey): Promise<string> {
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  return `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n')}-----END PRIVATE KEY-----\n`;
}

function extensions(options: IssueOptions): x509.Extension[] {
  const list: x509.Extension[] = [new x509.BasicConstraintsExtension(options.ca === true, undefined, true)];
  if (options.ca) {
    list.push(new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true));
  } else if (options.timeStamping) {
    list.push(new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true));
    list.push(new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.timeStamping], true));
  } else {
    list.push(new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true));
  }
  if (options.crlDistributionPoints) list.push(new x509.CRLDistributionPointsExtension([...options.crlDistributionPoints]));
  return list;
}

async function identity(subject: string, certificate: x509.X509Certificate, keys: CryptoKeyPair): Promise<TestIdentity> {
  return {
    subject,
    certificate,
    der: new Uint8Array(certificate.rawData),
    pem: certificate.toString('pem'),
    keys,
    privateKeyPem: await pemOfPrivateKey(keys.privateKey),
  };
}

export async function createRoot(subject: string): Promise<TestIdentity> {
  const keys = (await webcrypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) ;
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    name: subject,
    keys,
    notBefore: new Date(Date.now() - 3650 * DAY),
    notAfter: new Date(Date.now() + 3650 * DAY),
    extensions: [...extensions({ subject, ca: true }), await x509.SubjectKeyIdentifierExtension.create(keys.publicKey)],
  });
  return identity(subject, certificate, keys);
}

// Certifies a public key the test did not make here (for example one generated on a SoftHSM
// token): `publicKey` is a WebCrypto key or a DER SubjectPublicKeyInfo.
export async function certifyKey(issuer: TestIdentity, publicKey: CryptoKey | Uint8Array, options: IssueOptions): Promise<x509.X509Certificate> {
  const key = publicKey instanceof Uint8Array ? new x509.PublicKey(publicKey) : publicKey;
  const ski = await x509.SubjectKeyIdentifierExtension.create(key as CryptoKey);
  return x509.X509CertificateGenerator.create({
    serialNumber: options.serialNumber ?? Buffer.from(webcrypto.getRandomValues(new Uint8Array(8))).toString('hex').replace(/^[89a-f]/, '1'),
    subject: options.subject,
    issuer: issuer.certificate.subject,
    notBefore: options.notBefore ?? new Date(Date.now() - 30 * DAY),
    notAfter: options.notAfter ?? new Date(Date.now() + 700 * DAY),
    publicKey: key as CryptoKey,
    signingKey: issuer.keys.privateKey,
    extensions: [...extensions(options), ski, await x509.AuthorityKeyIdentifierExtension.create(issuer.certificate)],
  });
}

export async function issue(issuer: TestIdentity, options: IssueOptions, algorithm: 'RSA' | 'EC' = 'RSA'): Promise<TestIdentity> {
  const keys = (await webcrypto.subtle.generateKey(algorithm === 'RSA' ? RSA : EC, true, ['sign', 'verify'])) ;
  return identity(options.subject, await certifyKey(issuer, keys.publicKey, options), keys);
}

export async function createTestPki(): Promise<TestPki> {
  const root = await createRoot('CN=VanThu Test Root CA, O=VanThu Test, C=VN');
  const revoked = await issue(root, { subject: 'CN=Trần Văn Thu Hồi, O=UBND xã Thử Nghiệm, C=VN' });
  const unknownRoot = await createRoot('CN=Unknown Test CA, O=Nobody, C=VN');
  const now = Date.now();
  const crl = await x509.X509CrlGenerator.create({
    issuer: root.certificate.subject,
    thisUpdate: new Date(now - DAY),
    nextUpdate: new Date(now + 30 * DAY),
    entries: [{ serialNumber: revoked.certificate.serialNumber, revocationDate: new Date(now - 2 * DAY) }],
    signingKey: root.keys.privateKey,
    signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  });
  return {
    root,
    leader: await issue(root, { subject: 'CN=Nguyễn Văn An, T=Chủ tịch, O=UBND xã Thử Nghiệm, C=VN' }),
    agency: await issue(root, { subject: 'CN=UBND xã Thử Nghiệm, O=UBND xã Thử Nghiệm, C=VN' }),
    ecLeader: await issue(root, { subject: 'CN=Lê Thị Bình, T=Phó Chủ tịch, O=UBND xã Thử Nghiệm, C=VN' }, 'EC'),
    expired: await issue(root, {
      subject: 'CN=Phạm Văn Hết Hạn, O=UBND xã Thử Nghiệm, C=VN',
      notBefore: new Date(now - 800 * DAY),
      notAfter: new Date(now - 400 * DAY),
    }),
    revoked,
    unknownRoot,
    stranger: await issue(unknownRoot, { subject: 'CN=Người Lạ, O=Nobody, C=VN' }),
    tsa: await issue(root, { subject: 'CN=VanThu Test TSA, O=VanThu Test, C=VN', timeStamping: true }),
    crl: new Uint8Array(crl.rawData),
  };
}

export interface CrlOptions {
  readonly thisUpdate?: Date;
  readonly nextUpdate?: Date;
  readonly revoked?: readonly TestIdentity[];
  readonly crlNumber?: bigint;
  // A delta CRL (deltaCRLIndicator naming this base number), which lists only changes.
  readonly deltaOf?: bigint;
  // Signs with another key than the issuer's (a forged list under the issuer's name).
  readonly signingKey?: CryptoKey;
  // Extra entries, to make a large list.
  readonly padding?: number;
}

function integerExtension(oid: string, value: bigint, critical: boolean): x509.Extension {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (Number.parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`;
  const length = hex.length / 2;
  return new x509.Extension(oid, critical, Buffer.from(`02${length.toString(16).padStart(2, '0')}${hex}`, 'hex'));
}

// A CRL of `issuer` (DER), by default issued a day ago, valid 30 days, listing `revoked`.
export async function createCrl(issuer: TestIdentity, options: CrlOptions = {}): Promise<Uint8Array> {
  const now = Date.now();
  const extensions: x509.Extension[] = [];
  if (options.crlNumber !== undefined) extensions.push(integerExtension('2.5.29.20', options.crlNumber, false));
  if (options.deltaOf !== undefined) extensions.push(integerExtension('2.5.29.27', options.deltaOf, true));
  const entries = (options.revoked ?? []).map((r) => ({ serialNumber: r.certificate.serialNumber, revocationDate: new Date(now - 2 * DAY) }));
  for (let i = 0; i < (options.padding ?? 0); i++) entries.push({ serialNumber: `7f${i.toString(16).padStart(12, '0')}`, revocationDate: new Date(now - 3 * DAY) });
  const crl = await x509.X509CrlGenerator.create({
    issuer: issuer.certificate.subject,
    thisUpdate: options.thisUpdate ?? new Date(now - DAY),
    nextUpdate: options.nextUpdate ?? new Date(now + 30 * DAY),
    entries,
    extensions,
    signingKey: options.signingKey ?? issuer.keys.privateKey,
    signingAlgorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  });
  return new Uint8Array(crl.rawData);
}
