import { APP_HOST, APP_SCHEME } from './app-origin.ts';

export type AppRequestTarget =
  // `segments` are safe file-name parts under the renderer folder; `spaFallback` says whether a
  // missing file should be answered with index.html (a client-side route) or with 404.
  | { readonly kind: 'file'; readonly segments: readonly string[]; readonly spaFallback: boolean }
  | { readonly kind: 'refused'; readonly status: 400 | 404; readonly reason: string };

export const INDEX_SEGMENTS: readonly string[] = ['index.html'];

// Characters that no file the renderer build emits contains, and that would let a decoded path
// escape the folder on one platform or another: backslash is a separator on Windows, ':' names a
// drive or an NTFS stream, NUL truncates paths in native code.
const FORBIDDEN_IN_PATH = /[\\:\0]/;

// Maps an app:// URL to a file of the renderer build without touching the disk. Chromium
// normalises '..' in standard-scheme URLs before the request reaches us, but an encoded '/' or
// '\' survives that and becomes a separator once decoded, so the decoded path is checked again
// here, segment by segment. The caller still confirms the joined path stays inside the folder.
export function resolveAppRequest(url: string): AppRequestTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refused(400, 'unparsable URL');
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST || parsed.port !== '') {
    return refused(404, 'not the app origin');
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return refused(400, 'malformed percent-encoding');
  }
  if (FORBIDDEN_IN_PATH.test(decoded)) return refused(400, 'forbidden character in path');
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) return refused(400, 'dot segment in path');
  if (segments.length === 0) return { kind: 'file', segments: INDEX_SEGMENTS, spaFallback: false };
  const last = segments[segments.length - 1] ?? '';
  return { kind: 'file', segments, spaFallback: !last.includes('.') };
}

function refused(status: 400 | 404, reason: string): AppRequestTarget {
  return { kind: 'refused', status, reason };
}
