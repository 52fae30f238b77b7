// The renderer's one and only origin. It is a custom standard scheme rather than file:// so that
// the page has a real origin ('self' in the CSP means exactly our files), cannot read the disk,
// and every URL it may load or navigate to can be recognised with one comparison.
export const APP_SCHEME = 'app';
export const APP_HOST = 'vanthu';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

// Parsed rather than compared as a prefix, so that 'app://vanthu.evil/' or
// 'app://vanthu@evil/' cannot pass for our origin.
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
