import type { CrlRefreshResult, RevocationStatus } from '../../../shared/api/schemas/revocation.ts';
import type { RegistryContext } from '../../registry/context.ts';
import { cachedCrlRows, crlFileIntact } from './crl-cache.ts';
import { type RefreshOptions, refreshCrls } from './crl-refresh.ts';
import { crlSourcesFor } from './crl-sources.ts';
import { profileTrust } from './profile-trust.ts';

// The revocation lists of one profile: those of the CA certificates it trusts (the program's
// list, the profile's additions, the administrator's folders) and of the signer certificates
// noted by the verifier.

export function trustedCaCertificates(ctx: RegistryContext, resourcesDir?: string): Uint8Array[] {
  const trust = profileTrust(ctx, resourcesDir);
  return [...trust.anchors, ...trust.intermediates, ...trust.timestamping];
}

export function refreshProfileCrls(ctx: RegistryContext, resourcesDir: string | undefined, options: RefreshOptions = {}): Promise<CrlRefreshResult> {
  return refreshCrls(ctx, trustedCaCertificates(ctx, resourcesDir), options);
}

export function revocationStatusOf(ctx: RegistryContext, resourcesDir?: string): RevocationStatus {
  const now = ctx.clock.now().getTime();
  const rows = cachedCrlRows(ctx);
  const cached = new Set(rows.map((r) => r.url));
  return {
    crls: rows.map((r) => ({
      url: r.url,
      issuer: r.issuer,
      thisUpdate: r.thisUpdate,
      nextUpdate: r.nextUpdate,
      fetchedAt: r.fetchedAt,
      checkedAt: r.checkedAt,
      size: r.size,
      sha256: r.sha256,
      stale: r.nextUpdate !== null && Date.parse(r.nextUpdate) < now,
      present: crlFileIntact(ctx, r),
      lastFailure: r.failedAt && r.failureVi ? { at: r.failedAt, reasonVi: r.failureVi } : null,
    })),
    missingUrls: crlSourcesFor(ctx, trustedCaCertificates(ctx, resourcesDir))
      .map((s) => s.url)
      .filter((url) => !cached.has(url))
      .sort(),
  };
}
