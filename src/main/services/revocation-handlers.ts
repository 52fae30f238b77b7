import { logCrlRefresh } from '../signing/trust/crl-log.ts';
import type { CrlFetchPolicy } from '../signing/trust/crl-policy.ts';
import { refreshProfileCrls, revocationStatusOf } from '../signing/trust/profile-crls.ts';
import type { HandlerDeps, Handlers } from './handler-types.ts';

// The revocation lists kept for checking signatures offline (docs/signing.md "Revocation"): a
// refresh on the clerk's request, every point asked whatever was checked lately, and what is kept.
export function createRevocationHandlers(
  { ready, resources, session }: Pick<HandlerDeps, 'ready' | 'resources' | 'session'>,
  policy: CrlFetchPolicy,
): Pick<Handlers, 'trust.refreshRevocation' | 'trust.revocationStatus'> {
  return {
    'trust.refreshRevocation': async () => {
      const p = ready();
      const result = await refreshProfileCrls(p, resources.dir, { allowUrl: policy.allowUrl });
      logCrlRefresh(session.logger, 'request', result);
      return result;
    },
    'trust.revocationStatus': () => revocationStatusOf(ready(), resources.dir),
  };
}
