import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { describe, expect, it } from 'vitest';
import { crlPointsOf, fetchableUrl } from './crl-points.ts';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

function tlv(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const body = Buffer.concat(parts);
  const length = body.length < 0x80 ? Buffer.from([body.length]) : Buffer.from([0x82, body.length >> 8, body.length & 0xff]);
  return new Uint8Array(Buffer.concat([Buffer.from([tag]), length, body]));
}
const uri = (text: string) => tlv(0x86, Buffer.from(text, 'latin1'));
// DistributionPoint { distributionPoint [0] { fullName [0] GeneralNames }, cRLIssuer [2] GeneralNames }
const point = (names: Uint8Array[], crlIssuer?: Uint8Array) => tlv(0x30, tlv(0xa0, tlv(0xa0, ...names)), ...(crlIssuer ? [tlv(0xa2, tlv(0xa4, crlIssuer))] : []));

async function certificateWith(extension: x509.Extension): Promise<x509.X509Certificate> {
  const keys = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  return x509.X509CertificateGenerator.createSelfSigned({ name: 'CN=Điểm phân phối thử', keys, signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' }, extensions: [extension] });
}

describe('CRL distribution points', () => {
  it('takes http and https URLs only, normalised, without credentials, fragments or repeats', () => {
    expect(fetchableUrl('http://crl.example.vn/ca.crl')).toBe('http://crl.example.vn/ca.crl');
    expect(fetchableUrl(' HTTPS://CRL.Example.vn/a%20b.crl#x ')).toBe('https://crl.example.vn/a%20b.crl');
    for (const bad of ['ldap://ldap.example.vn/cn=CA?certificateRevocationList', 'file:///etc/passwd', 'ftp://x/y.crl', 'http://user:pw@x/y.crl', 'not a url', `http://x/${'a'.repeat(2100)}`]) {
      expect(fetchableUrl(bad)).toBeNull();
    }
  });

  it('reads the points of a certificate and the cRLIssuer a point names', async () => {
    const issuerName = new Uint8Array(new x509.Name('CN=VIETNAM NATIONAL ROOT CA – RS, C=VN').toArrayBuffer());
    const value = tlv(
      0x30,
      point([uri('ldap://ldap.example.vn/cn=CA'), uri('http://crl.example.vn/ca.crl')]),
      point([uri('https://rootca.example.vn/crl/rs.crl'), uri('http://crl.example.vn/ca.crl')], issuerName),
    );
    const certificate = await certificateWith(new x509.Extension('2.5.29.31', true, value));
    const points = crlPointsOf(certificate);
    expect(points.map((p) => p.url)).toEqual(['http://crl.example.vn/ca.crl', 'https://rootca.example.vn/crl/rs.crl']);
    expect(points[0]!.crlIssuers).toEqual([]);
    expect(points[1]!.crlIssuers.map((n) => new x509.Name(n).toString())).toEqual(['CN=VIETNAM NATIONAL ROOT CA – RS, C=VN']);
  });

  it('names nothing when the extension is absent, unreadable or endless', async () => {
    expect(crlPointsOf(await certificateWith(new x509.BasicConstraintsExtension(false)))).toEqual([]);
    expect(crlPointsOf(await certificateWith(new x509.Extension('2.5.29.31', false, new Uint8Array([0x30, 0x03, 0x01, 0x01]))))).toEqual([]);
    const many = tlv(0x30, ...Array.from({ length: 40 }, (_, i) => point([uri(`http://crl.example.vn/${i}.crl`)])));
    expect(crlPointsOf(await certificateWith(new x509.Extension('2.5.29.31', false, many)))).toHaveLength(8);
  });
});
