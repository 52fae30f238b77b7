import * as x509 from '@peculiar/x509';

// The CRL distribution points a certificate names (RFC 5280 §4.2.1.13) that this program can
// fetch: http and https URLs. LDAP points, which some CAs list beside them, need a directory
// client the closed network does not offer. A certificate is hostile input like any other: a few
// points of bounded length are taken, the rest ignored.

export interface CrlPoint {
  readonly url: string;
  // DER Names a point gives as its CRL issuer (cRLIssuer); empty when the certificate's own issuer
  // issues the list. Some Vietnamese root certificates name the root here spelled with an en dash
  // where their issuer field has a hyphen.
  readonly crlIssuers: readonly Uint8Array[];
}

const MAX_URL_LENGTH = 2048;
const MAX_POINTS = 8;

// The URL in its normal form, or null for anything but plain http(s) (no credentials in it).
export function fetchableUrl(text: string): string | null {
  if (text.length > MAX_URL_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '') return null;
  url.hash = '';
  return url.href;
}

export function crlPointsOf(certificate: x509.X509Certificate): CrlPoint[] {
  let extension: x509.CRLDistributionPointsExtension | null;
  try {
    extension = certificate.getExtension(x509.CRLDistributionPointsExtension);
  } catch {
    // An extension that does not parse names nothing we could fetch.
    return [];
  }
  const points: CrlPoint[] = [];
  for (const point of extension?.distributionPoints ?? []) {
    const crlIssuers = (point.cRLIssuer ?? []).flatMap((name) => (name.directoryName ? [new Uint8Array(new x509.Name(name.directoryName).toArrayBuffer())] : []));
    for (const name of point.distributionPoint?.fullName ?? []) {
      const url = name.uniformResourceIdentifier ? fetchableUrl(name.uniformResourceIdentifier) : null;
      if (url && !points.some((p) => p.url === url)) points.push({ url, crlIssuers });
      if (points.length === MAX_POINTS) return points;
    }
  }
  return points;
}
