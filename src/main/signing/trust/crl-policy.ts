import { fetchableUrl } from './crl-points.ts';

// Where this process may fetch revocation lists from. The app asks every distribution point, and
// refreshes after each sync that reached the hub; the loopback bridge and the tests built on it
// ask loopback addresses only, since the trust list it loads names the real CAs' servers and a
// test must not reach beyond loopback.
export interface CrlFetchPolicy {
  readonly afterSync: boolean;
  readonly allowUrl: (url: string) => boolean;
}

export function isLoopbackUrl(url: string): boolean {
  const normal = fetchableUrl(url);
  if (!normal) return false;
  const host = new URL(normal).hostname;
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

export const OPEN_CRL_POLICY: CrlFetchPolicy = { afterSync: true, allowUrl: () => true };
export const LOOPBACK_CRL_POLICY: CrlFetchPolicy = { afterSync: true, allowUrl: isLoopbackUrl };
