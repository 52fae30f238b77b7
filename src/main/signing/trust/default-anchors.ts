import { fileURLToPath } from 'node:url';

// The trust anchors folder shipped with the program: <repo>/resources/trust-anchors from the
// source tree, <resources>/trust-anchors in a packaged app (the caller passes resourcesDir).
export function shippedAnchorsDir(resourcesDir?: string): string {
  return resourcesDir ? `${resourcesDir.replace(/[\\/]$/, '')}/trust-anchors` : fileURLToPath(new URL('../../../../resources/trust-anchors', import.meta.url));
}
