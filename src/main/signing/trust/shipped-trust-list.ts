import { fileURLToPath } from 'node:url';

// The trust list shipped with the program: <repo>/resources/trust from the source tree,
// <resources>/trust in a packaged app (the caller passes resourcesDir).
export function shippedTrustListDir(resourcesDir?: string): string {
  return resourcesDir ? `${resourcesDir.replace(/[\\/]$/, '')}/trust` : fileURLToPath(new URL('../../../../resources/trust', import.meta.url));
}
